// The registry and the pure runner: every check is described completely and documented, and the runner shapes
// results for a scorecard and a calendar.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUYER_CHECKS,
  QUALITY_CHECKS,
  RECORD_CHECKS,
  qualityCheck,
} from '../../../src/analytics/quality/registry.js';
import { evaluateBuyer, evaluateRecord, qualityContext } from '../../../src/analytics/quality/run.js';
import { repoPath } from '../../../src/paths.js';
import { SAMPLE, sampleFacts } from './support.js';

describe('quality check registry', () => {
  it('lists every check once, each fully described', () => {
    const ids = QUALITY_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(21);
    for (const c of QUALITY_CHECKS) {
      expect(c.id).toMatch(/^(coverage|coherence|pa)-[a-z0-9-]+$/);
      expect(c.title.split(/\s+/).length, c.id).toBeLessThanOrEqual(5);
      expect(c.definition.length, c.id).toBeGreaterThan(40);
      expect(c.source.length, c.id).toBeGreaterThan(20);
      expect(c.appliesTo.length, c.id).toBeGreaterThan(10);
      expect(c.fields.length, c.id).toBeGreaterThan(0);
      expect(['high', 'medium', 'low']).toContain(c.severity);
      expect(qualityCheck(c.id)).toBe(c);
    }
    expect(BUYER_CHECKS.map((c) => c.id)).toEqual(['pa-pipeline']);
  });

  it('is documented in docs/quality-checks.md: id, severity and every field used', () => {
    const doc = readFileSync(repoPath('docs/quality-checks.md'), 'utf8');
    for (const c of QUALITY_CHECKS) {
      const section = doc.split(/^### /m).find((s) => s.startsWith(`\`${c.id}\``));
      expect(section, c.id).toBeDefined();
      expect(section).toContain(`**Severity:** ${c.severity}`);
      for (const f of c.fields) expect(section, `${c.id} ${f}`).toContain(f);
    }
  });
});

describe('evaluateRecord / evaluateBuyer', () => {
  const etc = sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-06e832');

  it('gives every record check at least one result, labelled with ocid, buyer and check', () => {
    const results = evaluateRecord(etc, qualityContext('2026-11-25'));
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(RECORD_CHECKS.map((c) => c.id)));
    for (const r of results) expect(r).toMatchObject({ ocid: 'ocds-h6vhtk-06e832', buyerId: etc.buyerId });
    expect(results.filter((r) => r.status === 'fail').map((r) => r.checkId)).toEqual([
      'coverage-region',
      'pa-contract-details',
    ]);
  });

  it('gives no results for a record not yet published on the as-of day (quarter trends)', () => {
    expect(evaluateRecord(etc, qualityContext('2026-10-05'))).toEqual([]);
    expect(evaluateRecord(etc, qualityContext('2026-10-06')).length).toBeGreaterThan(0);
  });

  it('labels buyer results with no ocid', () => {
    const results = evaluateBuyer(
      { buyerId: 7, name: 'x', buyerType: null, commitments: [], pipelineNotices: [] },
      qualityContext('2026-11-25'),
    );
    expect(results).toEqual([expect.objectContaining({ ocid: null, buyerId: 7, checkId: 'pa-pipeline' })]);
  });

  it('refuses an as-of that is not a day', () => {
    expect(() => qualityContext('2026-11-25T10:00:00Z')).toThrow(/not a day/);
  });
});
