// One row of the horizon scan as pages, API, CSV and CLI show it: the query's row plus what the pure functions
// derive (which date counted, extension headroom, lead time and "decision due by", how it was procured).
import {
  describeBand,
  leadTimeBand,
  leadTimeMonths,
  type Day,
  type LeadTimePolicy,
} from '../../domain/rules/index.js';
import {
  decisionDueBy,
  extensionHeadroom,
  horizonDate,
  type Headroom,
  type HorizonBasis,
  type HorizonDate,
} from './dates.js';
import { howProcured, type Procedure } from '../../domain/procedure.js';
import type { HorizonRow, RegisterRowFields } from './query.js';

/** Where a horizon row comes from: published notices (OCDS), or a contract register imported for its buyer. */
export type HorizonSource =
  | { kind: 'ocds'; label: string }
  | {
      kind: 'register';
      /** "Contract register (Salford City Council, imported 2026-12-06)". */
      label: string;
      registerContractId: number;
      reference: string | null;
      /** The supplier as the register names it (resolved organisations are in `suppliers`). */
      supplierName: string | null;
      file: string;
      line: number;
      importedOn: Day;
    };

const OCDS_SOURCE: HorizonSource = { kind: 'ocds', label: 'Published notices (OCDS)' };

function registerSource(g: RegisterRowFields, buyer: string | null): HorizonSource {
  return {
    kind: 'register',
    label: `Contract register (${buyer ?? 'buyer not known'}, imported ${g.imported_on})`,
    registerContractId: g.id,
    reference: g.reference,
    supplierName: g.supplier_name,
    file: g.source_file,
    line: g.source_line,
    importedOn: g.imported_on,
  };
}

/** A register's extension terms as options: the option to extend in months, how many extensions and how many taken. */
function registerOptions(g: RegisterRowFields): HorizonItem['options'] {
  if (g.extension_months === null && g.extensions_available === null)
    return { hasOptions: null, description: null };
  const parts = [
    g.extension_months === null ? null : `option to extend ${g.extension_months} months`,
    g.extensions_available === null ? null : `${g.extensions_available} extension(s)`,
    g.extensions_taken === null ? null : `${g.extensions_taken} taken`,
  ].filter((x): x is string => x !== null);
  return { hasOptions: (g.extension_months ?? 0) > 0, description: parts.join(', ') };
}

/** The page of a row: the contract's page for OCDS; none for a register contract (no register page yet). */
export const horizonItemPath = (i: Pick<HorizonItem, 'ocid'>): string | null =>
  i.ocid === null ? null : `/contracts/${encodeURIComponent(i.ocid)}`;

/** The incumbents' names: resolved organisations, else the supplier as a register names it. */
export function horizonSupplierNames(i: Pick<HorizonItem, 'suppliers' | 'source'>): string[] {
  if (i.suppliers.length > 0) return i.suppliers.map((s) => s.name);
  return i.source.kind === 'register' && i.source.supplierName ? [i.source.supplierName] : [];
}

export interface HorizonItem {
  /** The process, for a row from OCDS; null for a register contract (see `source`). */
  ocid: string | null;
  source: HorizonSource;
  title: string | null;
  buyer: { id: number; name: string } | null;
  cpvMain: string | null;
  deliveryRegions: string[];
  /** Exact decimal; incl. VAT when `includesVat`. */
  value: {
    amount: string;
    currency: string | null;
    basis: 'contract' | 'award' | 'tender' | 'register';
    includesVat: boolean;
  } | null;
  /** The incumbents: suppliers of the active awards. */
  suppliers: { id: number; name: string }[];
  end: Day | null;
  maxExtent: Day | null;
  /** Where the end dates were read: contracts, awards, lots or tender. */
  datesFrom: string | null;
  /** The date that put the contract on the horizon, and which one it was. */
  horizon: HorizonDate;
  headroom: Headroom | null;
  renewal: { hasRenewal: boolean | null; description: string | null };
  options: { hasOptions: boolean | null; description: string | null };
  leadTime: { months: number; band: string };
  decisionDueBy: Day;
  /** The decision date is before the as-of day. */
  decisionOverdue: boolean;
  procedure: Procedure;
  numberOfTenderers: number | null;
  noticeTypes: string[];
  /** When the process last changed (its latest release), ISO instant. */
  lastUpdated: string | null;
  synthetic: boolean;
  /** The missions the contract is mapped to (contract_mission), primary first; none for a register row. */
  missions: HorizonItemMission[];
}

export interface HorizonItemMission {
  id: string;
  name: string;
  role: 'primary' | 'secondary';
}

export function toHorizonItem(
  r: HorizonRow,
  asOf: Day,
  basis: HorizonBasis,
  policy: LeadTimePolicy,
  missions: HorizonItemMission[] = [],
): HorizonItem {
  const horizon = horizonDate(r.end_day, r.max_extent_day, asOf, basis);
  // The query selects only rows with a date in the window; a mismatch means the SQL and dates.ts disagree.
  if (horizon === null)
    throw new Error(
      `horizon: ${r.ocid ?? `register contract ${r.register?.id}`} has no ${basis} date on or after ${asOf}`,
    );
  const gbp = r.currency === 'GBP' ? r.value : null;
  const months = leadTimeMonths(gbp, policy);
  const due = decisionDueBy(horizon.day, months);
  return {
    ocid: r.ocid,
    source: r.register === null ? OCDS_SOURCE : registerSource(r.register, r.buyer_name),
    title: r.title,
    buyer: r.buyer_id !== null && r.buyer_name !== null ? { id: r.buyer_id, name: r.buyer_name } : null,
    cpvMain: r.cpv_main,
    deliveryRegions: r.delivery_regions,
    value:
      r.value !== null && r.value_basis !== null
        ? {
            amount: r.value,
            currency: r.currency,
            basis: r.value_basis,
            includesVat: r.value_includes_vat === true,
          }
        : null,
    suppliers: r.suppliers,
    end: r.end_day,
    maxExtent: r.max_extent_day,
    datesFrom: r.contract_dates_from,
    horizon,
    headroom: extensionHeadroom(r.end_day, r.max_extent_day),
    renewal: { hasRenewal: r.has_renewal, description: r.renewal_description },
    options:
      r.register === null
        ? { hasOptions: r.has_options, description: r.options_description }
        : registerOptions(r.register),
    leadTime: { months, band: describeBand(leadTimeBand(gbp, policy), policy) },
    decisionDueBy: due,
    decisionOverdue: due < asOf,
    procedure: howProcured({
      procurementMethod: r.procurement_method,
      procurementMethodDetails: r.procurement_method_details,
      noticeTypes: r.notice_types,
    }),
    numberOfTenderers: r.number_of_tenderers,
    noticeTypes: r.notice_types,
    lastUpdated: r.last_updated,
    synthetic: r.synthetic,
    missions,
  };
}
