// `missionbuy import register`: a council's contract register into register_contract for one buyer, in one
// transaction with its import run, quarantined rows and horizon-scan rows; the same content imported again adds nothing.
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  inImportRun,
  insertQuarantine,
  requireOrganisation,
  type QuarantinedRow,
} from '../../store/import-run.repository.js';
import { writeRegisterHorizonEntries } from '../../store/horizon-entry.repository.js';
import { insertRegisterContracts, type NewRegisterContract } from '../../store/register.repository.js';
import { prepareFile } from '../shared/prepare.js';
import { registerSpecs, type RegisterField } from './layout.js';
import { readRegisterFile, type RegisterFileStats, type RegisterRow } from './read-register.js';

export interface RegisterImportSummary {
  organisation: { id: number; name: string };
  file: string;
  status: 'imported' | 'duplicate' | 'checked';
  sameAs?: string;
  rowsRead: number;
  kept: number;
  quarantined: number;
  duplicates: number;
  seconds: number;
  stats?: RegisterFileStats;
}

export interface RegisterImportOptions {
  organisationId: number;
  mapping?: Partial<Record<RegisterField, string>>;
  dryRun?: boolean;
}

function toRow(r: RegisterRow, file: string): NewRegisterContract {
  const c = r.contract;
  return {
    reference: c.reference,
    title: c.title,
    description: c.description,
    directorate: c.directorate,
    procedure: c.procedure,
    supplier_name: c.supplierName,
    supplier_name_normalised: c.supplierNameNormalised,
    supplier_postcode: c.supplierPostcode,
    supplier_company_number: c.supplierCompanyNumber,
    supplier_charity_number: c.supplierCharityNumber,
    annual_value: c.annualValue,
    total_value: c.totalValue,
    start_date: c.startDate,
    end_date: c.endDate,
    duration_months: c.durationMonths,
    extension_months: c.extensionMonths,
    extensions_available: c.extensionsAvailable,
    extensions_taken: c.extensionsTaken,
    current_expiry: c.currentExpiry,
    sme: c.sme,
    category_scheme: c.categoryScheme,
    category_code: c.categoryCode,
    category_description: c.categoryDescription,
    above_threshold: c.aboveThreshold,
    source_file: file,
    source_line: r.line,
  };
}

export async function importRegister(
  db: Kysely<Database>,
  path: string,
  options: RegisterImportOptions,
): Promise<RegisterImportSummary> {
  const t0 = performance.now();
  const orgId = options.organisationId;
  const name = await requireOrganisation(db, orgId);
  const file = resolve(path);
  const specs = registerSpecs(options.mapping);
  const base = {
    organisation: { id: orgId, name },
    file,
    rowsRead: 0,
    kept: 0,
    quarantined: 0,
    duplicates: 0,
  };
  const seconds = () => Math.round((performance.now() - t0) / 10) / 100;
  const { print, earlier } = await prepareFile(db, 'register', orgId, file);
  if (earlier && !options.dryRun) {
    return {
      ...base,
      status: 'duplicate',
      sameAs: earlier.file,
      duplicates: earlier.rows,
      seconds: seconds(),
    };
  }
  const contracts: NewRegisterContract[] = [];
  const rejects: QuarantinedRow[] = [];
  const sink = {
    onRow: (r: RegisterRow) => void contracts.push(toRow(r, file)),
    onReject: (r: { line: number; reason: string; excerpt: string }) => void rejects.push({ file, ...r }),
  };
  const stats = await readRegisterFile(file, specs, sink);
  const counts = { rowsRead: stats.rows, kept: stats.kept, quarantined: stats.quarantined };
  if (options.dryRun) return { ...base, ...counts, status: 'checked', stats, seconds: seconds() };
  const start = {
    kind: 'register' as const,
    organisationId: orgId,
    file,
    sha256: print.sha256,
    bytes: print.bytes,
  };
  await inImportRun(db, start, async (trx, runId) => {
    await insertRegisterContracts(trx, runId, orgId, contracts);
    await writeRegisterHorizonEntries(trx, runId);
    await insertQuarantine(trx, runId, rejects);
    const { encoding, mapping, records, rows, kept, quarantined, skipped } = stats;
    return { encoding, layout: mapping, records, rows, kept, quarantined, skipped };
  });
  return { ...base, ...counts, status: 'imported', stats, seconds: seconds() };
}
