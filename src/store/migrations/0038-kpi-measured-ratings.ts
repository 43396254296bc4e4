// KPI library thresholds used for ratings (docs/kpis.md, "Ratings from a measured value"). A contract_kpi may now
// carry a measure (unit, direction, target and the two thresholds of the UK9 bands) and the attached_kpi it was
// made from: attaching a library template to a contract creates one. A rating may carry the measured value its
// code was derived from. Attached KPIs on contracts made before this migration get their contract_kpi here (the
// attach itself was audited; this link is not).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table contract_kpi
      add column attached_kpi_id bigint unique references attached_kpi (id) on delete set null,
      add column unit text,
      add column direction text check (direction in ('higher', 'lower')),
      add column target_value numeric,
      add column slightly_below numeric,
      add column below numeric,
      add constraint contract_kpi_measure_whole check (
        (direction is null and target_value is null and slightly_below is null and below is null)
        or (direction is not null and target_value is not null and slightly_below is not null and below is not null)
      );

    alter table kpi_rating add column measured_value numeric;
  `.execute(db);
  await linkAttachedKpis(db);
}

/**
 * Gives every attached KPI on a contract that has none its rated KPI (contract_kpi) with the copy's measure; the
 * target text is written as the app writes it (`bands(...).met`, e.g. "50 per 100,000 or less"). Idempotent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function linkAttachedKpis(db: Kysely<any>): Promise<void> {
  await sql`
    insert into contract_kpi (ocid, title, description, target, template_ref, attached_kpi_id, unit, direction,
      target_value, slightly_below, below, created_by, created_at, updated_by, updated_at)
    select a.ocid, a.name, a.measure,
      trim(a.target::text || ' ' || a.unit) || case a.direction when 'higher' then ' or more' else ' or less' end,
      a.template_id, a.id, a.unit, a.direction, a.target, a.slightly_below, a.below,
      a.created_by, a.created_at, a.updated_by, a.updated_at
    from attached_kpi a
    where a.ocid is not null
      and not exists (select 1 from contract_kpi k where k.attached_kpi_id = a.id)
    order by a.id;
  `.execute(db);
}
