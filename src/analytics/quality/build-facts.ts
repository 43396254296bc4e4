// RecordFacts from contract-model rows, pure. The loader (load-facts.ts) reads the rows with SQL; tests build the same
// rows from the real projection (projectRecord), so both paths go through this one function.
import { toDecimal } from '../../domain/decimal.js';
import type { ContractFacts, Money, RecordFacts } from './facts.js';

/** A timestamp as the database (Date) or the projection (ISO string) gives it. */
type Stamp = Date | string | null;
/** A numeric as the database (exact string) or the projection gives it. */
type Num = string | number | null;

/** The rows of one record, as the database returns them or the projection builds them. */
export interface ModelRows {
  process: {
    ocid: string;
    source: string;
    publisher_prefix: string | null;
    legal_basis: string | null;
    buyer_id: number | null;
    tender_status: string | null;
    procurement_method: string | null;
    procurement_method_details: string | null;
    main_procurement_category: string | null;
    above_threshold: boolean | null;
    special_regimes: string[];
    cpv_main: string | null;
    cpv_codes: string[];
    tender_value: Num;
    tender_value_gross: Num;
    tender_currency: string | null;
    tender_period_start: Stamp;
    tender_period_end: Stamp;
    number_of_tenderers: number | null;
    final_stage_bids: number | null;
    sme_final_stage_bids: number | null;
    vcse_final_stage_bids: number | null;
    delivery_regions: string[];
    delivery_regions_published: string[];
    contract_start: Stamp;
    contract_end: Stamp;
    contract_max_extent: Stamp;
    contract_dates_from: string | null;
    first_published: Stamp;
    last_updated: Stamp;
  };
  /** The buyer organisation after following merges: id, name and UK_CA_TYPE. */
  buyer: { id: number; name: string | null; buyer_type: string | null } | null;
  parties: {
    party_id: string;
    organisation_id: number;
    roles: string[];
    name: string | null;
    identifiers: string[];
    scale: 'sme' | 'large' | null;
    vcse: boolean | null;
  }[];
  lots: {
    lot_id: string;
    status: string | null;
    value: Num;
    value_gross: Num;
    currency: string | null;
    contract_start: Stamp;
    contract_end: Stamp;
    contract_max_extent: Stamp;
    duration_days: number | null;
    duration_months: number | null;
    bids: number | null;
  }[];
  awards: {
    award_id: string;
    status: string | null;
    award_date: Stamp;
    value: Num;
    value_gross: Num;
    currency: string | null;
    lot_ids: string[];
    contract_start: Stamp;
    contract_end: Stamp;
    contract_max_extent: Stamp;
    standstill_end: Stamp;
    above_threshold: boolean | null;
    future_signature_date: Stamp;
  }[];
  awardSuppliers: { award_id: string; organisation_id: number; party_id: string | null }[];
  contracts: {
    contract_id: string;
    award_id: string | null;
    status: string | null;
    date_signed: Stamp;
    value: Num;
    value_gross: Num;
    currency: string | null;
    period_start: Stamp;
    period_end: Stamp;
    max_extent: Stamp;
    above_threshold: boolean | null;
    no_agreed_metrics_rationale: string | null;
    amendment_count: number;
    actual_end: Stamp;
    termination_reasons: string[];
  }[];
  /** Modified contracts' value steps (migration 0035), in step order; absent = none. */
  valueSteps?: {
    contract_id: string;
    kind: 'first' | 'amendment';
    release_id: string;
    release_date: Stamp;
    notice_type: string | null;
    amendment_id: string | null;
    amendment_date: Stamp;
    value: Num;
    value_gross: Num;
    currency: string | null;
  }[];
  /** Classifications whose code is not valid (is_valid = false). */
  invalidClassifications: { scheme: string; code: string }[];
  notices: {
    release_id: string;
    release_date: Stamp;
    notice_type: string | null;
    notice_kind: string | null;
    classified_by: string | null;
  }[];
  metrics: {
    path: string;
    metric_id: string;
    contract_id: string | null;
    award_id: string | null;
    stage: string | null;
  }[];
  observations: {
    path: string;
    metric_id: string;
    period_start: Stamp;
    period_end: Stamp;
    measure_classification: string | null;
  }[];
}

export const iso = (value: Stamp): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : value;
const dec = (value: Num): string | null => (value === null ? null : toDecimal(value));
const money = (amount: Num, gross: Num, currency: string | null): Money => ({
  amount: dec(amount),
  gross: dec(gross),
  currency,
});

function contractFacts(rows: ModelRows, c: ModelRows['contracts'][number]): ContractFacts {
  const kpis = new Set<string>();
  for (const m of rows.metrics) {
    if (m.stage !== 'agreed') continue;
    const onContract = m.contract_id === c.contract_id;
    const onAward = m.contract_id === null && c.award_id !== null && m.award_id === c.award_id;
    if (onContract || onAward) kpis.add(m.metric_id);
  }
  const ratingPath = `contracts/${c.contract_id}/implementation/metrics`;
  const ratings = rows.observations
    .filter((o) => o.path === ratingPath && o.measure_classification !== null)
    .map((o) => ({
      metricId: o.metric_id,
      periodStart: iso(o.period_start),
      periodEnd: iso(o.period_end),
      classification: o.measure_classification!,
    }));
  return {
    id: c.contract_id,
    awardId: c.award_id,
    status: c.status,
    dateSigned: iso(c.date_signed),
    value: money(c.value, c.value_gross, c.currency),
    start: iso(c.period_start),
    end: iso(c.period_end),
    maxExtent: iso(c.max_extent),
    aboveThreshold: c.above_threshold,
    noAgreedMetricsRationale: c.no_agreed_metrics_rationale,
    actualEnd: iso(c.actual_end),
    amendmentCount: c.amendment_count,
    valueSteps: (rows.valueSteps ?? [])
      .filter((v) => v.contract_id === c.contract_id)
      .map((v) => ({
        kind: v.kind,
        releaseId: v.release_id,
        releaseDate: iso(v.release_date)!,
        noticeType: v.notice_type,
        amendmentId: v.amendment_id,
        amendmentDate: iso(v.amendment_date),
        value: money(v.value, v.value_gross, v.currency),
      })),
    terminationReasons: c.termination_reasons,
    kpiIds: [...kpis].sort(),
    ratings,
  };
}

/** One record's facts from its contract-model rows. */
export function buildRecordFacts(rows: ModelRows): RecordFacts {
  const p = rows.process;
  const buyerParty =
    rows.parties.find((x) => x.roles.includes('buyer') && x.organisation_id === p.buyer_id) ??
    rows.parties.find((x) => x.roles.includes('buyer')) ??
    null;
  return {
    ocid: p.ocid,
    buyerId: rows.buyer?.id ?? p.buyer_id,
    source: p.source,
    publisherPrefix: p.publisher_prefix,
    legalBasis: p.legal_basis,
    firstPublished: iso(p.first_published),
    lastUpdated: iso(p.last_updated),
    tender: {
      status: p.tender_status,
      method: p.procurement_method,
      methodDetails: p.procurement_method_details,
      category: p.main_procurement_category,
      aboveThreshold: p.above_threshold,
      specialRegimes: p.special_regimes,
      value: money(p.tender_value, p.tender_value_gross, p.tender_currency),
      periodStart: iso(p.tender_period_start),
      periodEnd: iso(p.tender_period_end),
      numberOfTenderers: p.number_of_tenderers,
      finalStageBids: p.final_stage_bids,
      smeFinalStageBids: p.sme_final_stage_bids,
      vcseFinalStageBids: p.vcse_final_stage_bids,
    },
    cpv: {
      main: p.cpv_main,
      codes: p.cpv_codes,
      invalid: rows.invalidClassifications.filter((c) => c.scheme === 'CPV').map((c) => c.code),
    },
    deliveryRegions: { codes: p.delivery_regions, published: p.delivery_regions_published },
    contractPeriod: {
      start: iso(p.contract_start),
      end: iso(p.contract_end),
      maxExtent: iso(p.contract_max_extent),
      from: p.contract_dates_from,
    },
    buyer:
      p.buyer_id === null
        ? null
        : {
            organisationId: rows.buyer?.id ?? p.buyer_id,
            partyId: buyerParty?.party_id ?? null,
            name: rows.buyer?.name ?? buyerParty?.name ?? null,
            identifiers: buyerParty?.identifiers ?? [],
            buyerType: rows.buyer?.buyer_type ?? null,
          },
    parties: rows.parties.map((x) => ({
      partyId: x.party_id,
      organisationId: x.organisation_id,
      roles: x.roles,
      name: x.name,
      identifiers: x.identifiers,
      scale: x.scale,
      vcse: x.vcse,
    })),
    lots: rows.lots.map((l) => ({
      id: l.lot_id,
      status: l.status,
      value: money(l.value, l.value_gross, l.currency),
      start: iso(l.contract_start),
      end: iso(l.contract_end),
      maxExtent: iso(l.contract_max_extent),
      durationDays: l.duration_days,
      durationMonths: l.duration_months,
      bids: l.bids,
    })),
    awards: rows.awards.map((a) => ({
      id: a.award_id,
      status: a.status,
      date: iso(a.award_date),
      value: money(a.value, a.value_gross, a.currency),
      lotIds: a.lot_ids,
      start: iso(a.contract_start),
      end: iso(a.contract_end),
      maxExtent: iso(a.contract_max_extent),
      standstillEnd: iso(a.standstill_end),
      aboveThreshold: a.above_threshold,
      futureSignatureDate: iso(a.future_signature_date),
      suppliers: rows.awardSuppliers
        .filter((s) => s.award_id === a.award_id)
        .map((s) => ({ organisationId: s.organisation_id, partyId: s.party_id })),
    })),
    contracts: rows.contracts.map((c) => contractFacts(rows, c)),
    notices: rows.notices
      .map((n) => ({
        releaseId: n.release_id,
        date: iso(n.release_date) ?? '',
        noticeType: n.notice_type,
        kind: n.notice_kind,
        classifiedBy: n.classified_by,
      }))
      .filter((n) => n.date !== '')
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}
