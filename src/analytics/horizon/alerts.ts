// What is new in a saved horizon search since its user last looked (docs/saved-searches.md, "Alerts"), worked out
// from horizon_entry and two stored values — when they last looked (a time) and that UK day — with no table of
// what they saw. A contract in today's result set is an alert when:
//   - new-data: its horizon row was written after they looked (a new or changed contract, re-projected);
//   - came-into-window: its counted date was outside the search's window as of the day they looked (the window
//     has moved on to include it);
//   - became-overdue: its decision-due date is on or after the day they looked and before today (it was not
//     overdue then and is now).
// The scan's own filters and window apply (query.ts `scanned`); everything is a bind parameter.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day, LeadTimePolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { windowEnd } from './dates.js';
import { scanned, windowBranches, type HorizonScope } from './query.js';

type Db = Kysely<Database>;

export const ALERT_REASONS = ['new-data', 'came-into-window', 'became-overdue'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

export interface AlertScope {
  /** The search's scope as of today. */
  scope: HorizonScope;
  months: number;
  policy: LeadTimePolicy;
  /** When the user last looked, and that UK day. */
  seenAt: Date;
  seenDay: Day;
}

export interface HorizonAlertRow {
  ocid: string | null;
  register_contract_id: number | null;
  title: string | null;
  buyer_id: number | null;
  buyer_name: string | null;
  horizon_day: string;
  decision_due: string;
  gbp_value: string | null;
  new_data: boolean;
  came_into_window: boolean;
  became_overdue: boolean;
}

/** The alerts of one search as `a`: ocid, buyer, counted day, decision due, value and the three reasons. */
function alerts(a: AlertScope): RawBuilder<unknown> {
  const { scope, months, policy, seenAt, seenDay } = a;
  const before = windowBranches(scope.basis, seenDay, windowEnd(seenDay, months));
  const inBefore = sql`coalesce((${sql.join(before, sql` or `)}), false)`;
  return sql`(select * from (
      select e.ocid, e.register_contract_id, e.buyer_id, e.horizon_day, e.decision_due, e.gbp_value,
        e.written_at > ${seenAt}::timestamptz as new_data,
        not ${inBefore} as came_into_window,
        (e.decision_due >= ${seenDay}::date and e.decision_due < ${scope.asOf}::date) as became_overdue
      from (select h.*, (h.horizon_day - make_interval(months => h.lead_months))::date as decision_due
            from ${scanned(scope, windowEnd(scope.asOf, months), policy, true)}) e) x
    where x.new_data or x.came_into_window or x.became_overdue) a`;
}

const ALERT_ORDER = sql`a.decision_due, a.ocid nulls last, a.register_contract_id`;

/** How many contracts of the search are alerts. */
export async function countHorizonAlerts(db: Db, a: AlertScope): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${alerts(a)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** One page of a search's alerts, soonest decision first. */
export async function findHorizonAlerts(
  db: Db,
  a: AlertScope,
  page: { limit: number; offset: number },
): Promise<HorizonAlertRow[]> {
  const r = await sql<HorizonAlertRow>`
    select a.ocid, a.register_contract_id, coalesce(p.title, r.title) as title, a.buyer_id, b.name as buyer_name, a.horizon_day::text as horizon_day,
      a.decision_due::text as decision_due, a.gbp_value::text as gbp_value, a.new_data, a.came_into_window,
      a.became_overdue
    from (select * from ${alerts(a)} order by ${ALERT_ORDER} limit ${page.limit} offset ${page.offset}) a
    left join process p on p.ocid = a.ocid
    left join register_contract r on r.id = a.register_contract_id
    left join organisation b on b.id = a.buyer_id
    order by ${ALERT_ORDER}`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    buyer_id: x.buyer_id === null ? null : Number(x.buyer_id),
    register_contract_id: x.register_contract_id === null ? null : Number(x.register_contract_id),
  }));
}

/** The reasons a row is an alert, in a fixed order. */
export const alertReasons = (r: Pick<HorizonAlertRow, 'new_data' | 'came_into_window' | 'became_overdue'>) =>
  ALERT_REASONS.filter((k) =>
    k === 'new-data' ? r.new_data : k === 'came-into-window' ? r.came_into_window : r.became_overdue,
  );
