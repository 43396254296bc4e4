// projectRecord: one compiled record (plus its releases) → rows for every contract-model table. Pure: the store
// resolves organisations and writes (store/contract-model.repository.ts). Columns: docs/contract-model.md.
import { maxDate, minDate, parseDate } from '../../domain/dates.js';
import type { Projection } from '../../store/contract-model.types.js';
import type { RecordInput } from '../ingest/compile-queue.js';
import { classifications } from './classifications.js';
import { bool, money, obj, period, str, strings, text, type Json } from './json.js';
import { metricRows } from './metrics.js';
import { noticeRows } from './notices.js';
import { collectParties } from './parties.js';
import { loadReference, type ProjectionReference } from './reference.js';
import { awardRows, bidStatistics, contractRows, lotRows } from './stages.js';
import {
  aboveThreshold,
  activeAwards,
  bidSummary,
  contractDates,
  deliveryRegions,
  enteredContracts,
  legalBasis,
  sumValues,
} from './summary.js';

/** `ocds-h6vhtk` from `ocds-h6vhtk-04f8e1`: the prefix OCDS assigns each publisher. */
export function publisherPrefix(ocid: string): string | null {
  const m = /^(ocds-[a-z0-9]{6})-/i.exec(ocid);
  return m ? m[1]!.toLowerCase() : null;
}

/** The title a person would recognise: tender, else planning, else the first award or contract with one. */
function processTitle(compiled: Json): string | null {
  const tender = obj(compiled.tender);
  const first = (key: 'awards' | 'contracts'): string | null => {
    const list = Array.isArray(compiled[key]) ? (compiled[key] as unknown[]) : [];
    for (const item of list) {
      const t = text(obj(item)?.title);
      if (t) return t;
    }
    return null;
  };
  return (
    text(tender?.title) ??
    text(obj(obj(compiled.planning)?.budget)?.description) ??
    first('awards') ??
    first('contracts')
  );
}

export function projectRecord(
  input: RecordInput,
  reference: ProjectionReference = loadReference(),
): Projection {
  const { ocid, compiled } = input;
  const tender = obj(compiled.tender);
  const parties = collectParties(ocid, compiled, reference.regions);
  const buyerRef = obj(compiled.buyer);
  let buyerPartyId = buyerRef ? parties.resolve(buyerRef, 'buyer') : null;
  const stats = bidStatistics(compiled);
  const lots = lotRows(ocid, compiled, stats);
  const { awards, suppliers } = awardRows(ocid, compiled, parties);
  const contracts = contractRows(ocid, compiled);
  const partyList = parties.list;
  buyerPartyId ??= partyList.find((p) => p.row.roles.includes('buyer'))?.row.party_id ?? null;
  const cls = classifications(ocid, compiled, reference.cpv);
  const notices = noticeRows(ocid, input.releases);
  const { metrics, observations } = metricRows(ocid, compiled);
  const tenderValue = money(tender?.value);
  const tenderPeriod = period(tender?.tenderPeriod);
  const awardSum = sumValues(activeAwards(awards));
  const contractSum = sumValues(enteredContracts(contracts));
  const dates = contractDates(compiled, contracts, awards, lots);
  const bids = bidSummary(compiled, stats);
  const regions = deliveryRegions(compiled, reference.regions);
  const suitability = obj(tender?.suitability);
  const releaseDates = input.releases.map((r) => parseDate(r.date));

  return {
    ocid,
    asOf: maxDate(releaseDates),
    synthetic: input.synthetic,
    buyerPartyId,
    process: {
      ocid,
      source: input.source,
      publisher_prefix: publisherPrefix(ocid),
      title: processTitle(compiled),
      description: text(tender?.description),
      tender_status: str(tender?.status),
      procurement_method: str(tender?.procurementMethod),
      procurement_method_details: text(tender?.procurementMethodDetails),
      main_procurement_category: str(tender?.mainProcurementCategory),
      above_threshold: aboveThreshold(compiled, awards, contracts),
      special_regimes: strings(tender?.specialRegime),
      legal_basis: legalBasis(compiled),
      cpv_main: cls.cpvMain,
      cpv_codes: cls.cpvCodes,
      cpv_divisions: cls.cpvDivisions,
      tender_value: tenderValue.amount,
      tender_value_gross: tenderValue.gross,
      tender_currency: tenderValue.currency,
      tender_period_start: tenderPeriod.start,
      tender_period_end: tenderPeriod.end,
      number_of_tenderers: bids.numberOfTenderers,
      final_stage_bids: bids.finalStageBids,
      sme_final_stage_bids: bids.smeFinalStageBids,
      vcse_final_stage_bids: bids.vcseFinalStageBids,
      suitable_sme: bool(suitability?.sme),
      suitable_vcse: bool(suitability?.vcse),
      delivery_regions: regions.codes,
      delivery_regions_published: regions.published,
      notice_types: [...new Set(notices.map((n) => n.notice_type).filter((t): t is string => t !== null))],
      release_tags: [...new Set(input.releases.flatMap((r) => r.tags))],
      award_value: awardSum.amount,
      award_value_gross: awardSum.gross,
      award_currency: awardSum.currency,
      contract_value: contractSum.amount,
      contract_value_gross: contractSum.gross,
      contract_currency: contractSum.currency,
      contract_start: dates.start,
      contract_end: dates.end,
      contract_max_extent: dates.maxExtent,
      contract_dates_from: dates.from,
      first_published: minDate(releaseDates),
      last_updated: maxDate(releaseDates),
      release_count: input.releases.length,
      synthetic: input.synthetic,
      future_notice_date: parseDate(obj(tender?.communication)?.futureNoticeDate),
    },
    parties: partyList,
    lots,
    awards,
    awardSuppliers: suppliers,
    contracts,
    classifications: cls.rows,
    notices,
    metrics,
    observations,
  };
}
