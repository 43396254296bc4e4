// Every metric id the roll-ups may meet, across all tiers and retired ones too (ids never change meaning): the
// national reference metrics and every region's and buyer's metrics, each with its outcome's mission. The
// mission of a commitment is its metric's (docs/social-value.md "Missions").
import type { Kysely } from 'kysely';
import type { MetricInfo } from '../../analytics/social-value/index.js';
import type { Database } from '../../store/database.js';
import { listCatalogueItems } from '../../store/social-value.repository.js';
import type { MissionReference } from '../missions/reference.js';

export interface Catalogue {
  metrics: Map<string, MetricInfo>;
  /** Every outcome's name, national and of every region and buyer. */
  outcomeNames: Map<string, string>;
}

export const loadMetricCatalogue = async (
  db: Kysely<Database>,
  ref: MissionReference,
): Promise<Map<string, MetricInfo>> => (await loadCatalogue(db, ref)).metrics;

export async function loadCatalogue(db: Kysely<Database>, ref: MissionReference): Promise<Catalogue> {
  const items = await listCatalogueItems(db);
  const outcomeNames = new Map<string, string>(ref.national.outcomes.map((o) => [o.id, o.name]));
  for (const i of items) if (i.kind === 'outcome') outcomeNames.set(i.id, i.name);
  const missionOfOutcome = new Map<string, string>(ref.national.outcomes.map((o) => [o.id, o.missionId]));
  for (const i of items) if (i.kind === 'outcome') missionOfOutcome.set(i.id, i.parent_id);
  const metrics = new Map<string, MetricInfo>();
  const add = (id: string, name: string, unit: string, direction: 'higher' | 'lower', outcomeId: string) =>
    metrics.set(id, {
      id,
      name,
      unit,
      direction,
      outcomeId,
      missionId: missionOfOutcome.get(outcomeId) ?? null,
    });
  for (const m of ref.national.metrics) add(m.id, m.name, m.unit, m.direction, m.outcomeId);
  for (const i of items)
    if (i.kind === 'metric') add(i.id, i.name, i.unit ?? '', i.direction ?? 'higher', i.parent_id);
  return { metrics, outcomeNames };
}
