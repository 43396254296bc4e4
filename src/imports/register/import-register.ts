// `missionbuy import register`: a council's contract register into register_contract for one buyer, in one
// transaction with its import run, quarantined rows and horizon-scan rows; the same content imported again adds nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/database.js';
import type { QuarantinedRow } from '../../store/import-run.repository.js';
import { writeRegisterHorizonEntries } from '../../store/horizon-entry.repository.js';
import { insertRegisterContracts, type NewRegisterContract } from '../../store/register.repository.js';
import { importFile, type FileImportSummary } from '../shared/file-import.js';
import { checkUserMapping, registerSpecs, type RegisterField } from './layout.js';
import { readRegisterFile, type RegisterFileStats, type RegisterRow } from './read-register.js';

export type RegisterImportSummary = FileImportSummary<RegisterFileStats>;

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
    irrecoverable_vat: c.irrecoverableVat,
    start_date: c.startDate,
    end_date: c.endDate,
    duration_months: c.durationMonths,
    extension_months: c.extensionMonths,
    extensions_available: c.extensionsAvailable,
    extensions_taken: c.extensionsTaken,
    current_expiry: c.currentExpiry,
    sme: c.sme,
    vcse: c.vcse,
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
  const orgId = options.organisationId;
  const specs = registerSpecs(options.mapping);
  const { dryRun } = options;
  return importFile(db, path, { kind: 'register', organisationId: orgId, dryRun, zero: {} }, async (file) => {
    const contracts: NewRegisterContract[] = [];
    const rejects: QuarantinedRow[] = [];
    const stats = await readRegisterFile(file, specs, {
      onRow: (r) => void contracts.push(toRow(r, file)),
      onReject: (r) => void rejects.push({ file, ...r }),
    });
    checkUserMapping(file, options.mapping ?? {}, stats.mapping);
    const write = async (trx: Transaction<Database>, runId: number) => {
      await insertRegisterContracts(trx, runId, orgId, contracts);
      await writeRegisterHorizonEntries(trx, runId);
    };
    return { stats, rejects, extra: {}, write };
  });
}
