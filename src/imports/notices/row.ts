// One flattened Contracts Finder notice row → a notice contract, or the reason it cannot be one. Pure.
// Contracts Finder's search API writes 0 for a value it does not have (value_high 0 beside value_low 8,000,000):
// the published numbers are kept as they are, and the notice's `value` is the awarded value, else the high, else
// the low estimate — the first that is above zero. HTML entities the API leaves in text (`&amp;`, `&#039;`) are
// decoded. Several suppliers of one award come comma-joined in one field and are kept as published.
import { normaliseOrgName } from '../../domain/org-name.js';
import { parseFlag } from '../../domain/organisation.js';
import { normalisePostcode } from '../../domain/postcode.js';
import type { HeaderMapping } from '../shared/header.js';
import { parseLocalDate } from '../shared/dates.js';
import { parseMoney } from '../shared/money.js';
import type { NoticeField } from './layout.js';

export interface NoticeContract {
  noticeId: string;
  title: string;
  description: string | null;
  organisationName: string | null;
  status: string | null;
  noticeType: string | null;
  publishedDate: string | null;
  deadlineDate: string | null;
  awardedDate: string | null;
  valueLow: string | null;
  valueHigh: string | null;
  awardedValue: string | null;
  value: string | null;
  supplierName: string | null;
  supplierNameNormalised: string | null;
  awardedToSme: boolean | null;
  suitableForSme: boolean | null;
  cpvCodes: string[];
  cpvDescription: string | null;
  region: string | null;
  postcode: string | null;
  url: string | null;
}

export type NoticeRowResult = { ok: true; notice: NoticeContract } | { ok: false; reason: string };

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `St John&#039;s` → `St John's`; unknown entities are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

const text = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  const t = decodeEntities(v).replace(/\s+/g, ' ').trim();
  return t === '' || t === 'None' || t === 'null' ? null : t;
};

const positive = (v: string | null): boolean => v !== null && !v.startsWith('-') && /[1-9]/.test(v);

export function noticeFromRow(
  cells: readonly string[],
  mapping: HeaderMapping<NoticeField>,
): NoticeRowResult {
  const c = mapping.columns;
  const get = (f: NoticeField) => (c[f] === undefined ? null : text(cells[c[f]]));
  const idText = get('noticeId');
  const url = get('url');
  const id = (idText ?? url)?.match(GUID)?.[0]?.toLowerCase();
  if (!id) {
    return {
      ok: false,
      reason: idText
        ? `notice id "${idText}" is not a Contracts Finder notice id (a GUID)`
        : 'no notice id (neither an id nor a notice link)',
    };
  }
  const title = get('title');
  if (!title) return { ok: false, reason: 'no title' };
  const values: Partial<Record<'valueLow' | 'valueHigh' | 'awardedValue', string | null>> = {};
  for (const f of ['valueLow', 'valueHigh', 'awardedValue'] as const) {
    const raw = get(f);
    const value = raw === null ? null : parseMoney(raw);
    if (raw !== null && value === null) return { ok: false, reason: `unreadable ${f} "${raw}"` };
    values[f] = value;
  }
  const dates: Partial<Record<'publishedDate' | 'deadlineDate' | 'awardedDate', string | null>> = {};
  for (const f of ['publishedDate', 'deadlineDate', 'awardedDate'] as const) {
    const raw = get(f);
    const date = raw === null ? null : parseLocalDate(/^\d{4}-\d\d-\d\dT/.test(raw) ? raw.slice(0, 10) : raw);
    if (raw !== null && date === null) return { ok: false, reason: `unreadable ${f} "${raw}"` };
    dates[f] = date;
  }
  const { valueLow = null, valueHigh = null, awardedValue = null } = values;
  const supplierName = get('supplierName');
  const cpv = get('cpvCodes');
  return {
    ok: true,
    notice: {
      noticeId: id,
      title,
      description: get('description'),
      organisationName: get('organisation'),
      status: get('status')?.toLowerCase() ?? null,
      noticeType: get('noticeType'),
      publishedDate: dates.publishedDate ?? null,
      deadlineDate: dates.deadlineDate ?? null,
      awardedDate: dates.awardedDate ?? null,
      valueLow,
      valueHigh,
      awardedValue,
      value: [awardedValue, valueHigh, valueLow].find(positive) ?? null,
      supplierName,
      supplierNameNormalised: normaliseOrgName(supplierName),
      awardedToSme: parseFlag(get('awardedToSme')),
      suitableForSme: parseFlag(get('suitableForSme')),
      cpvCodes: cpv ? (cpv.match(/\d{8}/g) ?? []) : [],
      cpvDescription: get('cpvDescription'),
      region: get('region'),
      postcode: normalisePostcode(get('postcode')),
      url,
    },
  };
}
