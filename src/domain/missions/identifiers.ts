// Stable identifiers (issue 8: "identifiers never change meaning, so results roll up across tiers"). An id is made
// once from the owning scope and a slug, and is never reused: retired items keep theirs. What a metric means is
// its outcome, unit and direction (and an outcome's, its mission): an edit that would change one of those is
// refused, and the editor is told to create a new metric instead. Wording (name, definition, evidence) may be
// clarified; each such edit bumps the item's version and is audited.
import { idPrefix, type Metric, type Outcome, type Scope } from './standard.js';

export const SLUG_MAX = 60;

/** `Local jobs (FTE)` → `local-jobs-fte`; empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
}

/** The id a new item of this scope gets: `region.UKF.local-jobs-fte`. */
export const newItemId = (scope: Scope, slug: string): string => `${idPrefix(scope)}${slug}`;

export type MeaningField = 'outcomeId' | 'unit' | 'direction' | 'missionId';

export const unitKey = (unit: string): string => unit.trim().toLowerCase().replace(/\s+/g, ' ');

/** The fields of a metric edit that would change what the id means (empty: the edit keeps its meaning). */
export function metricMeaningChanges(
  before: Metric,
  after: Pick<Metric, 'outcomeId' | 'unit' | 'direction'>,
): MeaningField[] {
  const changed: MeaningField[] = [];
  if (before.outcomeId !== after.outcomeId) changed.push('outcomeId');
  if (unitKey(before.unit) !== unitKey(after.unit)) changed.push('unit');
  if (before.direction !== after.direction) changed.push('direction');
  return changed;
}

/** The same for an outcome: moving it to another mission changes its meaning. */
export function outcomeMeaningChanges(before: Outcome, after: Pick<Outcome, 'missionId'>): MeaningField[] {
  return before.missionId === after.missionId ? [] : ['missionId'];
}
