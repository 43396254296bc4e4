// `missionbuy import spend`: payments files into spend_payment for one buyer organisation. One transaction per
// file (import run + payments + quarantined rows), so a file that fails half way leaves nothing, and the content
// hash makes a re-import add nothing. A file that cannot be read at all is reported and the other files go on.
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { isAppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import {
  inImportRun,
  insertQuarantine,
  requireOrganisation,
  type QuarantinedRow,
} from '../../store/import-run.repository.js';
import { setLaCodeIfUnknown } from '../../store/local-authority.repository.js';
import { insertPayments, PAYMENT_BATCH, type NewPayment } from '../../store/spend.repository.js';
import { listInputFiles } from '../shared/files.js';
import { prepareFile } from '../shared/prepare.js';
import { readSpendFile, type SpendFileStats, type SpendRow } from './read-spend.js';

export interface SpendFileResult {
  file: string;
  status: 'imported' | 'duplicate' | 'failed' | 'checked';
  error?: string;
  /** For a duplicate: the file already imported with the same content. */
  sameAs?: string;
  stats?: SpendFileStats;
}

export interface SpendImportSummary {
  organisation: { id: number; name: string };
  files: number;
  rowsRead: number;
  kept: number;
  quarantined: number;
  credits: number;
  /** Rows not imported again because the same file content was imported before. */
  duplicates: number;
  failed: number;
  seconds: number;
  results: SpendFileResult[];
}

export interface SpendImportOptions {
  organisationId: number;
  /** Read, map and count without writing anything. */
  dryRun?: boolean;
  onProgress?: (p: { file: string; fileIndex: number; files: number; rows: number }) => void;
}

function toRow(r: SpendRow, file: string): NewPayment {
  const p = r.payment;
  return {
    payment_date: p.paymentDate,
    period: r.period,
    amount: p.amount,
    amount_basis: p.amountBasis,
    net_amount: p.net,
    gross_amount: p.gross,
    vat_amount: p.vat,
    supplier_name: p.supplierName,
    supplier_name_normalised: p.supplierNameNormalised,
    supplier_id: p.supplierId,
    supplier_company_number: p.supplierCompanyNumber,
    supplier_charity_number: p.supplierCharityNumber,
    body: p.body,
    transaction_id: p.transactionId,
    expense_type: p.expenseType,
    service_area: p.serviceArea,
    directorate: p.directorate,
    category: p.category,
    category_code: p.categoryCode?.code ?? null,
    category_scheme: p.categoryCode?.scheme ?? null,
    vcse: p.vcse,
    description: p.description,
    source_file: file,
    source_line: r.line,
  };
}

export async function importSpend(
  db: Kysely<Database>,
  paths: readonly string[],
  options: SpendImportOptions,
): Promise<SpendImportSummary> {
  const t0 = performance.now();
  const orgId = options.organisationId;
  const name = await requireOrganisation(db, orgId);
  const files = await listInputFiles(paths);
  const summary: SpendImportSummary = {
    organisation: { id: orgId, name },
    files: files.length,
    rowsRead: 0,
    kept: 0,
    quarantined: 0,
    credits: 0,
    duplicates: 0,
    failed: 0,
    seconds: 0,
    results: [],
  };
  let rowsSoFar = 0;
  const laCodes = new Set<string>();
  for (const [fileIndex, path] of files.entries()) {
    const file = resolve(path);
    const progress = (rows: number) =>
      options.onProgress?.({ file, fileIndex, files: files.length, rows: rowsSoFar + rows });
    progress(0);
    try {
      const result = await importOne(db, file, orgId, options.dryRun ?? false, progress, laCodes);
      summary.results.push(result);
      const s = result.stats;
      if (result.status === 'duplicate') summary.duplicates += s?.rows ?? 0;
      else if (s) {
        summary.rowsRead += s.rows;
        summary.kept += s.kept;
        summary.quarantined += s.quarantined;
        summary.credits += s.credits;
      }
      rowsSoFar += s?.rows ?? 0;
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_INPUT') throw e;
      summary.failed++;
      summary.results.push({ file, status: 'failed', error: e.message });
    }
  }
  // Files naming one local authority in a body URI column give the buyer that code (docs/paid-money.md "Places").
  if (!options.dryRun && laCodes.size === 1) await setLaCodeIfUnknown(db, orgId, [...laCodes][0]!);
  summary.seconds = Math.round((performance.now() - t0) / 10) / 100;
  return summary;
}

async function importOne(
  db: Kysely<Database>,
  file: string,
  orgId: number,
  dryRun: boolean,
  progress: (rows: number) => void,
  laCodes: Set<string>,
): Promise<SpendFileResult> {
  const { print, earlier } = await prepareFile(db, 'spend', orgId, file);
  if (earlier && !dryRun) {
    return {
      file,
      status: 'duplicate',
      sameAs: earlier.file,
      stats: { rows: earlier.rows, kept: earlier.kept, quarantined: earlier.quarantined } as SpendFileStats,
    };
  }
  if (dryRun) {
    let n = 0;
    const stats = await readSpendFile(file, {
      onRow: () => void (++n % 5000 === 0 && progress(n)),
      onReject: () => {},
    });
    return { file, status: 'checked', stats };
  }
  const start = {
    kind: 'spend' as const,
    organisationId: orgId,
    file,
    sha256: print.sha256,
    bytes: print.bytes,
  };
  let stats: SpendFileStats | undefined;
  await inImportRun(db, start, async (trx, runId) => {
    let payments: NewPayment[] = [];
    let rejects: QuarantinedRow[] = [];
    let written = 0;
    const flush = async () => {
      await insertPayments(trx, runId, orgId, payments);
      await insertQuarantine(trx, runId, rejects);
      written += payments.length + rejects.length;
      payments = [];
      rejects = [];
      progress(written);
    };
    stats = await readSpendFile(file, {
      onRow: async (r) => {
        if (r.payment.bodyLaCode !== null) laCodes.add(r.payment.bodyLaCode);
        payments.push(toRow(r, file));
        if (payments.length >= PAYMENT_BATCH) await flush();
      },
      onReject: async (r) => {
        rejects.push({ file, line: r.line, reason: r.reason, excerpt: r.excerpt });
        if (rejects.length >= PAYMENT_BATCH) await flush();
      },
    });
    await flush();
    const { encoding, mapping, records, rows, kept, quarantined, skipped } = stats;
    return { encoding, layout: mapping, records, rows, kept, quarantined, skipped };
  });
  return { file, status: 'imported', ...(stats ? { stats } : {}) };
}
