// The KPI library's starter set (data/reference/kpi-library, SOURCES.md there), read and checked once per process
// by the same rules as an item added in the app: a bad file fails at first use, loudly, naming the item.
import { readFileSync } from 'node:fs';
import type { KpiTemplate } from '../../domain/kpi-library.js';
import { repoPath } from '../../paths.js';
import type { NationalStandard } from '../../domain/missions/standard.js';
import { isInputProblems } from '../missions/standards-input.js';
import { readTemplate } from './kpi-input.js';

export const TEMPLATE_ID = /^kpi\.[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function parseStarterSet(json: unknown, national: NationalStandard): KpiTemplate[] {
  const items = (json as { templates?: unknown }).templates;
  if (!Array.isArray(items)) throw new Error('KPI library: templates must be a list');
  const outcomes = new Set(national.outcomes.map((o) => o.id));
  const seen = new Set<string>();
  return items.map((raw: Record<string, unknown>) => {
    const id = typeof raw.id === 'string' ? raw.id : '';
    if (!TEMPLATE_ID.test(id) || seen.has(id)) throw new Error(`KPI library: bad or duplicate id “${id}”`);
    seen.add(id);
    try {
      return { id, ...readTemplate(raw, outcomes), template: true, status: 'active' } as KpiTemplate;
    } catch (e) {
      if (isInputProblems(e)) throw new Error(`KPI library: ${id}: ${e.message}`);
      throw e;
    }
  });
}

let cached: KpiTemplate[] | undefined;

export function loadStarterSet(national: NationalStandard): KpiTemplate[] {
  cached ??= parseStarterSet(
    JSON.parse(readFileSync(repoPath('data', 'reference', 'kpi-library', 'templates.json'), 'utf8')),
    national,
  );
  return cached;
}
