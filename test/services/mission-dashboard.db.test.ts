// The mission dashboard on the real sample (data/sample). Golden figures are computed here independently of
// src/analytics/missions: the default CPV → mission map read from its CSV, each process's CPV codes (process table)
// through a longest-prefix lookup written in this test, and the active awards (award table, not the market facts)
// with their suppliers (award_supplier, organisation). Then a per-contract override moves exactly that contract's
// value out of a mission once the refresh that follows it has run.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { loadKpis } from '../../src/analytics/kpis/index.js';
import { RATING_CODES } from '../../src/domain/kpi-rating.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import {
  KPI_CSV_COLUMNS,
  missionCsv,
  SOCIAL_VALUE_CSV_COLUMNS,
} from '../../src/services/missions/dashboard-csv.js';
import { createMissionDashboardService } from '../../src/services/missions/dashboard.service.js';
import { createMappingService } from '../../src/services/missions/mapping.service.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createSocialValueService } from '../../src/services/social-value/social-value.service.js';
import { memberOf } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';

/** prefix → missions (primary first), read straight from the shipped CSV. */
function defaultMap(): Map<string, string[]> {
  const rows = parseCsv(
    readFileSync(repoPath('data', 'reference', 'missions', 'cpv-mission-map.csv'), 'utf8'),
  );
  return new Map(
    rows
      .slice(1)
      .filter((r) => r[0])
      .map(([prefix = '', primary = '', secondary = '']) => [
        prefix.trim(),
        [primary, ...secondary.split(';')].map((m) => m.trim()).filter(Boolean),
      ]),
  );
}

function missionsOf(codes: string[], map: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const code of codes) {
    const d = code.replace(/\D/g, '').slice(0, 8);
    for (let n = d.length; n >= 2; n--) {
      const m = map.get(d.slice(0, n));
      if (m) {
        m.forEach((x) => out.add(x));
        break;
      }
    }
  }
  return out;
}

interface Golden {
  value: number;
  awards: number;
  contracts: Set<string>;
  smeKnown: number;
  smeYes: number;
}

describe('mission dashboard on the real sample', () => {
  const t = useSampleDb();
  const service = () =>
    createMissionDashboardService({ db: t().db, socialValue: createSocialValueService({ db: t().db }) });
  const golden = new Map<string, Golden>();
  const missionOfOcid = new Map<string, Set<string>>();
  const valueOfOcid = new Map<string, { value: number; awards: number; buyer: number | null }>();

  beforeAll(async () => {
    // The derived UK7/UK9 fixture (test/fixtures/kpis/SOURCES.md) gives the sample KPIs with ratings.
    await ingestPaths(t().db, [repoPath('test/fixtures/kpis/uk7-uk9-derived.jsonl')], { source: 'fixture' });
    await refreshMissions(t().db);
    const map = defaultMap();
    const processes = await sql<{
      ocid: string;
      cpv_main: string | null;
      cpv_codes: string[];
      buyer_id: string | null;
    }>`
      select ocid, cpv_main, cpv_codes, buyer_id from process where not synthetic`.execute(t().db);
    for (const p of processes.rows)
      missionOfOcid.set(p.ocid, missionsOf([...(p.cpv_main ? [p.cpv_main] : []), ...p.cpv_codes], map));
    const awards = await sql<{
      ocid: string;
      award_id: string;
      value: string | null;
      buyer_id: string | null;
    }>`
      select a.ocid, a.award_id, p.buyer_id::text,
        case when a.currency = 'GBP' then coalesce(a.value_gross, a.value)::text end as value
      from award a join process p on p.ocid = a.ocid
      where a.status = 'active' and not p.synthetic`.execute(t().db);
    const suppliers = await sql<{ ocid: string; award_id: string; scale: string | null; n: string }>`
      select x.ocid, x.award_id, o.scale,
        count(*) over (partition by x.ocid, x.award_id) as n
      from award_supplier x join organisation o0 on o0.id = x.organisation_id
      join organisation o on o.id = coalesce(o0.merged_into, o0.id)`.execute(t().db);
    const byAward = new Map<string, Array<{ scale: string | null; n: number }>>();
    for (const s of suppliers.rows)
      byAward.set(`${s.ocid} ${s.award_id}`, [
        ...(byAward.get(`${s.ocid} ${s.award_id}`) ?? []),
        { scale: s.scale, n: Number(s.n) },
      ]);
    for (const a of awards.rows) {
      const ms = missionOfOcid.get(a.ocid) ?? new Set<string>();
      const keys = ms.size > 0 ? [...ms, '_any'] : ['_none'];
      const v = Number(a.value ?? 0);
      const own = valueOfOcid.get(a.ocid) ?? {
        value: 0,
        awards: 0,
        buyer: a.buyer_id === null ? null : Number(a.buyer_id),
      };
      own.value += v;
      own.awards += 1;
      valueOfOcid.set(a.ocid, own);
      for (const k of keys) {
        const g = golden.get(k) ?? { value: 0, awards: 0, contracts: new Set(), smeKnown: 0, smeYes: 0 };
        g.value += v;
        g.awards += 1;
        g.contracts.add(a.ocid);
        for (const s of byAward.get(`${a.ocid} ${a.award_id}`) ?? []) {
          if (s.scale === null) continue;
          g.smeKnown += v / s.n;
          if (s.scale === 'sme') g.smeYes += v / s.n;
        }
        golden.set(k, g);
      }
    }
  }, 180_000);

  it('gives each mission the value, awards, contracts and SME share worked out independently', async () => {
    const o = await service().overview();
    expect(o.missions.map((m) => m.id)).toEqual([
      'growth',
      'clean-energy',
      'safer-streets',
      'opportunity',
      'nhs',
    ]);
    expect(golden.get('_any')!.awards).toBeGreaterThan(0);
    const rows = [
      ...o.missions.map((m) => [m.id, m.figures] as const),
      ['_any', o.anyMission] as const,
      ['_none', o.noMission] as const,
    ];
    for (const [id, f] of rows) {
      const g = golden.get(id) ?? { value: 0, awards: 0, contracts: new Set(), smeKnown: 0, smeYes: 0 };
      expect([id, Number(f.value)]).toEqual([id, expect.closeTo(g.value, 2)]);
      expect([id, f.awards, f.contracts]).toEqual([id, g.awards, g.contracts.size]);
      expect(f.sme.denominator).toBeCloseTo(g.smeKnown, 2);
      expect(f.sme.numerator).toBeCloseTo(g.smeYes, 2);
      expect(f.sme.unknownValue).toBeCloseTo(Math.max(0, g.value - g.smeKnown), 2);
      expect(f.sme.share).toBe(g.smeKnown > 0 ? f.sme.numerator / f.sme.denominator : null);
    }
    // Never split: every mission of a contract gets its whole value, so missions add up to more than "any".
    const sum = o.missions.reduce((a, m) => a + Number(m.figures.value), 0);
    expect(sum).toBeGreaterThanOrEqual(Number(o.anyMission.value));
  });

  it('gives each mission the rating mix of the KPIs on its contracts', async () => {
    const kpis = await loadKpis(t().db);
    const o = await service().overview();
    let rated = 0;
    for (const m of o.missions) {
      const mine = kpis.filter((k) => missionOfOcid.get(k.ocid)?.has(m.id));
      const codes = mine.flatMap((k) => k.ratings.map((r) => r.rating));
      rated += codes.length;
      expect([m.id, m.kpis.kpis, m.kpis.total]).toEqual([m.id, mine.length, codes.length]);
      expect(m.kpis.counts.met).toBe(codes.filter((c) => c === 'met').length);
      expect(m.kpis.counts.unknown).toBe(
        codes.filter((c) => !(RATING_CODES as readonly (string | null)[]).includes(c)).length,
      );
    }
    expect(rated).toBeGreaterThan(0);
  });

  it('adds up by region, buyer and quarter to the mission’s total', async () => {
    const s = service();
    for (const m of s.missions()) {
      const d = await s.mission(m.id, s.query({ page: '1' }));
      const total = Number(d.totals.value);
      const add = (xs: { value: string }[]) => xs.reduce((a, x) => a + Number(x.value), 0);
      expect(add(d.byRegion)).toBeCloseTo(total, 2);
      expect(add(d.trend)).toBeCloseTo(total, 2);
      if (d.byBuyer.total <= d.byBuyer.pageSize) expect(add(d.byBuyer.rows)).toBeCloseTo(total, 2);
      expect(d.totals.awards).toBe(golden.get(m.id)?.awards ?? 0);
    }
  });

  it('rejects a bad region or an unknown mission, and lists the contracts behind a figure', async () => {
    const s = service();
    expect(() => s.query({ region: 'XX' })).toThrow(/ITL1/);
    await expect(s.mission('moonshot', s.query({}))).rejects.toThrow(/no mission/);
    // The records behind "Contracts": mapped to the mission AND with an active award (never-awarded ones are not).
    const growth = [...missionOfOcid]
      .filter(([o, ms]) => ms.has('growth') && valueOfOcid.has(o))
      .map(([o]) => o)
      .sort();
    expect(growth.length).toBeLessThan([...missionOfOcid].filter(([, ms]) => ms.has('growth')).length);
    const listed = await s.contracts('growth', { ...s.query({}), pageSize: growth.length + 1 });
    expect(listed.total).toBe(growth.length);
    expect(listed.rows.map((r) => r.ocid).sort()).toEqual(growth);
  });

  it('lists as many records behind each cell as the cell counts (mission, region, buyer, quarter, any, none)', async () => {
    const s = service();
    const listed = async (id: string, raw: Record<string, unknown>) =>
      (await s.contracts(id, { ...s.query(raw), pageSize: 100_000 })).rows.length;
    const o = await s.overview();
    expect(await listed('_any', {})).toBe(o.anyMission.contracts);
    expect(await listed('_none', {})).toBe(o.noMission.contracts);
    let cells = 0;
    for (const m of s.missions()) {
      const d = await s.mission(m.id, s.query({}));
      expect([m.id, await listed(m.id, {})]).toEqual([m.id, d.totals.contracts]);
      for (const r of d.byRegion.filter((x) => x.key !== null))
        expect([m.id, r.key, await listed(m.id, { region: r.key })]).toEqual([m.id, r.key, r.contracts]);
      for (const qr of d.trend)
        expect([m.id, qr.key, await listed(m.id, { quarter: qr.key ?? 'undated' })]).toEqual([
          m.id,
          qr.key,
          qr.contracts,
        ]);
      for (const b of d.byBuyer.rows.slice(0, 5))
        expect([m.id, b.key, await listed(m.id, { buyer: b.key })]).toEqual([m.id, b.key, b.contracts]);
      // The KPIs behind each rating count: as many rated periods listed as counted.
      for (const code of ['met', 'below', 'unknown'] as const) {
        const k = await s.kpis(m.id, { ...s.query({}), pageSize: 100_000 }, code);
        expect([m.id, code, k.ratings]).toEqual([m.id, code, d.kpis.counts[code]]);
      }
      expect((await s.kpis(m.id, s.query({}))).total).toBe(d.kpis.kpis);
      cells += d.trend.length + d.byRegion.length;
    }
    expect(cells).toBeGreaterThan(10);
  });

  it('writes every buyer and the KPI and social value sections to the mission CSV', async () => {
    const s = service();
    const d = await s.mission('growth', s.query({}), { allBuyers: true });
    expect(d.byBuyer.total).toBeGreaterThan(20);
    expect(d.byBuyer.rows).toHaveLength(d.byBuyer.total);
    const lines = missionCsv(d).split('\r\n');
    expect(lines.filter((l) => l.startsWith('growth,buyer,'))).toHaveLength(d.byBuyer.total);
    expect(lines).toContain(KPI_CSV_COLUMNS.join(','));
    expect(lines).toContain(SOCIAL_VALUE_CSV_COLUMNS.join(','));
    const c = d.kpis.counts;
    expect(lines).toContain(
      [
        'kpi_rating_mix',
        'growth',
        d.kpis.kpis,
        d.kpis.total,
        c.met,
        c.slightlyBelow,
        c.below,
        c.significantlyBelow,
        c.other,
        c.unknown,
      ].join(','),
    );
  });

  it('moves exactly one contract’s value out of a mission after an override, and back after withdrawing it', async () => {
    const [ocid, own] = [...valueOfOcid]
      .filter(([o, v]) => v.buyer !== null && v.value > 0 && (missionOfOcid.get(o)?.size ?? 0) > 1)
      .sort(([a], [b]) => a.localeCompare(b))[0]!;
    const mission = [...missionOfOcid.get(ocid)!].sort()[0]!;
    const s = service();
    const before = (await s.overview()).missions.find((m) => m.id === mission)!.figures;
    const editor = memberOf(own.buyer!);
    const map = createMappingService({ db: t().db });
    await map.saveOverride(editor, ocid, {
      missionId: mission,
      action: 'remove',
      reason: 'test: not this mission',
    });
    const after = (await s.overview()).missions.find((m) => m.id === mission)!.figures;
    expect(Number(before.value) - Number(after.value)).toBeCloseTo(own.value, 2);
    expect(before.awards - after.awards).toBe(own.awards);
    expect(before.contracts - after.contracts).toBe(1);
    const listed = await s.contracts(mission, { ...s.query({}), pageSize: 100_000 });
    expect(listed.rows.map((r) => r.ocid)).not.toContain(ocid);
    await map.saveOverride(editor, ocid, { missionId: mission, action: 'withdraw', reason: 'test: undo' });
    expect((await s.overview()).missions.find((m) => m.id === mission)!.figures).toEqual(before);
  });
});
