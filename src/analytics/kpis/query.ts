// The KPI queries (docs/kpis.md): KPIs read from the contract model (UK7 agreed metrics and UK9 implementation
// metrics, whose observations carry a measureClassification) and KPIs entered by buyers (contract_kpi, kpi_rating),
// each with its contract's buyer, CPV, dates and ratings, as one record shape. Every value is a bind parameter.
import { sql, type Kysely } from 'kysely';
import type { RatedMeasure } from '../../domain/kpi-library.js';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { toMeasure } from '../../store/kpi.repository.js';

type Db = Kysely<Database>;

export interface KpiScope {
  ocid?: string;
  buyerId?: number;
}

export interface KpiRatingRecord {
  /** kpi_rating id (entered) or the observation id (data). */
  id: string;
  periodStart: Day | null;
  periodEnd: Day | null;
  /** measureClassification id; null when an observation has none. */
  rating: string | null;
  comment: string | null;
  evidenceUrl: string | null;
  /** The measured value the code was derived from (entered KPIs with a measure); null otherwise. */
  measuredValue: number | null;
  /** Who recorded it (entered) ; null for data. */
  ratedBy: string | null;
  /** The day it was recorded (entered); null for data (the notice's date is not kept per observation). */
  ratedOn: Day | null;
}

export interface KpiRecord {
  /** `entered:<id>` or `data:<ocid>:<contract or award id>:<metric id>`. */
  key: string;
  source: 'data' | 'entered';
  /** contract_kpi id for an entered KPI. */
  kpiId: number | null;
  ocid: string;
  contractTitle: string | null;
  buyerId: number | null;
  buyerName: string | null;
  cpvMain: string | null;
  /** Contract start (else the day an entered KPI was set) and end (the actual end when published). */
  start: Day | null;
  end: Day | null;
  title: string;
  description: string | null;
  /** Entered: the target; data: the stages it appears in (UK7 agreed, UK9 actual). */
  target: string | null;
  stages: string[];
  intervalMonths: number | null;
  templateRef: string | null;
  /** Entered from a library template: the unit, direction, target and thresholds its ratings are derived from. */
  measure: RatedMeasure | null;
  /** The attached KPI (library copy on the contract) it was made from, when it still exists. */
  attachedKpiId: number | null;
  createdBy: string | null;
  ratings: KpiRatingRecord[];
}

const day = (expr: string) => sql<Day | null>`to_char(${sql.raw(expr)}, 'YYYY-MM-DD')`;

interface ProcessFields {
  ocid: string;
  contract_title: string | null;
  buyer_id: number | null;
  buyer_name: string | null;
  cpv_main: string | null;
  start_day: Day | null;
  end_day: Day | null;
}

function processFields() {
  return [
    sql<string | null>`p.title`.as('contract_title'),
    sql<number | null>`p.buyer_id`.as('buyer_id'),
    sql<string | null>`o.name`.as('buyer_name'),
    sql<string | null>`p.cpv_main`.as('cpv_main'),
    day('p.contract_start').as('start_day'),
    sql<Day | null>`to_char(coalesce((select max(c.actual_end) from contract c where c.ocid = p.ocid), p.contract_end), 'YYYY-MM-DD')`.as(
      'end_day',
    ),
  ];
}

const scoped = (scope: KpiScope, ocidColumn: string) =>
  sql.join(
    [
      sql`true`,
      ...(scope.ocid !== undefined ? [sql`${sql.ref(ocidColumn)} = ${scope.ocid}`] : []),
      ...(scope.buyerId !== undefined ? [sql`p.buyer_id = ${scope.buyerId}`] : []),
    ],
    sql` and `,
  );

const STAGE_NAME: Record<string, string> = {
  agreed: 'UK7 agreed metric',
  actual: 'UK9 implementation metric',
};

/** KPIs from the data: metrics at stage agreed or actual (contracts and awards), grouped by contract and metric id. */
async function dataKpis(db: Db, scope: KpiScope): Promise<KpiRecord[]> {
  const metrics = await sql<
    ProcessFields & {
      ref: string;
      metric_id: string;
      stage: string;
      title: string | null;
      description: string | null;
    }
  >`
    select m.ocid, coalesce(m.contract_id, m.award_id, '') as ref, m.metric_id, m.stage, m.title, m.description,
      ${sql.join(processFields())}
    from metric m
    join process p on p.ocid = m.ocid
    left join organisation o on o.id = p.buyer_id
    where m.stage in ('agreed', 'actual') and ${scoped(scope, 'm.ocid')}
    order by m.ocid, ref, m.metric_id, m.path`.execute(db);
  const observations = await sql<{
    ocid: string;
    ref: string;
    metric_id: string;
    observation_id: string;
    period_start: Day | null;
    period_end: Day | null;
    rating: string | null;
    measure: string | null;
    stage: string;
  }>`
    select ob.ocid, coalesce(m.contract_id, m.award_id, '') as ref, ob.metric_id, ob.observation_id,
      ${day('ob.period_start')} as period_start, ${day('ob.period_end')} as period_end,
      ob.measure_classification as rating, ob.measure, m.stage
    from observation ob
    join metric m on m.ocid = ob.ocid and m.path = ob.path and m.metric_id = ob.metric_id
    join process p on p.ocid = ob.ocid
    where m.stage in ('agreed', 'actual') and ${scoped(scope, 'ob.ocid')}
    order by ob.period_end nulls first, ob.observation_id`.execute(db);
  const byKey = new Map<string, KpiRecord>();
  for (const m of metrics.rows) {
    const key = `data:${m.ocid}:${m.ref}:${m.metric_id}`;
    const known = byKey.get(key);
    const stage = STAGE_NAME[m.stage] ?? m.stage;
    if (known) {
      if (!known.stages.includes(stage)) known.stages.push(stage);
      known.title = known.title || (m.title ?? '');
      known.description ??= m.description;
      continue;
    }
    byKey.set(key, {
      ...recordBase(m),
      key,
      source: 'data',
      kpiId: null,
      title: m.title ?? `Metric ${m.metric_id}`,
      description: m.description,
      target: null,
      stages: [stage],
      intervalMonths: null,
      templateRef: null,
      measure: null,
      attachedKpiId: null,
      createdBy: null,
    });
  }
  for (const o of observations.rows) {
    const kpi = byKey.get(`data:${o.ocid}:${o.ref}:${o.metric_id}`);
    if (!kpi) continue;
    // UK7 observations are targets; UK9 (implementation) observations are the ratings.
    if (o.stage === 'agreed') {
      kpi.target ??= o.measure;
      continue;
    }
    if (o.rating === null && o.measure === null) continue;
    kpi.ratings.push({
      id: o.observation_id,
      periodStart: o.period_start,
      periodEnd: o.period_end,
      rating: o.rating,
      comment: o.measure,
      evidenceUrl: null,
      measuredValue: null,
      ratedBy: null,
      ratedOn: null,
    });
  }
  return [...byKey.values()];
}

const recordBase = (p: ProcessFields) => ({
  ocid: p.ocid,
  contractTitle: p.contract_title,
  buyerId: p.buyer_id === null ? null : Number(p.buyer_id),
  buyerName: p.buyer_name,
  cpvMain: p.cpv_main,
  start: p.start_day,
  end: p.end_day,
  ratings: [] as KpiRatingRecord[],
});

/** KPIs entered by buyers, with their ratings oldest period first. */
async function enteredKpis(db: Db, scope: KpiScope): Promise<KpiRecord[]> {
  const kpis = await sql<
    ProcessFields & {
      id: number;
      title: string;
      description: string | null;
      target: string | null;
      interval_months: number | null;
      template_ref: string | null;
      attached_kpi_id: number | null;
      unit: string | null;
      direction: 'higher' | 'lower' | null;
      target_value: string | null;
      slightly_below: string | null;
      below: string | null;
      created_by: string;
      created_day: Day;
    }
  >`
    select k.id, k.ocid, k.title, k.description, k.target, k.interval_months, k.template_ref, k.created_by,
      k.attached_kpi_id, k.unit, k.direction, k.target_value::text as target_value,
      k.slightly_below::text as slightly_below, k.below::text as below,
      ${day('k.created_at')} as created_day, ${sql.join(processFields())}
    from contract_kpi k
    join process p on p.ocid = k.ocid
    left join organisation o on o.id = p.buyer_id
    where ${scoped(scope, 'k.ocid')}
    order by k.ocid, k.id`.execute(db);
  if (kpis.rows.length === 0) return [];
  const ratings = await sql<{
    id: number;
    kpi_id: number;
    period_start: Day;
    period_end: Day;
    rating: string;
    comment: string | null;
    evidence_url: string | null;
    measured_value: string | null;
    rated_by: string;
    rated_day: Day;
  }>`
    select r.id, r.kpi_id, ${day('r.period_start')} as period_start, ${day('r.period_end')} as period_end,
      r.rating, r.comment, r.evidence_url, r.measured_value::text as measured_value, r.rated_by,
      ${day('r.rated_at')} as rated_day
    from kpi_rating r
    where r.kpi_id = any(${kpis.rows.map((k) => Number(k.id))}::bigint[])
    order by r.period_end, r.id`.execute(db);
  const byId = new Map<number, KpiRecord>();
  for (const k of kpis.rows) {
    const base = recordBase(k);
    byId.set(Number(k.id), {
      ...base,
      start: base.start ?? k.created_day,
      key: `entered:${k.id}`,
      source: 'entered',
      kpiId: Number(k.id),
      title: k.title,
      description: k.description,
      target: k.target,
      stages: ['Entered by the buyer'],
      intervalMonths: k.interval_months,
      templateRef: k.template_ref,
      measure: toMeasure(k),
      attachedKpiId: k.attached_kpi_id === null ? null : Number(k.attached_kpi_id),
      createdBy: k.created_by,
    });
  }
  for (const r of ratings.rows)
    byId.get(Number(r.kpi_id))?.ratings.push({
      id: String(r.id),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      rating: r.rating,
      comment: r.comment,
      evidenceUrl: r.evidence_url,
      measuredValue: r.measured_value === null ? null : Number(r.measured_value),
      ratedBy: r.rated_by,
      ratedOn: r.rated_day,
    });
  return [...byId.values()];
}

/** Every KPI in scope, from the data and entered, data first, each group in ocid order. */
export async function loadKpis(db: Db, scope: KpiScope = {}): Promise<KpiRecord[]> {
  const [data, entered] = await Promise.all([dataKpis(db, scope), enteredKpis(db, scope)]);
  return [...data, ...entered];
}
