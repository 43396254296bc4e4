// `missionbuy import notices`: a Contracts Finder notice export into notice_contract, in one transaction with its
// import run and quarantined rows. Each row is a notice of the organisation it names (matched by normalised name,
// else created for that name in the same transaction); `--org` is the import's organisation and the buyer of rows
// that name none. A notice is stored once per buyer: a row whose notice id is already stored for its buyer (from
// another export, or earlier in the same file) is quarantined with where it is stored. Rows of notices that are also
// stored as Contracts Finder OCDS releases are kept and reported as `inOcds`: OCDS wins when contracts are read
// (store/notice.repository.ts), so nothing is counted twice, whichever was loaded first.
import type { Kysely, Transaction } from 'kysely';
import { normaliseOrgName } from '../../domain/org-name.js';
import type { Database } from '../../store/database.js';
import type { QuarantinedRow } from '../../store/import-run.repository.js';
import { createNamedOrganisations, findOrganisationsByName } from '../../store/notice-buyer.repository.js';
import {
  buyerNoticeKey,
  findOcdsNotices,
  findStoredNotices,
  insertNoticeContracts,
  type NewNoticeContract,
} from '../../store/notice.repository.js';
import { importFile, type FileImportSummary } from '../shared/file-import.js';
import { readNoticesFile, type NoticeFileStats, type NoticeRow } from './read-notices.js';

/** Whose notices the kept rows are (docs/local-data.md, "Whose notice"). */
export interface NoticeBuyers {
  /** Distinct buyers of the kept rows. */
  organisations: number;
  /** Kept rows whose organisation matched an existing organisation by normalised name. */
  matchedRows: number;
  /** Kept rows of organisations new to missionbuy, and those organisations' names (created unless a dry run). */
  createdRows: number;
  created: string[];
  /** Kept rows that name no organisation: given to the import's organisation (`--org`). */
  importOrganisationRows: number;
}

export interface NoticeImportSummary extends FileImportSummary<NoticeFileStats> {
  /** Kept notices that are also stored as OCDS releases (OCDS wins; see docs/local-data.md). */
  inOcds: number;
  buyers: NoticeBuyers;
}

/** A row's buyer: an organisation (matched by name, or the import's own), or one to create for its name. */
type Buyer =
  { by: 'name' | 'import-organisation'; id: number } | { by: 'created'; normalised: string; name: string };

type BuyerRow = NoticeRow & { buyer: Buyer };

const buyerKey = (b: Buyer) => (b.by === 'created' ? `new:${b.normalised}` : String(b.id));

function toRow(
  { line, notice: n }: NoticeRow,
  file: string,
  buyerId: number,
  by: Buyer['by'],
): NewNoticeContract {
  return {
    buyer_id: buyerId,
    buyer_matched_by: by,
    notice_id: n.noticeId,
    title: n.title,
    description: n.description,
    organisation_name: n.organisationName,
    status: n.status,
    notice_type: n.noticeType,
    published_date: n.publishedDate,
    deadline_date: n.deadlineDate,
    awarded_date: n.awardedDate,
    value_low: n.valueLow,
    value_high: n.valueHigh,
    awarded_value: n.awardedValue,
    value: n.value,
    supplier_name: n.supplierName,
    supplier_name_normalised: n.supplierNameNormalised,
    awarded_to_sme: n.awardedToSme,
    suitable_for_sme: n.suitableForSme,
    cpv_codes: n.cpvCodes,
    cpv_description: n.cpvDescription,
    region: n.region,
    postcode: n.postcode,
    url: n.url,
    source_file: file,
    source_line: line,
  };
}

/** Each row's buyer: the organisation it names (by normalised name), else the import's organisation. */
async function assignBuyers(
  db: Kysely<Database>,
  orgId: number,
  rows: readonly NoticeRow[],
): Promise<BuyerRow[]> {
  const named = rows.map((r) => normaliseOrgName(r.notice.organisationName));
  const found = await findOrganisationsByName(db, [...new Set(named.filter((n) => n !== null))]);
  return rows.map((r, i): BuyerRow => {
    const normalised = named[i];
    if (normalised === null || normalised === undefined)
      return { ...r, buyer: { by: 'import-organisation', id: orgId } };
    const id = found.get(normalised);
    if (id !== undefined) return { ...r, buyer: { by: 'name', id } };
    return { ...r, buyer: { by: 'created', normalised, name: r.notice.organisationName! } };
  });
}

/** Splits rows into new notices and repeats (of a notice stored for the buyer, or of an earlier line of this file). */
async function dedupe(
  db: Kysely<Database>,
  file: string,
  rows: readonly BuyerRow[],
): Promise<{ fresh: BuyerRow[]; repeats: QuarantinedRow[] }> {
  const pairs = rows.flatMap((r) =>
    r.buyer.by === 'created' ? [] : [{ buyerId: r.buyer.id, noticeId: r.notice.noticeId }],
  );
  const stored = await findStoredNotices(db, pairs);
  const seen = new Map<string, number>();
  const fresh: BuyerRow[] = [];
  const repeats: QuarantinedRow[] = [];
  for (const r of rows) {
    const id = r.notice.noticeId;
    const earlier = r.buyer.by === 'created' ? undefined : stored.get(buyerNoticeKey(r.buyer.id, id));
    const key = `${buyerKey(r.buyer)}/${id}`;
    const before = seen.get(key);
    const reason = earlier
      ? `notice ${id} already stored for this buyer (${earlier.file} line ${earlier.line})`
      : before !== undefined
        ? `notice ${id} repeats line ${before} of this file`
        : null;
    if (reason) {
      repeats.push({ file, line: r.line, reason, excerpt: r.excerpt });
      continue;
    }
    seen.set(key, r.line);
    fresh.push(r);
  }
  return { fresh, repeats };
}

/** The organisations to create for these rows: normalised name → the name as its first row spells it. */
function newOrganisations(rows: readonly BuyerRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { buyer: b } of rows)
    if (b.by === 'created' && !out.has(b.normalised)) out.set(b.normalised, b.name);
  return out;
}

function countBuyers(rows: readonly BuyerRow[]): NoticeBuyers {
  const count = (by: Buyer['by']) => rows.filter((r) => r.buyer.by === by).length;
  return {
    organisations: new Set(rows.map((r) => buyerKey(r.buyer))).size,
    matchedRows: count('name'),
    createdRows: count('created'),
    created: [...newOrganisations(rows).values()].sort(),
    importOrganisationRows: count('import-organisation'),
  };
}

/** Creates the organisations new to missionbuy, then writes every row with its buyer. */
async function writeRows(trx: Transaction<Database>, runId: number, file: string, rows: readonly BuyerRow[]) {
  const names = [...newOrganisations(rows)].map(([normalised, name]) => ({ normalised, name }));
  const created = await createNamedOrganisations(trx, names);
  const idOf = (b: Buyer) => (b.by === 'created' ? created.get(b.normalised)! : b.id);
  await insertNoticeContracts(
    trx,
    runId,
    rows.map((r) => toRow(r, file, idOf(r.buyer), r.buyer.by)),
  );
}

export async function importNotices(
  db: Kysely<Database>,
  path: string,
  options: { organisationId: number; dryRun?: boolean },
): Promise<NoticeImportSummary> {
  const orgId = options.organisationId;
  const zero = { inOcds: 0, buyers: countBuyers([]) };
  return importFile(db, path, { kind: 'notices', ...options, zero }, async (file) => {
    const read: NoticeRow[] = [];
    const rejects: QuarantinedRow[] = [];
    const stats = await readNoticesFile(file, {
      onRow: (r) => void read.push(r),
      onReject: (r) => void rejects.push({ file, ...r }),
    });
    const { fresh, repeats } = await dedupe(db, file, await assignBuyers(db, orgId, read));
    rejects.push(...repeats);
    rejects.sort((a, b) => a.line - b.line);
    stats.kept = fresh.length;
    stats.quarantined = rejects.length;
    const ocds = await findOcdsNotices(db, [...new Set(fresh.map((r) => r.notice.noticeId))]);
    const inOcds = fresh.filter((r) => ocds.has(r.notice.noticeId)).length;
    return {
      stats,
      rejects,
      extra: { inOcds, buyers: countBuyers(fresh) },
      write: (trx, runId) => writeRows(trx, runId, file, fresh),
    };
  });
}
