// tender.lots[], bids.statistics[], awards[] (+ suppliers) and contracts[] → lot, award, award_supplier and
// contract rows. Ids are compared as text (`"id": 1` and `"id": "1"` are the same lot).
import { toCount } from '../../domain/decimal.js';
import { parseDate } from '../../domain/dates.js';
import type {
  AwardProjection,
  AwardSupplierProjection,
  ContractProjection,
  LotProjection,
} from '../../store/contract-model.types.js';
import { bool, lastByKey, money, obj, objects, period, str, strings, text, type Json } from './json.js';
import type { Parties } from './parties.js';

/** bids.statistics measures we keep (OCDS bidStatistics + ocds_uk_extension +bidStatistics, domain.md §6). */
export const BID_MEASURES = ['bids', 'finalStageBids', 'smeFinalStageBids', 'vcseFinalStageBids'] as const;
export type BidMeasure = (typeof BID_MEASURES)[number];

/** Per lot ('' = the statistics that name no lot), per measure: the latest value. */
export type BidStatistics = Map<string, Partial<Record<BidMeasure, number>>>;

/**
 * Reads bids.statistics. When a measure is given several times for one lot, the one with the latest `date` wins
 * (the extension allows repeats "from multiple points in time"); undated ones count as oldest.
 */
export function bidStatistics(compiled: Json): BidStatistics {
  const out: BidStatistics = new Map();
  const dates = new Map<string, string>();
  for (const s of objects(obj(compiled.bids)?.statistics)) {
    const measure = str(s.measure);
    if (!measure || !(BID_MEASURES as readonly string[]).includes(measure)) continue;
    const value = toCount(s.value);
    if (value === null) continue;
    const lot = str(s.relatedLot) ?? '';
    const key = `${lot}\u0000${measure}`;
    const date = parseDate(s.date) ?? '';
    const seen = dates.get(key);
    if (seen !== undefined && date < seen) continue;
    dates.set(key, date);
    const entry = out.get(lot) ?? {};
    entry[measure as BidMeasure] = value;
    out.set(lot, entry);
  }
  return out;
}

export function lotRows(ocid: string, compiled: Json, stats: BidStatistics): LotProjection[] {
  const rows = objects(obj(compiled.tender)?.lots).map((lot, i): LotProjection => {
    const id = str(lot.id) ?? `#${i}`;
    const value = money(lot.value);
    const p = period(lot.contractPeriod);
    const s = stats.get(id) ?? {};
    return {
      ocid,
      lot_id: id,
      title: text(lot.title),
      status: str(lot.status),
      value: value.amount,
      value_gross: value.gross,
      currency: value.currency,
      contract_start: p.start,
      contract_end: p.end,
      contract_max_extent: p.maxExtent,
      duration_days: p.durationDays,
      duration_months: p.durationMonths,
      has_renewal: bool(lot.hasRenewal),
      renewal_description: text(obj(lot.renewal)?.description),
      has_options: bool(lot.hasOptions),
      options_description: text(obj(lot.options)?.description),
      bids: s.bids ?? null,
      final_stage_bids: s.finalStageBids ?? null,
      sme_final_stage_bids: s.smeFinalStageBids ?? null,
      vcse_final_stage_bids: s.vcseFinalStageBids ?? null,
    };
  });
  return lastByKey(rows, (r) => r.lot_id);
}

/** The due date of the award's `futureSignatureDate` milestone (ocds_uk_extension +milestoneType). */
function futureSignatureDate(award: Json): string | null {
  for (const m of objects(award.milestones))
    if (str(m.type) === 'futureSignatureDate') return parseDate(m.dueDate);
  return null;
}

export interface AwardRows {
  awards: AwardProjection[];
  suppliers: AwardSupplierProjection[];
}

export function awardRows(ocid: string, compiled: Json, parties: Parties): AwardRows {
  const suppliers: AwardSupplierProjection[] = [];
  const awards = objects(compiled.awards).map((award, i): AwardProjection => {
    const id = str(award.id) ?? `#${i}`;
    const value = money(award.value);
    const p = period(award.contractPeriod);
    const standstill = period(award.standstillPeriod);
    for (const ref of objects(award.suppliers)) {
      const partyId = parties.resolve(ref, 'supplier');
      if (partyId !== null) suppliers.push({ ocid, award_id: id, party_id: partyId });
    }
    return {
      ocid,
      award_id: id,
      title: text(award.title),
      status: str(award.status),
      award_date: parseDate(award.date),
      value: value.amount,
      value_gross: value.gross,
      currency: value.currency,
      lot_ids: strings(award.relatedLots),
      contract_start: p.start,
      contract_end: p.end,
      contract_max_extent: p.maxExtent,
      standstill_start: standstill.start,
      standstill_end: standstill.end,
      above_threshold: bool(award.aboveThreshold),
      has_renewal: bool(award.hasRenewal),
      renewal_description: text(obj(award.renewal)?.description),
      assessment_summaries_sent: parseDate(award.assessmentSummariesDateSent),
      future_signature_date: futureSignatureDate(award),
    };
  });
  return {
    awards: lastByKey(awards, (a) => a.award_id),
    suppliers: lastByKey(suppliers, (s) => `${s.award_id}\u0000${s.party_id}`),
  };
}

/** ocds_uk_extension `terminationRationaleClassifications[]` (and the deprecated singular), as their ids. */
function terminationReasons(contract: Json): string[] {
  const out: string[] = [];
  for (const c of [
    ...objects(contract.terminationRationaleClassifications),
    obj(contract.terminationRationaleClassification),
  ]) {
    const id = c ? str(c.id) : null;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

export function contractRows(ocid: string, compiled: Json): ContractProjection[] {
  const rows = objects(compiled.contracts).map((contract, i): ContractProjection => {
    const value = money(contract.value);
    const p = period(contract.period);
    const implementation = obj(contract.implementation);
    const final = money(implementation?.finalValue);
    return {
      ocid,
      contract_id: str(contract.id) ?? `#${i}`,
      award_id: str(contract.awardID),
      title: text(contract.title),
      status: str(contract.status),
      date_signed: parseDate(contract.dateSigned),
      value: value.amount,
      value_gross: value.gross,
      currency: value.currency,
      period_start: p.start,
      period_end: p.end,
      max_extent: p.maxExtent,
      above_threshold: bool(contract.aboveThreshold),
      no_agreed_metrics_rationale: text(contract.noAgreedMetricsRationale),
      amendment_count: objects(contract.amendments).length,
      final_value: final.amount,
      final_value_currency: final.currency,
      actual_end: parseDate(implementation?.endDate),
      termination_reasons: terminationReasons(contract),
    };
  });
  return lastByKey(rows, (r) => r.contract_id);
}
