// Contract register layouts (LGTC: contracts over £5,000): published headers → register contract fields. Built from
// Salford's register (shared/data/uk-more/contract-registers) and the LGTC 2015's own field list for contracts
// (reference number, title of agreement, department responsible, description of the goods and/or services, supplier
// name and details, sum to be paid over the length of the contract or estimated annual spending, VAT that cannot be
// recovered, start, end and review dates, invitation to quote or tender, SME/VCSE and registration number) in the
// wordings councils use for them; a user mapping file (JSON: field → header text) goes first for anything else.
// Documented in docs/local-data.md.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../errors.js';
import {
  headerScore,
  type ColumnMapping,
  mapHeader,
  normaliseHeader,
  type FieldSpec,
  type HeaderMapping,
} from '../shared/header.js';

export const REGISTER_FIELDS = [
  {
    field: 'reference',
    synonyms: [
      'contractreference',
      'contractreferencenumber',
      'contractref',
      'referencenumber',
      'reference',
      'contractid',
    ],
  },
  {
    field: 'title',
    synonyms: ['contracttitle', 'titleofagreement', 'agreementtitle', 'contractname', 'title'],
  },
  {
    field: 'description',
    synonyms: [
      'contractdescription',
      'descriptionofgoodsandservices',
      'descriptionofgoodsandorservices',
      'descriptionofthegoodsandorservicesbeingprovided',
      'descriptionofgoodsandorservicesbeingprovided',
      'description',
    ],
  },
  {
    field: 'directorate',
    synonyms: [
      'directoratename',
      'directorate',
      'department',
      'departmentresponsible',
      'localauthoritydepartmentresponsible',
      'councildepartmentresponsible',
      'service',
      'servicearea',
    ],
  },
  {
    field: 'procedure',
    synonyms: [
      'processused',
      'procurementprocess',
      'procedure',
      'procurementroute',
      'invitationtoquoteortender',
      'itqoritt',
      'routetomarket',
    ],
  },
  {
    field: 'supplierName',
    synonyms: [
      'suppliercompanyname',
      'suppliername',
      'suppliernameanddetails',
      'supplier',
      'contractor',
      'providername',
    ],
  },
  { field: 'supplierPostcode', synonyms: ['supplierpostcode', 'postcode'] },
  {
    field: 'supplierCompanyNumber',
    synonyms: [
      'companynumber',
      'suppliercompanynumber',
      'companieshousenumber',
      'companieshouseno',
      'registeredcompanynumber',
      'supplierregisteredcompanynumber',
      'companyregistrationnumber',
    ],
  },
  {
    field: 'annualValue',
    synonyms: [
      'annualvalue',
      'estimatedannualvalue',
      'valueperannum',
      'estimatedannualspending',
      'estimatedannualspend',
      'annualspend',
    ],
  },
  {
    field: 'totalValue',
    synonyms: [
      'totalcontractvalueincludingextensions',
      'totalcontractvalue',
      'totalvalue',
      'contractvalue',
      'valueofcontract',
      'sumtobepaidoverthelengthofthecontract',
      'estimatedvalue',
      'value',
    ],
  },
  {
    field: 'irrecoverableVat',
    synonyms: [
      'vatthatcannotberecovered',
      'valueaddedtaxthatcannotberecovered',
      'irrecoverablevat',
      'nonrecoverablevat',
    ],
  },
  { field: 'aboveThreshold', synonyms: ['ojeufts', 'ojeu', 'ftsnotice'] },
  { field: 'startDate', synonyms: ['startdate', 'contractstartdate', 'commencementdate'] },
  { field: 'endDate', synonyms: ['enddate', 'contractenddate'] },
  { field: 'durationMonths', synonyms: ['contractdurationmonths', 'durationmonths', 'duration'] },
  { field: 'extensionMonths', synonyms: ['optiontoextendmonths', 'extensionperiodmonths', 'optiontoextend'] },
  { field: 'extensionsAvailable', synonyms: ['howmanyextensions', 'numberofextensions'] },
  { field: 'extension1Taken', synonyms: ['extension1taken'] },
  { field: 'extension2Taken', synonyms: ['extension2taken'] },
  { field: 'currentExpiry', synonyms: ['currentexpirydate', 'expirydate', 'reviewdate'] },
  // `SME/VCSE` (LGTC) is one column for both: its values say which (row.ts smeAndVcse).
  { field: 'sme', synonyms: ['smesupplier', 'sme', 'smeorvcse', 'smevcse', 'smeandorvcse'] },
  { field: 'vcse', synonyms: ['vcsesupplier', 'vcse', 'vcsesuppliertype'] },
  { field: 'categoryCode', synonyms: ['proclassclassification', 'proclasscode', 'cpvcode', 'categorycode'] },
  { field: 'categoryDescription', synonyms: ['proclassdescription', 'cpvdescription', 'category'] },
] as const satisfies readonly FieldSpec<string>[];

export type RegisterField = (typeof REGISTER_FIELDS)[number]['field'];
const FIELD_NAMES = new Set<string>(REGISTER_FIELDS.map((f) => f.field));

/** The built-in synonyms with a user's mapping (field → header text) put first. */
export function registerSpecs(user: Partial<Record<RegisterField, string>> = {}): FieldSpec<RegisterField>[] {
  return REGISTER_FIELDS.map((spec) => {
    const mine = user[spec.field];
    return { field: spec.field, synonyms: mine ? [normaliseHeader(mine), ...spec.synonyms] : spec.synonyms };
  });
}

/** Reads a mapping file: a JSON object of field → header text. Unknown fields are a clear error. */
export async function loadRegisterMapping(path: string): Promise<Partial<Record<RegisterField, string>>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new AppError('BAD_INPUT', `${path}: not a readable JSON mapping file: ${(e as Error).message}`, {
      cause: e,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('BAD_INPUT', `${path}: a mapping file is a JSON object of field → header text`);
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (!FIELD_NAMES.has(k))
      throw new AppError(
        'BAD_INPUT',
        `${path}: unknown field "${k}"; fields are ${[...FIELD_NAMES].join(', ')}`,
      );
    if (typeof v !== 'string' || v.trim() === '')
      throw new AppError('BAD_INPUT', `${path}: "${k}" must name a header (text)`);
  }
  return parsed as Partial<Record<RegisterField, string>>;
}

/**
 * Each header a user's mapping names must be a column of the file, mapped to that field: a mapping that names a
 * header the file does not have is an error, never a silent fall back to the built-in synonyms.
 */
export function checkUserMapping(
  path: string,
  user: Partial<Record<RegisterField, string>>,
  report: readonly ColumnMapping<RegisterField>[],
): void {
  for (const [field, header] of Object.entries(user) as [RegisterField, string][]) {
    const col = report.find((m) => m.field === field);
    if (col && normaliseHeader(col.header) === normaliseHeader(header)) continue;
    const headers = report.map((m) => JSON.stringify(m.header)).join(', ');
    throw new AppError(
      'BAD_INPUT',
      `${path}: the mapping names header "${header}" for ${field}, but the file's header row has no such column (its headers: ${headers})`,
    );
  }
}

/** A register header names the contract title, its supplier or value, and a date. */
export function isRegisterHeader(
  cells: readonly string[],
  specs: readonly FieldSpec<RegisterField>[],
): boolean {
  const score = (fields: RegisterField[]) => headerScore(cells, specs, fields) > 0;
  return (
    score(['title']) &&
    score(['supplierName', 'totalValue', 'annualValue']) &&
    score(['startDate', 'endDate', 'currentExpiry'])
  );
}

export function mapRegisterHeader(
  cells: readonly string[],
  specs: readonly FieldSpec<RegisterField>[],
): HeaderMapping<RegisterField> {
  return mapHeader(cells, specs);
}

/** The classification scheme named by the header of the category code column. */
export function categoryScheme(header: string | undefined): string | null {
  const h = normaliseHeader(header ?? '');
  if (h.includes('proclass')) return 'proclass';
  if (h.includes('cpv')) return 'cpv';
  return null;
}
