// Metrics and observations (OCDS metrics extension, as profiled by the EU profile and ocds_uk_extension):
//   planning.forecasts[]                    stage 'forecast'
//   tender.targets[]                        stage 'target'
//   awards[].agreedMetrics[]                stage 'agreed'
//   contracts[].agreedMetrics[]             stage 'agreed'  (UK7: "the 3 most material KPIs", domain.md §2)
//   contracts[].implementation.metrics[]    stage 'actual'  (UK9 KPI ratings: observations[].measureClassification)
// `path` names the array, with the award or contract id, so metric ids only need to be unique within it.
import { toDecimal } from '../../domain/decimal.js';
import type { MetricProjection, ObservationProjection } from '../../store/contract-model.types.js';
import { lastByKey, money, obj, objects, period, str, text, type Json } from './json.js';

type Stage = 'forecast' | 'target' | 'agreed' | 'actual';

interface Place {
  path: string;
  stage: Stage;
  metrics: Json[];
  awardId: string | null;
  contractId: string | null;
}

function placesOf(compiled: Json): Place[] {
  const out: Place[] = [
    {
      path: 'planning/forecasts',
      stage: 'forecast',
      metrics: objects(obj(compiled.planning)?.forecasts),
      awardId: null,
      contractId: null,
    },
    {
      path: 'tender/targets',
      stage: 'target',
      metrics: objects(obj(compiled.tender)?.targets),
      awardId: null,
      contractId: null,
    },
  ];
  objects(compiled.awards).forEach((a, i) => {
    const id = str(a.id) ?? `#${i}`;
    out.push({
      path: `awards/${id}/agreedMetrics`,
      stage: 'agreed',
      metrics: objects(a.agreedMetrics),
      awardId: id,
      contractId: null,
    });
  });
  objects(compiled.contracts).forEach((c, i) => {
    const id = str(c.id) ?? `#${i}`;
    const awardId = str(c.awardID);
    out.push({
      path: `contracts/${id}/agreedMetrics`,
      stage: 'agreed',
      metrics: objects(c.agreedMetrics),
      awardId,
      contractId: id,
    });
    out.push({
      path: `contracts/${id}/implementation/metrics`,
      stage: 'actual',
      metrics: objects(obj(c.implementation)?.metrics),
      awardId,
      contractId: id,
    });
  });
  return out;
}

/** `measure` is free text or a number (metrics extension); numbers are kept exactly, as text. */
function measureText(value: unknown): string | null {
  if (typeof value === 'number') return toDecimal(value);
  return text(value);
}

export interface MetricRows {
  metrics: MetricProjection[];
  observations: ObservationProjection[];
}

export function metricRows(ocid: string, compiled: Json): MetricRows {
  const metrics: MetricProjection[] = [];
  const observations: ObservationProjection[] = [];
  for (const place of placesOf(compiled)) {
    place.metrics.forEach((m, i) => {
      const metricId = str(m.id) ?? `#${i}`;
      metrics.push({
        ocid,
        path: place.path,
        metric_id: metricId,
        contract_id: place.contractId,
        award_id: place.awardId,
        stage: place.stage,
        title: text(m.title),
        description: text(m.description),
      });
      objects(m.observations).forEach((o, j) => {
        const p = period(o.period);
        const value = money(o.value);
        const unit = obj(o.unit);
        observations.push({
          ocid,
          path: place.path,
          metric_id: metricId,
          observation_id: str(o.id) ?? `#${j}`,
          period_start: p.start,
          period_end: p.end,
          measure: measureText(o.measure),
          measure_classification: str(obj(o.measureClassification)?.id),
          value: value.amount,
          currency: value.currency,
          unit: text(unit?.name) ?? str(unit?.id),
        });
      });
    });
  }
  return {
    metrics: lastByKey(metrics, (m) => `${m.path}\u0000${m.metric_id}`),
    observations: lastByKey(observations, (o) => `${o.path}\u0000${o.metric_id}\u0000${o.observation_id}`),
  };
}
