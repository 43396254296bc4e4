// The mission dashboard's KPI rating mix and social value, stored (docs/mission-dashboard.md, "Stored summary and
// refresh"): per mission × buyer × buyer region × synthetic, the KPIs (from the data and entered) of the contracts
// mapped to the mission and their rated periods counted by rating code; per metric id × recorded unit × buyer ×
// buyer region × synthetic, the social value commitments with their committed, delivered and verified sums. Both
// with the same cells added up over buyers (`level = 'region'`), so that /missions reads a few hundred rows instead
// of every KPI and commitment in the country. Rebuilt with the mission summary (src/analytics/missions/) and, for
// one buyer, after a KPI, rating, commitment, report or verdict is recorded; empty here, the next refresh fills them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table mission_kpi_summary (
      level text not null check (level in ('buyer', 'region')),
      mission_id text not null,
      buyer_id bigint,
      region text,
      synthetic boolean not null,
      kpis int not null,
      met int not null,
      slightly_below int not null,
      below int not null,
      significantly_below int not null,
      other int not null,
      unknown int not null
    );
    create index mission_kpi_summary_mission on mission_kpi_summary (level, mission_id, region, buyer_id);
    create index mission_kpi_summary_buyer on mission_kpi_summary (buyer_id);

    create table mission_social_value_summary (
      level text not null check (level in ('buyer', 'region')),
      metric_id text not null,
      unit text not null,
      buyer_id bigint,
      region text,
      synthetic boolean not null,
      commitments int not null,
      committed numeric not null,
      delivered numeric not null,
      verified numeric not null,
      reports int not null,
      verified_reports int not null,
      rejected_reports int not null
    );
    create index mission_social_value_summary_metric on mission_social_value_summary (level, metric_id, region, buyer_id);
    create index mission_social_value_summary_buyer on mission_social_value_summary (buyer_id);
  `.execute(db);
}
