// The national red-flag list (docs/red-flags.md, "National list"): every buyer's stored flagged results, filtered
// by flag, severity, buyer, CPV and region, sorted and paged — for mission leads, central teams and the public, with
// the visibility of a buyer's list (public data, no sign-in). Read from the stored results only: judging every buyer
// on request would take minutes at a million contracts. A buyer waiting to be judged again shows its last stored
// results, each marked `stale`, and the answer says how many buyers wait; a buyer never refreshed is not in the
// list yet. The page, API, CSV and CLI call this one function, so they show the same figures.
import type { Kysely } from 'kysely';
import { RED_FLAGS, type FlagResult } from '../analytics/redflags/index.js';
import { survivingOrganisations } from '../analytics/quality/load-facts.js';
import { normaliseRegion } from '../domain/region.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { readNationalFlags, type NationalFlagSort } from '../store/redflag-national.repository.js';
import { cpvPrefix } from './contracts/contract-query.js';
import { integer } from './quality-input.js';
import { FLAGS_MAX_PAGE_SIZE } from './redflags-input.js';
import { SEVERITY } from './redflags-report.js';

export const NATIONAL_SORTS = ['severity', 'buyer'] as const;
export const NATIONAL_SEVERITIES = Object.keys(SEVERITY) as (keyof typeof SEVERITY)[];
/** Results counted (and listed, and exported) at most: narrow the filters beyond it. */
export const NATIONAL_CAP = 10_000;

export type NationalField = 'flag' | 'severity' | 'buyerId' | 'cpv' | 'region' | 'sort' | 'page' | 'pageSize';

export interface NationalFlagsInput {
  flag?: string;
  severity?: string;
  buyerId?: number | string;
  cpv?: string;
  region?: string;
  sort?: string;
  page?: number | string;
  pageSize?: number | string;
}

export interface NationalFlagsQuery {
  flag?: string;
  severity?: keyof typeof SEVERITY;
  buyerId?: number;
  /** Digits, 2 to 8. */
  cpv?: string;
  /** NUTS form, as stored (UKE, UKE4). */
  region?: string;
  sort: NationalFlagSort;
  page: number;
  pageSize: number;
}

export interface NationalFlagItem extends FlagResult {
  buyer: { id: number; name: string };
  /** The buyer waits to be judged again: this result is from its last refresh, older than its data. */
  stale: boolean;
}

export interface NationalFlagsAnswer {
  kind: 'national';
  query: NationalFlagsQuery;
  /** Results matching, counted up to NATIONAL_CAP. */
  total: number;
  /** More than NATIONAL_CAP match; only the first NATIONAL_CAP can be listed. */
  capped: boolean;
  /** Buyers waiting to be judged again (stale results shown, or none yet for a buyer never refreshed). */
  queuedBuyers: number;
  page: number;
  pageSize: number;
  items: NationalFlagItem[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Checks the input: the query, or every problem by field (the page shows them in an error summary). */
export function checkNationalFlagsQuery(input: NationalFlagsInput): {
  query: NationalFlagsQuery | null;
  problems: { field: NationalField; message: string }[];
} {
  const problems: { field: NationalField; message: string }[] = [];
  const problem = (field: NationalField) => (message: string) => problems.push({ field, message });
  const flag = text(input.flag);
  if (flag !== undefined && !RED_FLAGS.some((f) => f.id === flag))
    problem('flag')(`Flag must be one of ${RED_FLAGS.map((f) => f.id).join(', ')}`);
  const severity = text(input.severity) as keyof typeof SEVERITY | undefined;
  if (severity !== undefined && !NATIONAL_SEVERITIES.includes(severity))
    problem('severity')(`Severity must be one of ${NATIONAL_SEVERITIES.join(', ')}`);
  const buyer = text(String(input.buyerId ?? ''));
  const buyerId =
    buyer === undefined || !/^\d{1,15}$/.test(buyer) || Number(buyer) < 1 ? undefined : Number(buyer);
  if (buyer !== undefined && buyerId === undefined)
    problem('buyerId')('Buyer ID must be a whole number from 1');
  const cpvText = text(input.cpv);
  const cpv = cpvText === undefined ? undefined : cpvPrefix(cpvText);
  if (cpvText !== undefined && cpv === undefined)
    problem('cpv')('CPV code must be 2 to 8 digits, like 72 or 45210000');
  const regionText = text(input.region);
  const r = regionText === undefined || regionText.length > 7 ? null : normaliseRegion(regionText);
  if (regionText !== undefined && (r?.nuts == null || r.level === 0))
    problem('region')('Region must be an ITL or NUTS code, like TLE, UKE or TLE42');
  const sort = (text(input.sort) ?? 'severity') as NationalFlagSort;
  if (!NATIONAL_SORTS.includes(sort)) problem('sort')(`Sort must be one of ${NATIONAL_SORTS.join(', ')}`);
  const pageProblems: string[] = [];
  const page = integer('page', input.page, 1, 10_000, pageProblems);
  pageProblems.forEach(problem('page'));
  const sizeProblems: string[] = [];
  const pageSize = integer('pageSize', input.pageSize, 50, FLAGS_MAX_PAGE_SIZE, sizeProblems);
  sizeProblems.forEach(problem('pageSize'));
  if (problems.length > 0) return { query: null, problems };
  return {
    query: {
      ...(flag !== undefined ? { flag } : {}),
      ...(severity !== undefined ? { severity } : {}),
      ...(buyerId !== undefined ? { buyerId } : {}),
      ...(cpv !== undefined ? { cpv } : {}),
      ...(r?.nuts ? { region: r.nuts } : {}),
      sort,
      page,
      pageSize,
    },
    problems,
  };
}

/** A page of the national list (pages beyond NATIONAL_CAP results are empty); `all`: the first NATIONAL_CAP. */
export async function nationalFlags(
  db: Kysely<Database>,
  input: NationalFlagsInput,
  options: { all?: boolean } = {},
): Promise<NationalFlagsAnswer> {
  const all = options.all === true;
  const checked = checkNationalFlagsQuery(all ? { ...input, page: undefined, pageSize: undefined } : input);
  const { problems } = checked;
  const q = checked.query && all ? { ...checked.query, pageSize: NATIONAL_CAP } : checked.query;
  if (q === null) throw new AppError('BAD_REQUEST', problems.map((p) => p.message).join('; '));
  // A buyer merged into another since is listed under the survivor, as its own list is.
  const buyerId =
    q.buyerId === undefined ? undefined : (await survivingOrganisations(db, [q.buyerId])).get(q.buyerId)?.id;
  if (q.buyerId !== undefined && buyerId === undefined)
    throw new AppError('NOT_FOUND', `No organisation ${q.buyerId}`);
  const offset = (q.page - 1) * q.pageSize;
  const limit = Math.max(0, Math.min(q.pageSize, NATIONAL_CAP - offset));
  const read = await readNationalFlags(
    db,
    {
      ...(q.flag !== undefined ? { flagId: q.flag } : {}),
      ...(q.severity !== undefined ? { severity: SEVERITY[q.severity] } : {}),
      ...(buyerId !== undefined ? { buyerId } : {}),
      ...(q.cpv !== undefined ? { cpvPrefix: q.cpv } : {}),
      ...(q.region !== undefined ? { region: q.region } : {}),
    },
    q.sort,
    offset,
    limit,
    NATIONAL_CAP,
  );
  return {
    kind: 'national',
    query: q,
    total: read.total,
    capped: read.capped,
    queuedBuyers: read.queuedBuyers,
    page: q.page,
    pageSize: q.pageSize,
    items: read.items.map((i) => ({
      ...(i.result as FlagResult),
      buyer: { id: i.buyerId, name: i.buyerName },
      stale: i.queued,
    })),
  };
}
