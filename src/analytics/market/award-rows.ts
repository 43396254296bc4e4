// What the market and supplier-profile queries (query.ts, supplier-query.ts) read alike from an award and its
// process: the award's UK day, value, currency and supplier count, the buyer and how it was procured, and which awards
// they count (active, dated in the period, not synthetic). Measured the same way in both, so that a supplier's share
// on its profile equals its share on the market page. Every value is a bind parameter.
import { sql } from 'kysely';
import type { Day } from '../../domain/rules/index.js';

/** Options of the market and supplier queries. */
export interface SupplierQueryOptions {
  /** Benchmarks only: count synthetic (generated) processes too. Pages and the API never do. */
  includeSynthetic?: boolean;
}

/** `not p.synthetic`, unless a benchmark asks for synthetic processes too. */
export const realOnly = (o: SupplierQueryOptions) =>
  o.includeSynthetic ? sql<boolean>`true` : sql<boolean>`not p.synthetic`;

/** The awards every market figure counts: award `a` active and dated in [from, to] (UK days), process `p` real. */
export const activeInPeriod = (
  from: Day,
  to: Day,
  o: SupplierQueryOptions,
) => sql<boolean>`a.status = 'active' and a.award_date >= (${from}::date::timestamp at time zone 'Europe/London')
  and a.award_date < ((${to}::date + 1)::timestamp at time zone 'Europe/London') and ${realOnly(o)}`;

const ukDay = sql`(a.award_date at time zone 'Europe/London')::date`;

/** The select list of AwardFields, over award `a` and its process `p`. */
export const awardColumns = sql`a.ocid, a.award_id, ${ukDay}::text as award_day,
      coalesce(a.value_gross, a.value)::text as value, a.currency,
      (select count(*) from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id) as supplier_count,
      p.buyer_id, p.procurement_method, p.procurement_method_details, p.notice_types, p.number_of_tenderers`;

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
