// KPI library thresholds used for ratings (docs/kpis.md, "Ratings from a measured value"), on the real sample:
// attaching a starter template to a real contract of Bridgend (ocds-kuma6s-148166) makes a rated KPI carrying the
// template's measure, target and thresholds; a rating entered as a measured value gets its code from `rate()` (each
// threshold edge checked, in both directions); a code that disagrees with the value is refused; tailoring the copy
// moves the thresholds; removing it keeps a rated KPI (its history) and drops an unrated one. The thresholds are
// the starter set's (data/reference/kpi-library/templates.json): missed collections 50 / 80 / 120 per 100,000,
// lower is better; recycling rate 55 / 50 / 45 %, higher is better.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachedKpisService } from '../../src/services/kpis/attached-kpis.service.js';
import { createKpiLibraryService } from '../../src/services/kpis/kpi-library.service.js';
import { createKpisService } from '../../src/services/kpis/kpis.service.js';
import { loadCpvLabels } from '../../src/services/reference/cpv-labels.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { linkAttachedKpis } from '../../src/store/migrations/0038-kpi-measured-ratings.js';
import { memberOf, outcome } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

const OCID = 'ocds-kuma6s-148166';
const period = (n: number) => ({
  periodStart: `2025-${String(n).padStart(2, '0')}-01`,
  periodEnd: `2025-${String(n).padStart(2, '0')}-28`,
});

describe('ratings derived from measured values by KPI library thresholds', () => {
  const t = useSampleDb();
  const attached = () =>
    createAttachedKpisService({ db: t().db, library: createKpiLibraryService({ db: t().db }) });
  const kpis = () => createKpisService({ db: t().db, cpv: loadCpvLabels() });
  let bridgend: number;
  beforeAll(async () => {
    bridgend = await organisationIdByName(t(), 'Bridgend County Borough Council');
  });
  const entered = async (attachedId: number) =>
    (await kpis().contractPerformance(OCID)).kpis.find((k) => k.attachedKpiId === attachedId)!;

  it('makes a rated KPI with the template’s measure when a template is attached to a contract', async () => {
    const editor = memberOf(bridgend);
    const a = await attached().attach(editor, { ocid: OCID }, 'kpi.waste.missed-collections');
    const k = await entered(a.id);
    expect(k).toMatchObject({
      source: 'entered',
      title: 'Missed collections',
      templateRef: 'kpi.waste.missed-collections',
      target: '50 per 100,000 or less',
      measure: { unit: 'per 100,000', direction: 'lower', target: 50, slightlyBelow: 80, below: 120 },
      ratings: [],
    });
    expect((await listAudit(t().db, 'contract_kpi', String(k.kpiId)))[0]).toMatchObject({
      action: 'create',
      actor: editor.email,
    });
  });

  it('derives the code at each threshold edge, lower is better (50 / 80 / 120)', async () => {
    const editor = memberOf(bridgend);
    const a = (await attached().list(editor, { ocid: OCID })).kpis[0]!;
    const k = await entered(a.id);
    const edges: Array<[string, string]> = [
      ['0', 'met'],
      ['50', 'met'],
      ['50.01', 'slightlyBelow'],
      ['80', 'slightlyBelow'],
      ['80.5', 'below'],
      ['120', 'below'],
      ['120.01', 'significantlyBelow'],
      ['1,000', 'significantlyBelow'],
    ];
    for (const [i, [value, code]] of edges.entries()) {
      const r = await kpis().recordRating(editor, OCID, k.kpiId!, { ...period(i + 1), measuredValue: value });
      expect([value, r.rating]).toEqual([value, code]);
    }
    const after = await entered(a.id);
    expect(after.ratings.map((r) => [r.measuredValue, r.rating])).toEqual([
      [0, 'met'],
      [50, 'met'],
      [50.01, 'slightlyBelow'],
      [80, 'slightlyBelow'],
      [80.5, 'below'],
      [120, 'below'],
      [120.01, 'significantlyBelow'],
      [1000, 'significantlyBelow'],
    ]);
  });

  it('derives the code at each threshold edge, higher is better (55 / 50 / 45 %), tailored thresholds too', async () => {
    const editor = memberOf(bridgend);
    const a = await attached().attach(editor, { ocid: OCID }, 'kpi.waste.recycling-rate');
    const k = await entered(a.id);
    const rate = async (n: number, measuredValue: number) =>
      (await kpis().recordRating(editor, OCID, k.kpiId!, { ...period(n), measuredValue })).rating;
    expect([await rate(1, 55), await rate(2, 54.99), await rate(3, 50), await rate(4, 49.9)]).toEqual([
      'met',
      'slightlyBelow',
      'slightlyBelow',
      'below',
    ]);
    expect([await rate(5, 45), await rate(6, 44.99), await rate(7, 100)]).toEqual([
      'below',
      'significantlyBelow',
      'met',
    ]);
    // Tailoring the copy moves the rated KPI's thresholds (audited); earlier ratings keep their codes.
    await attached().tailor(editor, a.id, a.version, {
      name: a.name,
      measure: a.measure,
      target: 60,
      slightlyBelow: 55,
      below: 50,
    });
    const tailored = await entered(a.id);
    expect(tailored.measure).toMatchObject({ target: 60, slightlyBelow: 55, below: 50 });
    expect(tailored.target).toBe('60 % or more');
    expect(await rate(8, 55)).toBe('slightlyBelow');
    expect(await rate(9, 54.99)).toBe('below');
    expect(tailored.ratings[0]).toMatchObject({ measuredValue: 55, rating: 'met' });
    expect((await listAudit(t().db, 'contract_kpi', String(k.kpiId))).map((x) => x.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('refuses a code that disagrees with the value, and a missing value; allows Other without one', async () => {
    const editor = memberOf(bridgend);
    const a = (await attached().list(editor, { ocid: OCID })).kpis[0]!;
    const id = (await entered(a.id)).kpiId!;
    const record = (raw: Record<string, unknown>) => kpis().recordRating(editor, OCID, id, raw);
    expect(await outcome(record({ ...period(10), measuredValue: '90', rating: 'met' }))).toBe(
      'BAD_REQUEST rating',
    );
    expect(await outcome(record({ ...period(10) }))).toBe('BAD_REQUEST measuredValue');
    expect(await outcome(record({ ...period(10), measuredValue: '12 bins' }))).toBe(
      'BAD_REQUEST measuredValue',
    );
    // Agreeing code: accepted. Other: the only code entered directly.
    expect((await record({ ...period(10), measuredValue: '90', rating: 'below' })).rating).toBe('below');
    expect((await record({ ...period(11), rating: 'other' })).rating).toBe('other');
    expect(await outcome(record({ ...period(11), rating: 'met' }))).toBe('BAD_REQUEST measuredValue');
    expect(
      await outcome(
        kpis().recordRating(memberOf(bridgend, 'viewer'), OCID, id, { ...period(12), measuredValue: 1 }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps codes entered directly for a KPI without thresholds, with an optional value', async () => {
    const editor = memberOf(bridgend);
    const id = await kpis().addKpi(editor, OCID, { title: 'Complaints resolved' });
    expect(await outcome(kpis().recordRating(editor, OCID, id, { ...period(1), measuredValue: '3' }))).toBe(
      'BAD_REQUEST rating',
    );
    const r = await kpis().recordRating(editor, OCID, id, {
      ...period(1),
      rating: 'below',
      measuredValue: '3',
    });
    expect(r.rating).toBe('below');
    const k = (await kpis().contractPerformance(OCID)).kpis.find((x) => x.kpiId === id)!;
    expect(k.measure).toBeNull();
    expect(k.ratings.map((x) => [x.measuredValue, x.rating])).toEqual([[3, 'below']]);
  });

  it('on removing the copy, keeps a rated KPI (unlinked) and drops an unrated one, each audited', async () => {
    const editor = memberOf(bridgend);
    const [rated] = (await attached().list(editor, { ocid: OCID })).kpis;
    const ratedKpi = (await entered(rated!.id)).kpiId!;
    await attached().remove(editor, rated!.id);
    const kept = (await kpis().contractPerformance(OCID)).kpis.find((k) => k.kpiId === ratedKpi)!;
    expect(kept).toMatchObject({ attachedKpiId: null, measure: { target: 50 } });
    expect(kept.ratings.length).toBeGreaterThan(0);
    expect((await listAudit(t().db, 'contract_kpi', String(ratedKpi)))[0]!.action).toBe('unlink');

    const fresh = await attached().attach(editor, { ocid: OCID }, 'kpi.cross.crime-reduction-security');
    const freshKpi = (await entered(fresh.id)).kpiId!;
    await attached().remove(editor, fresh.id);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from contract_kpi where id = ${freshKpi}`.execute(t().db);
    expect(left.rows[0]!.n).toBe(0);
    expect((await listAudit(t().db, 'contract_kpi', String(freshKpi)))[0]!.action).toBe('delete');
  });

  it('gives copies attached before migration 0038 their rated KPI, with the target text the app writes', async () => {
    const editor = memberOf(bridgend);
    // A copy as 0024–0037 left it: attached to the contract, no contract_kpi.
    const a = await attached().attach(editor, { ocid: OCID }, 'kpi.it.service-availability');
    const made = (await entered(a.id))!;
    await sql`delete from contract_kpi where attached_kpi_id = ${a.id}`.execute(t().db);
    await linkAttachedKpis(t().db);
    await linkAttachedKpis(t().db); // idempotent: one KPI per copy
    const linked = (await kpis().contractPerformance(OCID)).kpis.filter((k) => k.attachedKpiId === a.id);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({
      title: made.title,
      description: made.description,
      target: made.target,
      templateRef: 'kpi.it.service-availability',
      measure: made.measure,
    });
    expect(made.target).toBe('99.5 % or more');
  });
});
