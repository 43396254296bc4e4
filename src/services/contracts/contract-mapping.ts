// Rows of the contract model → the plain objects of contract-types.ts.
import type { ProcessDetailRow } from '../../store/process-detail.repository.js';
import type { ProcessListRow } from '../../store/process.repository.js';
import type { CpvLabels } from '../reference/cpv-labels.js';
import { documentTypeName, noticeTypeName } from '../reference/notice-types.js';
import type {
  Award,
  Classification,
  Contract,
  ContractSummary,
  Lot,
  Money,
  NetGross,
  Notice,
  OrganisationRef,
} from './contract-types.js';

type Row<T> = Record<string, unknown> & T;

const money = (amount: string | null, currency: string | null): Money | null =>
  amount === null ? null : { amount, currency };

export const netGross = (
  net: string | null,
  gross: string | null,
  currency: string | null,
): NetGross | null => (net === null && gross === null ? null : { net, gross, currency });

export function toSummary(r: ProcessListRow): ContractSummary {
  return {
    ocid: r.ocid,
    title: r.title,
    buyer: r.buyer_id !== null && r.buyer_name !== null ? { id: r.buyer_id, name: r.buyer_name } : null,
    value:
      r.value_amount !== null && r.value_basis !== null
        ? { amount: r.value_amount, currency: r.value_currency, basis: r.value_basis }
        : null,
    status: r.tender_status,
    procurementMethod: r.procurement_method,
    procurementMethodDetails: r.procurement_method_details,
    cpvMain: r.cpv_main,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
    contractMaxExtent: r.contract_max_extent,
    noticeTypes: r.notice_types,
    releaseTags: r.release_tags,
    firstPublished: r.first_published,
    lastUpdated: r.last_updated,
    source: r.source,
    synthetic: r.synthetic,
  };
}

export function processValues(p: ProcessDetailRow) {
  return {
    tender: netGross(p.tender_value, p.tender_value_gross, p.tender_currency),
    award: money(p.award_value, p.award_currency),
    contract: money(p.contract_value, p.contract_currency),
  };
}

export function toClassifications(
  rows: { scheme: string; code: string; is_main: boolean; description: string | null }[],
  p: { cpv_main: string | null; cpv_codes: string[] },
  cpv: CpvLabels,
): Classification[] {
  // The classification table has the descriptions; process.cpv_codes is the fallback if it is empty.
  const list =
    rows.length > 0
      ? rows
      : p.cpv_codes.map((code) => ({ scheme: 'CPV', code, is_main: code === p.cpv_main, description: null }));
  return list.map((c) => ({
    scheme: c.scheme,
    code: c.code,
    label: (c.scheme.toUpperCase() === 'CPV' ? cpv.label(c.code) : undefined) ?? c.description,
    isMain: c.is_main,
  }));
}

export function toLot(
  l: Row<{
    lot_id: string;
    title: string | null;
    status: string | null;
    value: string | null;
    value_gross: string | null;
    currency: string | null;
    contract_start: Date | null;
    contract_end: Date | null;
    contract_max_extent: Date | null;
    duration_days: number | null;
    has_renewal: boolean | null;
    renewal_description: string | null;
    has_options: boolean | null;
    options_description: string | null;
  }>,
): Lot {
  return {
    id: l.lot_id,
    title: l.title,
    status: l.status,
    value: netGross(l.value, l.value_gross, l.currency),
    contractStart: l.contract_start,
    contractEnd: l.contract_end,
    contractMaxExtent: l.contract_max_extent,
    durationDays: l.duration_days,
    hasRenewal: l.has_renewal,
    renewalDescription: l.renewal_description,
    hasOptions: l.has_options,
    optionsDescription: l.options_description,
  };
}

export function toAward(
  a: Row<{
    award_id: string;
    title: string | null;
    status: string | null;
    award_date: Date | null;
    value: string | null;
    value_gross: string | null;
    currency: string | null;
    lot_ids: string[];
    contract_start: Date | null;
    contract_end: Date | null;
    contract_max_extent: Date | null;
    standstill_start: Date | null;
    standstill_end: Date | null;
    above_threshold: boolean | null;
  }>,
  suppliers: OrganisationRef[],
): Award {
  return {
    id: a.award_id,
    title: a.title,
    status: a.status,
    date: a.award_date,
    value: netGross(a.value, a.value_gross, a.currency),
    lotIds: a.lot_ids,
    contractStart: a.contract_start,
    contractEnd: a.contract_end,
    contractMaxExtent: a.contract_max_extent,
    standstillStart: a.standstill_start,
    standstillEnd: a.standstill_end,
    aboveThreshold: a.above_threshold,
    suppliers,
  };
}

export function toContract(
  c: Row<{
    contract_id: string;
    award_id: string | null;
    title: string | null;
    status: string | null;
    date_signed: Date | null;
    value: string | null;
    value_gross: string | null;
    currency: string | null;
    period_start: Date | null;
    period_end: Date | null;
    max_extent: Date | null;
    above_threshold: boolean | null;
    amendment_count: number;
    no_agreed_metrics_rationale: string | null;
  }>,
): Contract {
  return {
    id: c.contract_id,
    awardId: c.award_id,
    title: c.title,
    status: c.status,
    dateSigned: c.date_signed,
    value: netGross(c.value, c.value_gross, c.currency),
    periodStart: c.period_start,
    periodEnd: c.period_end,
    maxExtent: c.max_extent,
    aboveThreshold: c.above_threshold,
    amendmentCount: c.amendment_count,
    noAgreedMetricsRationale: c.no_agreed_metrics_rationale,
  };
}

export function toNotice(n: {
  id: number;
  release_id: string;
  release_date: Date;
  tags: string[];
  source: string;
  finding_count: number;
  notice_type: string | null;
  document_type: string | null;
  title: string | null;
}): Notice {
  return {
    key: n.id,
    releaseId: n.release_id,
    date: n.release_date,
    tags: n.tags,
    noticeType: n.notice_type,
    noticeTypeName: n.notice_type ? (noticeTypeName(n.notice_type) ?? null) : null,
    documentType: n.document_type,
    documentTypeName: n.document_type ? (documentTypeName(n.document_type) ?? null) : null,
    title: n.title,
    findingCount: n.finding_count,
    source: n.source,
  };
}
