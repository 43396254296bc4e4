// `missionbuy import notices`: a Contracts Finder notice export into notice_contract for one buyer, in one
// transaction with its import run and quarantined rows. A notice is stored once per buyer: a row whose notice id is
// already stored (from another export, or earlier in the same file) is quarantined with where it is stored. Rows of
// notices that are also stored as Contracts Finder OCDS releases are kept and reported as `inOcds`: OCDS wins when
// contracts are read (store/notice.repository.ts), so nothing is counted twice, whichever was loaded first.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import type { QuarantinedRow } from '../../store/import-run.repository.js';
import {
  findOcdsNotices,
  findStoredNotices,
  insertNoticeContracts,
  type NewNoticeContract,
} from '../../store/notice.repository.js';
import { importFile, type FileImportSummary } from '../shared/file-import.js';
import { readNoticesFile, type NoticeFileStats, type NoticeRow } from './read-notices.js';

export interface NoticeImportSummary extends FileImportSummary<NoticeFileStats> {
  /** Kept notices that are also stored as OCDS releases (OCDS wins; see docs/local-data.md). */
  inOcds: number;
}

function toRow({ line, notice: n }: NoticeRow, file: string): NewNoticeContract {
  return {
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

/** Splits read rows into new notices and repeats (of a stored notice, or of an earlier line of this file). */
async function dedupe(
  db: Kysely<Database>,
  buyerId: number,
  file: string,
  rows: readonly NoticeRow[],
): Promise<{ fresh: NoticeRow[]; repeats: QuarantinedRow[] }> {
  const stored = await findStoredNotices(db, buyerId, [...new Set(rows.map((r) => r.notice.noticeId))]);
  const seen = new Map<string, number>();
  const fresh: NoticeRow[] = [];
  const repeats: QuarantinedRow[] = [];
  for (const r of rows) {
    const id = r.notice.noticeId;
    const earlier = stored.get(id);
    const before = seen.get(id);
    const reason = earlier
      ? `notice ${id} already stored for this buyer (${earlier.file} line ${earlier.line})`
      : before !== undefined
        ? `notice ${id} repeats line ${before} of this file`
        : null;
    if (reason) {
      repeats.push({ file, line: r.line, reason, excerpt: r.excerpt });
      continue;
    }
    seen.set(id, r.line);
    fresh.push(r);
  }
  return { fresh, repeats };
}

export async function importNotices(
  db: Kysely<Database>,
  path: string,
  options: { organisationId: number; dryRun?: boolean },
): Promise<NoticeImportSummary> {
  const orgId = options.organisationId;
  return importFile(db, path, { kind: 'notices', ...options, zero: { inOcds: 0 } }, async (file) => {
    const read: NoticeRow[] = [];
    const rejects: QuarantinedRow[] = [];
    const stats = await readNoticesFile(file, {
      onRow: (r) => void read.push(r),
      onReject: (r) => void rejects.push({ file, ...r }),
    });
    const { fresh, repeats } = await dedupe(db, orgId, file, read);
    rejects.push(...repeats);
    rejects.sort((a, b) => a.line - b.line);
    stats.kept = fresh.length;
    stats.quarantined = rejects.length;
    const ocds = await findOcdsNotices(db, [...new Set(fresh.map((r) => r.notice.noticeId))]);
    const inOcds = fresh.filter((r) => ocds.has(r.notice.noticeId)).length;
    const rows = fresh.map((r) => toRow(r, file));
    return {
      stats,
      rejects,
      extra: { inOcds },
      write: (trx, runId) => insertNoticeContracts(trx, runId, orgId, rows),
    };
  });
}
