// A pipeline's exports (docs/pipeline.md): every entry as CSV; the UK1-ready CSV (Procurement Act s.93: contracts
// over £2m for which a UK4 or UK5 is intended in the reporting period, 18 months from the first day of the financial
// year); and OCDS 1.1 planning releases, one per entry, in a release package. Pure: entries in, text out.
import { compareDecimals } from '../../domain/decimal.js';
import {
  PROCUREMENT_ROUTES,
  STATUS_LABELS,
  type PipelineStatus,
  type ProcurementRoute,
  missionTags,
} from '../../domain/pipeline.js';
import { addDays, addMonths, financialYearStart, rulesOn, type Day } from '../../domain/rules/index.js';
import type { PipelineEntryRecord } from '../../store/pipeline.repository.js';
import { csvSafe } from '../contracts/contracts-csv.js';

export const PIPELINE_EXPORT_FORMATS = ['csv', 'uk1', 'ocds'] as const;
export type PipelineExportFormat = (typeof PIPELINE_EXPORT_FORMATS)[number];

/** Months in a UK1 reporting period (s.93(3); domain.md §2.1). */
export const UK1_REPORTING_MONTHS = 18;
/**
 * ocid prefix of the planning releases. OCDS asks publishers to register a prefix with the Open Contracting
 * Partnership; until a deployment has one, this placeholder marks the releases as missionbuy's own.
 */
export const PIPELINE_OCID_PREFIX = 'ocds-mbpipe';

/** Classification schemes of the missions and outcomes in the OCDS export (docs/pipeline.md). */
export const MISSION_SCHEME = 'x-missionbuy-mission';
export const OUTCOME_SCHEME = 'x-missionbuy-outcome';

export const pipelineOcid = (e: Pick<PipelineEntryRecord, 'id' | 'organisationId'>): string =>
  `${PIPELINE_OCID_PREFIX}-${e.organisationId}-${e.id}`;

const routeLabel = (r: string | null) =>
  r === null ? '' : (PROCUREMENT_ROUTES[r as ProcurementRoute]?.label ?? r);

/** UK4 (tender) unless the buyer intends a direct award (UK5 transparency notice). */
export const expectedNotice = (e: Pick<PipelineEntryRecord, 'route'>): 'UK4' | 'UK5' =>
  e.route === 'direct-award' ? 'UK5' : 'UK4';

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const PIPELINE_CSV_COLUMNS = [
  'entry_id',
  'buyer_id',
  'buyer',
  'title',
  'description',
  'cpv_code',
  'delivery_region',
  'value_min',
  'value_max',
  'currency',
  'procurement_start',
  'financial_year',
  'contract_start',
  'contract_end',
  'route',
  'status',
  'confidence',
  'innovation',
  'published',
  'linked_ocids',
  'missions',
  'outcomes',
  'version',
  'updated_at',
  'url',
] as const;

const fyOf = (d: string | null) => {
  if (d === null) return '';
  const y = Number(financialYearStart(d).slice(0, 4));
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
};

export function pipelineCsv(entries: readonly PipelineEntryRecord[], baseUrl: string): string {
  return csvText(
    PIPELINE_CSV_COLUMNS,
    entries.map((e) => [
      String(e.id),
      String(e.organisationId),
      csvSafe(e.organisationName),
      csvSafe(e.title),
      csvSafe(e.description),
      e.cpvCode ?? '',
      e.deliveryRegion ?? '',
      e.valueMin ?? '',
      e.valueMax ?? '',
      e.currency,
      e.procurementStart ?? '',
      fyOf(e.procurementStart),
      e.contractStart ?? '',
      e.contractEnd ?? '',
      csvSafe(routeLabel(e.route)),
      STATUS_LABELS[e.status as PipelineStatus] ?? e.status,
      e.confidence ?? '',
      e.innovation ? 'true' : 'false',
      e.published ? 'true' : 'false',
      e.linkedOcids.join(' '),
      missionTags(e.missions).missionIds.join(' '),
      missionTags(e.missions).outcomeIds.join(' '),
      String(e.version),
      e.updatedAt.toISOString(),
      `${baseUrl}/pipeline/entries/${e.id}`,
    ]),
  );
}

export interface Uk1Period {
  /** First day of the financial year. */
  from: Day;
  /** Last day of the 18-month reporting period. */
  to: Day;
  /** Estimated values over this (GBP, VAT included) are in the notice. */
  over: string;
}

export function uk1Period(asOf: Day): Uk1Period {
  const from = financialYearStart(asOf);
  const over = rulesOn()(from).value('pipeline.contract-value') ?? '2000000';
  return { from, to: addDays(addMonths(from, UK1_REPORTING_MONTHS), -1), over };
}

/**
 * The entries a UK1 must list: not awarded or cancelled, procurement (the UK4/UK5) expected in the period, and an
 * estimated value over £2m — judged on the top of the range, so an entry that may be over £2m is listed.
 */
export function uk1Entries(
  entries: readonly PipelineEntryRecord[],
  period: Uk1Period,
): PipelineEntryRecord[] {
  return entries.filter((e) => {
    if (e.status === 'awarded' || e.status === 'cancelled') return false;
    if (e.procurementStart === null || e.procurementStart < period.from || e.procurementStart > period.to)
      return false;
    const top = e.valueMax ?? e.valueMin;
    return top !== null && e.currency === 'GBP' && compareDecimals(top, period.over) > 0;
  });
}

export const UK1_CSV_COLUMNS = [
  'reference',
  'title',
  'description',
  'cpv_code',
  'estimated_value_low_gbp_incl_vat',
  'estimated_value_high_gbp_incl_vat',
  'delivery_region',
  'expected_notice',
  'expected_notice_date',
  'contract_start',
  'contract_end',
  'procedure',
  'status',
  'confidence',
] as const;

export function uk1Csv(entries: readonly PipelineEntryRecord[], period: Uk1Period): string {
  return csvText(
    UK1_CSV_COLUMNS,
    uk1Entries(entries, period).map((e) => [
      pipelineOcid(e),
      csvSafe(e.title),
      csvSafe(e.description),
      e.cpvCode ?? '',
      e.valueMin ?? e.valueMax ?? '',
      e.valueMax ?? e.valueMin ?? '',
      e.deliveryRegion ?? '',
      expectedNotice(e),
      e.procurementStart ?? '',
      e.contractStart ?? '',
      e.contractEnd ?? '',
      csvSafe(routeLabel(e.route)),
      STATUS_LABELS[e.status as PipelineStatus] ?? e.status,
      e.confidence ?? '',
    ]),
  );
}

const TENDER_STATUS: Record<PipelineStatus, string> = {
  idea: 'planning',
  planned: 'planned',
  'in-market': 'active',
  awarded: 'complete',
  cancelled: 'cancelled',
};

const amount = (d: string) => ({ amount: Number(d), currency: 'GBP' });
const instant = (d: string) => `${d}T00:00:00Z`;

/** One OCDS 1.1 planning release for an entry (ocid per entry; a new release id for every version). */
export function planningRelease(e: PipelineEntryRecord): Record<string, unknown> {
  const ocid = pipelineOcid(e);
  const buyer = { id: `missionbuy-organisation-${e.organisationId}`, name: e.organisationName };
  const method = e.route === null ? null : (PROCUREMENT_ROUTES[e.route as ProcurementRoute]?.ocds ?? null);
  const tender: Record<string, unknown> = {
    id: `pipeline-${e.id}`,
    title: e.title,
    status: TENDER_STATUS[e.status as PipelineStatus] ?? 'planning',
  };
  if (e.description) tender.description = e.description;
  if (e.valueMax ?? e.valueMin) tender.value = amount((e.valueMax ?? e.valueMin)!);
  if (e.valueMin && e.valueMax) tender.minValue = amount(e.valueMin);
  if (method) tender.procurementMethod = method;
  if (e.route) tender.procurementMethodDetails = routeLabel(e.route);
  if (e.cpvCode) {
    tender.classification = { scheme: 'CPV', id: e.cpvCode };
    // Missions and outcomes tagged on the entry as additional classifications of the item, in missionbuy's own
    // schemes (the ids of the standards catalogue, docs/missions.md): OCDS has no field of its own for them.
    const tags = missionTags(e.missions);
    const extra = [
      ...tags.missionIds.map((id) => ({ scheme: MISSION_SCHEME, id })),
      ...tags.outcomeIds.map((id) => ({ scheme: OUTCOME_SCHEME, id })),
    ];
    tender.items = [
      {
        id: '1',
        classification: { scheme: 'CPV', id: e.cpvCode },
        ...(extra.length ? { additionalClassifications: extra } : {}),
      },
    ];
  }
  if (e.procurementStart) tender.communication = { futureNoticeDate: instant(e.procurementStart) };
  if (e.contractStart || e.contractEnd)
    tender.contractPeriod = {
      ...(e.contractStart ? { startDate: instant(e.contractStart) } : {}),
      ...(e.contractEnd ? { endDate: instant(e.contractEnd) } : {}),
    };
  return {
    ocid,
    id: `${ocid}-v${e.version}`,
    date: e.updatedAt.toISOString(),
    tag: [e.version === 1 ? 'planning' : 'planningUpdate'],
    initiationType: 'tender',
    language: 'en',
    parties: [{ ...buyer, roles: ['buyer'] }],
    buyer,
    planning: e.linkedOcids.length
      ? { rationale: `Follows on from ${e.linkedOcids.join(', ')}.` }
      : { rationale: 'Planned procurement.' },
    tender,
  };
}

export function ocdsPackage(
  entries: readonly PipelineEntryRecord[],
  meta: { uri: string; publisherName: string; publishedDate: string },
): Record<string, unknown> {
  return {
    uri: meta.uri,
    version: '1.1',
    publishedDate: meta.publishedDate,
    publisher: { name: meta.publisherName },
    releases: entries.map(planningRelease),
  };
}
