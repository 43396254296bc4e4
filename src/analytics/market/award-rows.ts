// What the market and supplier-profile queries (query.ts, supplier-query.ts) read alike from the fact row of an award
// × supplier (market_fact, migration 0030, written with each projection): the award's UK day, value, currency and
// supplier count, the buyer and how it was procured, and which awards they count (active, dated in the period, not
// synthetic). Measured the same way in both, so that a supplier's share
// on its profile equals its share on the market page. Every value is a bind parameter.
import { sql } from 'kysely';
import type { Day } from '../../domain/rules/index.js';

/** Options of the market and supplier queries. */
export interface SupplierQueryOptions {
  /** Benchmarks only: count synthetic (generated) processes too. Pages and the API never do. */
  includeSynthetic?: boolean;
}

/** `not f.synthetic` (of `table`), unless a benchmark asks for synthetic processes too. */
export const realOnly = (o: SupplierQueryOptions, table = 'f') =>
  o.includeSynthetic ? sql<boolean>`true` : sql<boolean>`not ${sql.ref(`${table}.synthetic`)}`;

/** The awards every market figure counts: fact row `f` (active awards only) dated in [from, to] (UK days), real. */
export const activeInPeriod = (from: Day, to: Day, o: SupplierQueryOptions) =>
  sql<boolean>`f.award_day >= ${from}::date and f.award_day <= ${to}::date and ${realOnly(o)}`;

/** The select list of AwardFields, over the fact row `f` (market_fact, migration 0030). */
export const awardColumns = sql`f.ocid, f.award_id, f.award_day::text as award_day, f.value::text as value, f.currency,
      f.supplier_count, f.buyer_id, f.procurement_method, f.procurement_method_details, f.notice_types,
      f.number_of_tenderers`;

export interface AwardFields {
  ocid: string;
  awardId: string;
  /** The award date as a UK day. */
  awardDay: Day;
  /** Award value incl. VAT where published, else net; exact decimal; null when not published. */
  value: string | null;
  currency: string | null;
  /** Suppliers on this award (its value is split equally among them, as in the market figures); 0 when none is
   * published. */
  supplierCount: number;
  buyerId: number | null;
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  noticeTypes: string[];
  numberOfTenderers: number | null;
}

/** AwardFields from a row selected with awardColumns. */
export const toAwardFields = (x: Record<string, unknown>): AwardFields => ({
  ocid: String(x.ocid),
  awardId: String(x.award_id),
  awardDay: String(x.award_day),
  value: (x.value as string | null) ?? null,
  currency: (x.currency as string | null) ?? null,
  supplierCount: Number(x.supplier_count),
  buyerId: x.buyer_id === null ? null : Number(x.buyer_id),
  procurementMethod: (x.procurement_method as string | null) ?? null,
  procurementMethodDetails: (x.procurement_method_details as string | null) ?? null,
  noticeTypes: (x.notice_types as string[] | null) ?? [],
  numberOfTenderers: x.number_of_tenderers === null ? null : Number(x.number_of_tenderers),
});
