// Golden mission figures worked out BY HAND (issue 8 item 6) on a small fixture of five real sample contracts.
// Every other sample process is marked synthetic here, so the pages (which leave synthetic processes out) see only
// these five. Real: the ocids, CPV codes, award values, award days and the suppliers' SME / VCSE flags as the sample
// publishes them. DERIVED (the sample publishes none of these): the buyers' and suppliers' regions below, a regional
// mapping rule, a contract override, KPIs with ratings, a regional outcome and metric, social value commitments and
// delivery reports. None of the figures depends on how many national metrics there are.
//
// The five contracts (default CPV map: 48 growth; 45 growth + clean-energy; 35 safer-streets; 85 nhs + opportunity):
//   A  …a807b0  48000000  buyer region —    2024-11-01  £246,580.00  1 supplier: SME, VCSE not known, region UKI
//   B  …dbe302  45453100  buyer UKE         2024-10-23  £476,999.52  1 supplier: SME, VCSE, region UKE
//   C  …9c4b3d  35120000  buyer UKE (= B's) 2025-03-01  £118,881.32  1 supplier: SME, VCSE, region UKI
//   D  …3d9598  85000000  buyer UKE         2023-10-31  £54,000.00   3 suppliers: SME UKE, SME UKE, large (region —),
//                                                                    none VCSE: £18,000 each (split equally)
//   E  …1553a7  48000000  buyer UKD         2024-07-11  £173,920.00  1 supplier: large, not VCSE, region —
// Regional rule UKE: 3512 → safer-streets + growth (longer than the default 35: C gains growth, secondary).
// Override: D + growth ("children's services capital works"). So growth = A, B, C, D, E; clean-energy = B;
// safer-streets = C; nhs = opportunity = D.
//
// Growth, national:
//   value = 246,580 + 476,999.52 + 118,881.32 + 54,000 + 173,920 = 1,070,380.84; awards 5; contracts 5.
//   SME: every supplier's size is known → known 1,070,380.84;
//        yes = 246,580 + 476,999.52 + 118,881.32 + 18,000 + 18,000 = 878,460.84; share = 0.8207 (878,460.84 ÷
//        1,070,380.84); not known 0.
//   VCSE: A not known (246,580) → known = 1,070,380.84 − 246,580 = 823,800.84; yes = B + C = 595,880.84;
//        share = 0.7233; not known 246,580.
//   Local (supplier in the buyer's region; both must be known): A (buyer —) and E (supplier —) and D's third
//        supplier (18,000) are not known → unknown = 246,580 + 173,920 + 18,000 = 438,500;
//        known = 1,070,380.84 − 438,500 = 631,880.84; yes = B 476,999.52 + D 36,000 = 512,999.52; share = 0.8119.
// Growth by region: UKE = B + C + D = 649,880.84 (3 contracts; local yes 512,999.52 of known 631,880.84 = 0.8119 —
//   every UKE award has a known buyer region); UKD = E = 173,920; not known = A = 246,580.
// Growth by buyer: B's and C's buyer = 476,999.52 + 118,881.32 = 595,880.84, 2 contracts, SME 1, VCSE 1,
//   local 476,999.52 ÷ 595,880.84 = 0.8005.
// Growth by quarter: 2023-Q4 D 54,000 · 2024-Q3 E 173,920 · 2024-Q4 A + B = 723,579.52 (2) · 2025-Q1 C 118,881.32.
// Other missions: clean-energy B 476,999.52 · safer-streets C 118,881.32 · nhs D 54,000 · opportunity D 54,000.
// Any mission: all five once = 1,070,380.84; no mission: nothing (0 awards).
// KPIs: B one KPI rated met, below; C one KPI rated met; E one KPI not yet rated.
//   growth: 3 KPIs, 3 rated periods: met 2, below 1. clean-energy (B): 1 KPI, met 1, below 1. safer-streets (C):
//   1 KPI, met 1. nhs, opportunity: nothing.
// Social value (a commitment's mission is its metric's): metric N, UKE's "apprentice weeks" under the national
//   growth outcome "skills for growth" (shown under that outcome's national name):
//   B target 100, reports 40 verified + 30 unverified + 20 rejected → delivered 70, verified 40;
//   C target 50, report 50 verified → delivered 50, verified 50.  N: 2 contracts, committed 150, delivered 120,
//   verified 90. Regional outcome "Local supply chains" (UKE, under growth), metric R (hours): B target 200,
//   report 120 unverified → committed 200, delivered 120, verified 0; shown under its own name, not its id.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKpisService } from '../../src/services/kpis/kpis.service.js';
import { loadCpvLabels } from '../../src/services/reference/cpv-labels.js';
import { createMissionDashboardService } from '../../src/services/missions/dashboard.service.js';
import { createMappingService } from '../../src/services/missions/mapping.service.js';
import { loadMissionReference } from '../../src/services/missions/reference.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createSocialValueService } from '../../src/services/social-value/social-value.service.js';
import { centralActor, memberOf } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';
import { addCommitment, addRatedKpi } from '../support/mission-facts.js';

const OCID = {
  A: 'ocds-b5fd17-2e43e09b-f320-4305-a202-81f4a1a807b0',
  B: 'ocds-b5fd17-418a3cd2-58d3-4cdd-8343-59cd1edbe302',
  C: 'ocds-b5fd17-cd83e46c-34df-4bdf-8a23-d61b279c4b3d',
  D: 'ocds-b5fd17-fcf126d6-9a46-4410-93dc-0defcb3d9598',
  E: 'ocds-b5fd17-75fdf74e-7aa6-42fe-8132-9793ae1553a7',
} as const;

/** A national growth outcome (PPN 002 outcome 2): its id never changes meaning. */
const SKILLS = 'ppn002.o2.skills-for-growth';
const skillsName = loadMissionReference().national.outcomes.find((o) => o.id === SKILLS)!.name;

const cents = (n: number) => Math.round(n * 100) / 100;
const share = (s: { share: number | null }) =>
  s.share === null ? null : Math.round(s.share * 10_000) / 10_000;

describe('mission dashboard: golden figures worked out by hand', () => {
  const t = useSampleDb();
  const service = () =>
    createMissionDashboardService({ db: t().db, socialValue: createSocialValueService({ db: t().db }) });
  let buyerBC = 0;

  beforeAll(async () => {
    const db = t().db;
    const fixture = Object.values(OCID);
    await sql`update process set synthetic = true where not (ocid = any(${fixture}::text[]))`.execute(db);
    await sql`update market_fact set synthetic = true where not (ocid = any(${fixture}::text[]))`.execute(db);
    const buyer = async (ocid: string) =>
      Number(
        (await db.selectFrom('process').select('buyer_id').where('ocid', '=', ocid).executeTakeFirstOrThrow())
          .buyer_id,
      );
    const suppliers = async (ocid: string) =>
      (
        await db
          .selectFrom('market_fact')
          .select('organisation_id')
          .where('ocid', '=', ocid)
          .orderBy('pair_no')
          .execute()
      ).map((r) => Number(r.organisation_id));
    const setRegion = (id: number, region: string | null) =>
      db.updateTable('organisation').set({ region_code: region }).where('id', '=', id).execute();
    buyerBC = await buyer(OCID.B);
    expect(await buyer(OCID.C)).toBe(buyerBC);
    // Derived regions (see the header).
    await setRegion(await buyer(OCID.A), null);
    await setRegion(buyerBC, 'UKE42');
    await setRegion(await buyer(OCID.D), 'UKE32');
    await setRegion(await buyer(OCID.E), 'UKD33');
    const [a] = await suppliers(OCID.A);
    const [b] = await suppliers(OCID.B);
    const [c] = await suppliers(OCID.C);
    const d = await suppliers(OCID.D);
    const [e] = await suppliers(OCID.E);
    expect(d).toHaveLength(3);
    await setRegion(a!, 'UKI31');
    await setRegion(b!, 'UKE42');
    await setRegion(c!, 'UKI31');
    await setRegion(d[0]!, 'UKE32');
    await setRegion(d[1]!, 'UKE41');
    await setRegion(d[2]!, null);
    await setRegion(e!, null);
    // The published sizes and VCSE flags this working relies on.
    const flags = await sql<{ ocid: string; scale: string | null; vcse: boolean | null }>`
      select f.ocid, o.scale, o.vcse from market_fact f join organisation o on o.id = f.organisation_id
      where f.ocid = any(${fixture}::text[]) order by f.ocid, f.pair_no`.execute(db);
    expect(flags.rows.map((r) => [r.ocid.slice(-6), r.scale, r.vcse])).toEqual([
      ['a807b0', 'sme', null],
      ['dbe302', 'sme', true],
      ['1553a7', 'large', false],
      ['9c4b3d', 'sme', true],
      ['3d9598', 'sme', false],
      ['3d9598', 'sme', false],
      ['3d9598', 'large', false],
    ]);

    const map = createMappingService({ db });
    await map.saveRule(
      centralActor,
      { region: 'UKE' },
      { cpv: '3512', primary: 'safer-streets', secondary: ['growth'], reason: 'test: CCTV for high streets' },
    );
    await map.saveOverride(memberOf(await buyer(OCID.D)), OCID.D, {
      missionId: 'growth',
      action: 'add',
      reason: "test: children's services capital works",
    });

    // KPIs (entered) and ratings.
    await addRatedKpi(db, OCID.B, ['met', 'below']);
    await addRatedKpi(db, OCID.C, ['met']);
    await addRatedKpi(db, OCID.E, []);

    // Social value: a regional metric (weeks) under a NATIONAL growth outcome, and a regional outcome with its own
    // metric (hours). Both regional, so that nothing depends on the national metrics (being revised).
    const standards = createStandardsService({ db });
    await standards.addItem(centralActor, { region: 'UKE' }, 'metric', {
      parentId: SKILLS,
      slug: 'apprentice-weeks',
      name: 'Apprentice weeks',
      definition: 'Weeks of apprenticeship delivered on the contract',
      unit: 'weeks',
      direction: 'higher',
      evidence: 'Apprentice timesheets',
    });
    await standards.addItem(centralActor, { region: 'UKE' }, 'outcome', {
      parentId: 'growth',
      slug: 'local-supply-chains',
      name: 'Local supply chains',
      definition: 'More of the contract spent with suppliers in the region',
    });
    await standards.addItem(centralActor, { region: 'UKE' }, 'metric', {
      parentId: 'region.UKE.local-supply-chains',
      slug: 'supplier-hours',
      name: 'Hours with local suppliers',
      definition: 'Hours of work done by suppliers in the region',
      unit: 'hours',
      direction: 'higher',
      evidence: 'Supplier timesheets',
    });
    const n = { id: 'region.UKE.apprentice-weeks', unit: 'weeks' };
    const regional = 'region.UKE.supplier-hours';
    await addCommitment(db, { ocid: OCID.B, metricId: n.id, unit: n.unit, target: 100 }, [
      [40, 'verified'],
      [30, 'unverified'],
      [20, 'rejected'],
    ]);
    await addCommitment(db, { ocid: OCID.C, metricId: n.id, unit: n.unit, target: 50 }, [[50, 'verified']]);
    await addCommitment(db, { ocid: OCID.B, metricId: regional, unit: 'hours', target: 200 }, [
      [120, 'unverified'],
    ]);
    await refreshMissions(db);
  }, 180_000);

  it('gives each mission, nationally, the figures worked out by hand', async () => {
    const o = await service().overview();
    const figures = Object.fromEntries(
      o.missions.map((m) => [m.id, [m.figures.value, m.figures.awards, m.figures.contracts]]),
    );
    expect(figures).toEqual({
      growth: ['1070380.84', 5, 5],
      'clean-energy': ['476999.52', 1, 1],
      'safer-streets': ['118881.32', 1, 1],
      nhs: ['54000', 1, 1],
      opportunity: ['54000', 1, 1],
    });
    expect([o.anyMission.value, o.anyMission.awards, o.anyMission.contracts]).toEqual(['1070380.84', 5, 5]);
    expect([o.noMission.value, o.noMission.awards]).toEqual(['0', 0]);
    const g = o.missions.find((m) => m.id === 'growth')!.figures;
    expect([share(g.sme), cents(g.sme.unknownValue)]).toEqual([0.8207, 0]);
    expect([share(g.vcse), cents(g.vcse.unknownValue)]).toEqual([0.7233, 246580]);
    expect([share(g.local), cents(g.local.unknownValue)]).toEqual([0.8119, 438500]);
    expect(g.vcse.numerator).toBeCloseTo(595880.84, 2);
    expect(g.local.numerator).toBeCloseTo(512999.52, 2);
    const kpis = Object.fromEntries(
      o.missions.map((m) => [m.id, [m.kpis.kpis, m.kpis.counts.met, m.kpis.counts.below]]),
    );
    expect(kpis).toEqual({
      growth: [3, 2, 1],
      'clean-energy': [1, 1, 1],
      'safer-streets': [1, 1, 0],
      nhs: [0, 0, 0],
      opportunity: [0, 0, 0],
    });
  });

  it('splits growth by region, buyer and quarter as worked out by hand', async () => {
    const s = service();
    const d = await s.mission('growth', s.query({}));
    expect(d.byRegion.map((r) => [r.key, r.value, r.contracts])).toEqual([
      ['UKE', '649880.84', 3],
      [null, '246580', 1],
      ['UKD', '173920', 1],
    ]);
    expect(share(d.byRegion[0]!.local)).toBe(0.8119);
    expect(d.trend.map((r) => [r.key, r.value, r.contracts])).toEqual([
      ['2023-Q4', '54000', 1],
      ['2024-Q3', '173920', 1],
      ['2024-Q4', '723579.52', 2],
      ['2025-Q1', '118881.32', 1],
    ]);
    const byBuyer = await s.mission('growth', s.query({ buyer: String(buyerBC) }));
    expect([byBuyer.totals.value, byBuyer.totals.contracts]).toEqual(['595880.84', 2]);
    expect([share(byBuyer.totals.sme), share(byBuyer.totals.vcse), share(byBuyer.totals.local)]).toEqual([
      1, 1, 0.8005,
    ]);
    const uke = await s.mission('growth', s.query({ region: 'UKE' }));
    expect([uke.totals.value, uke.kpis.kpis, uke.kpis.counts.met]).toEqual(['649880.84', 2, 2]);
  });

  it('gives growth the social value by outcome worked out by hand, regional outcome by name', async () => {
    const s = service();
    const d = await s.mission('growth', s.query({}));
    const rows = d.socialValue.outcomes.map((o) => [
      o.outcomeName,
      o.rows.map((r) => [r.metricId, r.contracts, r.committed, r.delivered, r.verified]),
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Local supply chains', [['region.UKE.supplier-hours', 1, '200', '120', '0']]],
        [skillsName, [['region.UKE.apprentice-weeks', 2, '150', '120', '90']]],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(d.socialValue.outcomes.every((o) => o.outcomeName !== o.outcomeId)).toBe(true);
  });

  it('lists exactly the records behind each cell: as many contracts as each count', async () => {
    const s = service();
    const listed = async (id: string, raw: Record<string, unknown>) =>
      (await s.contracts(id, s.query(raw))).rows.map((r) => r.ocid.slice(-6));
    expect(await listed('growth', {})).toEqual(['9c4b3d', 'a807b0', 'dbe302', '1553a7', '3d9598']);
    expect(await listed('growth', { quarter: '2024-Q4' })).toEqual(['a807b0', 'dbe302']);
    expect(await listed('growth', { region: 'UKE', quarter: '2025-Q1' })).toEqual(['9c4b3d']);
    expect(await listed('growth', { buyer: String(buyerBC) })).toEqual(['9c4b3d', 'dbe302']);
    expect(await listed('_any', {})).toHaveLength(5);
    expect(await listed('_none', {})).toEqual([]);
    const kpis = await s.kpis('growth', s.query({}), 'met');
    expect([kpis.total, kpis.ratings]).toEqual([2, 2]);
    expect((await s.kpis('growth', s.query({}))).total).toBe(3);
  });

  it('counts a KPI entered through the KPI service at once, without a full refresh (last: it changes the fixture)', async () => {
    const kpis = createKpisService({ db: t().db, cpv: loadCpvLabels() });
    await kpis.addKpi(memberOf(buyerBC), OCID.C, { title: 'CCTV uptime' });
    const o = await service().overview();
    // growth 3 → 4 KPIs, safer-streets 1 → 2 (C is in both); clean-energy (B only) unchanged.
    const count = (id: string) => o.missions.find((m) => m.id === id)!.kpis.kpis;
    expect([count('growth'), count('safer-streets'), count('clean-energy')]).toEqual([4, 2, 1]);
  });
});
