// The horizon scan's mission filter on the real sample (data/sample ingested, each contract's missions refreshed as
// after ingest: contract_mission, docs/mission-dashboard.md). The expected contracts are worked out here from the
// unfiltered scan and the contract_mission rows, not from the filter's SQL; the NHS mission's five contracts as of
// 1 June 2026 are also written out as literals (read off contract_mission and the unfiltered scan once, by hand).
// Then the CSV, a contract register's rows (Salford's real register: no missions, left out), and a saved search that
// stores the mission and replays it in its feed query and its alerts.
import { text } from 'node:stream/consumers';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HorizonItem } from '../../src/analytics/horizon/index.js';
import { AppError } from '../../src/errors.js';
import type { Actor } from '../../src/services/authz.js';
import { createHorizonService, type HorizonService } from '../../src/services/horizon/horizon.service.js';
import { createSavedSearchService } from '../../src/services/horizon/saved-searches.service.js';
import { createMappingService } from '../../src/services/missions/mapping.service.js';
import type { TestDb } from '../support/db.js';
import { createHorizonSampleDb } from '../support/horizon.js';
import { memberOf } from '../support/actors.js';

const AS_OF = '2026-06-01';
const MISSIONS = 'growth, clean-energy, safer-streets, opportunity, nhs';

// The sample's contracts mapped to the NHS mission that end (next end date) within 24 months of 1 June 2026.
const NHS_24 = [
  'ocds-b5fd17-070f4662-2e9c-40b0-8fa4-4b435f3ccae4', // CPV 98000000, 31 Mar 2028, £1,018,044.14 (secondary)
  'ocds-b5fd17-0d7a6907-8595-4413-9a4e-746f8a1313a0', // CPV 85323000, 31 Mar 2028, £0 (primary)
  'ocds-b5fd17-a89fc5c2-eed8-48fa-b4e3-727a8f32fd6d', // CPV 79952000, 2 Apr 2028, £5,259,392.96 (secondary)
  'ocds-b5fd17-fffc1305-c8ad-477c-ba6e-d47ce45c6fb8', // CPV 85144000, 15 Jun 2027, £3,650,000 (primary)
  'ocds-h6vhtk-06d285', // CPV 85300000, 31 Mar 2028, £253,478 (primary)
];

type Input = Parameters<HorizonService['queryOrThrow']>[0];

/** Every item of a scan, page by page. */
async function allItems(horizon: HorizonService, input: Input): Promise<HorizonItem[]> {
  const items: HorizonItem[] = [];
  for (let page = 1; ; page += 1) {
    const s = await horizon.scan(horizon.queryOrThrow({ ...input, page, pageSize: 100 }));
    items.push(...s.items);
    if (page * 100 >= s.total) return items;
  }
}

/** Pounds as whole pence, so sums are exact. */
const pence = (amount: string): number => {
  const [whole, frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
};

async function failure(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('horizon scan by mission', () => {
  let t: TestDb;
  let horizon: HorizonService;
  /** mission → ocid → role, straight from contract_mission. */
  const stored = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    t = await createHorizonSampleDb();
    horizon = createHorizonService({ db: t.db, today: () => AS_OF });
    const rows = await sql<{ ocid: string; mission_id: string; role: string }>`
      select ocid, mission_id, role from contract_mission where role in ('primary', 'secondary')`.execute(
      t.db,
    );
    for (const r of rows.rows) {
      if (!stored.has(r.mission_id)) stored.set(r.mission_id, new Map());
      stored.get(r.mission_id)!.set(r.ocid, r.role);
    }
  }, 180_000);
  afterAll(() => t?.drop());

  it('keeps exactly the contracts mapped to the mission, with their totals per window', async () => {
    const all = await allItems(horizon, { asOf: AS_OF, months: 24 });
    const nhs = stored.get('nhs')!;
    const expected = all.filter((i) => i.ocid !== null && nhs.has(i.ocid));
    const scan = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'nhs', pageSize: 100 }));
    const got = scan.items.map((i) => i.ocid).sort();
    expect(got).toEqual(expected.map((i) => i.ocid).sort());
    expect(got).toEqual(NHS_24);
    expect(scan.filters).toEqual({ mission: 'nhs' });
    expect(scan.total).toBe(5);

    // Every window's count and value are those of the expected contracts ending by its last day.
    for (const w of scan.summary) {
      const inside = expected.filter((i) => i.horizon.day <= w.last);
      expect(w.contracts, `${w.months} months`).toBe(inside.length);
      expect(pence(w.valueGbp), `${w.months} months`).toBe(
        inside.reduce((n, i) => n + pence(i.value!.amount), 0),
      );
      expect(w.valueNotKnown).toBe(inside.filter((i) => i.value === null).length);
    }
    const byMonths = new Map(scan.summary.map((w) => [w.months, w]));
    expect(byMonths.get(12)).toMatchObject({ contracts: 0, valueGbp: '0' });
    expect(byMonths.get(18)).toMatchObject({ contracts: 1, valueGbp: '3650000' });
    expect(byMonths.get(24)).toMatchObject({ contracts: 5, valueGbp: '10180915.10' });

    // Each row shows its missions as stored, primary first.
    for (const i of scan.items) {
      const mine = [...stored.entries()]
        .filter(([, m]) => m.has(i.ocid!))
        .map(([id, m]) => ({ id, role: m.get(i.ocid!) }));
      expect(i.missions.map((m) => ({ id: m.id, role: m.role }))).toEqual(
        mine.sort((a, b) => (a.role === b.role ? a.id.localeCompare(b.id) : a.role === 'primary' ? -1 : 1)),
      );
    }
    expect(scan.items.find((i) => i.ocid === 'ocds-h6vhtk-06d285')!.missions).toEqual([
      { id: 'nhs', name: 'Build an NHS fit for the future', role: 'primary' },
      { id: 'opportunity', name: 'Break down barriers to opportunity', role: 'secondary' },
    ]);
  });

  it('combines with the other filters', async () => {
    // CPV 85 (health and social work) on any of a contract's codes, as the CPV filter alone finds it.
    const health = new Set(
      (await allItems(horizon, { asOf: AS_OF, months: 24, cpv: '85' })).map((i) => i.ocid),
    );
    const scan = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'nhs', cpv: '85' }));
    expect(scan.items.map((i) => i.ocid).sort()).toEqual(NHS_24.filter((o) => health.has(o)));
    expect(scan.total).toBeGreaterThan(0);
    expect(scan.total).toBeLessThan(NHS_24.length);
    const buyer = scan.items.find((i) => i.ocid === 'ocds-h6vhtk-06d285')!.buyer!.id;
    const one = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'nhs', buyerId: buyer }));
    expect(one.items.map((i) => i.ocid)).toContain('ocds-h6vhtk-06d285');
    expect(one.items.every((i) => i.buyer?.id === buyer && i.missions.some((m) => m.id === 'nhs'))).toBe(
      true,
    );
  });

  it('refuses a mission that is not in the catalogue, naming the field and the missions', async () => {
    for (const bad of ['health', '_any', 'NHS']) {
      const { problems } = horizon.parseQuery({ mission: bad });
      expect(problems).toEqual([
        { field: 'mission', message: `Mission must be one of the missions: ${MISSIONS}` },
      ]);
    }
    expect(await failure(() => horizon.queryOrThrow({ mission: 'health' }))).toBe(
      `BAD_REQUEST: mission: Mission must be one of the missions: ${MISSIONS}`,
    );
    expect(horizon.parseQuery({ mission: ' nhs ' }).query.filters).toEqual({ mission: 'nhs' });
    expect(horizon.parseQuery({ mission: '' }).query.filters).toEqual({});
  });

  it('leaves contract-register rows out: they have no missions', async () => {
    const asOf = '2022-07-01';
    const all = await allItems(horizon, { asOf, months: 24 });
    expect(all.some((i) => i.source.kind === 'register')).toBe(true);
    expect(all.filter((i) => i.source.kind === 'register').every((i) => i.missions.length === 0)).toBe(true);
    const growth = stored.get('growth')!;
    const filtered = await allItems(horizon, { asOf, months: 24, mission: 'growth' });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((i) => i.ocid).sort()).toEqual(
      all
        .filter((i) => i.ocid !== null && growth.has(i.ocid))
        .map((i) => i.ocid)
        .sort(),
    );
    expect(filtered.every((i) => i.source.kind === 'ocds')).toBe(true);
  });

  it('exports the filtered scan as CSV with each contract’s missions', async () => {
    const csv = await text(horizon.exportCsv(horizon.queryOrThrow({ months: 24, mission: 'nhs' }), ''));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = lines[0]!.split(',');
    const col = header.indexOf('missions');
    expect(col).toBeGreaterThan(0);
    expect(lines).toHaveLength(1 + NHS_24.length);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0]).sort()).toEqual(NHS_24);
    expect(rows.find((r) => r[0] === 'ocds-h6vhtk-06d285')![col]).toBe('nhs opportunity');
  });

  it('saves the mission with a search and replays it in the feed query and the alerts', async () => {
    const r = await sql<{ id: string }>`insert into users (email, name) values ('nhs@example.gov.uk', 'N')
      returning id`.execute(t.db);
    const alice: Actor = {
      userId: Number(r.rows[0]!.id),
      email: 'nhs@example.gov.uk',
      name: 'N',
      serviceRole: null,
      organisations: new Map(),
    };
    const saved = createSavedSearchService({ db: t.db, now: () => new Date(`${AS_OF}T09:00:00Z`) });
    expect(
      await failure(saved.create(alice, { name: 'Bad', query: { months: '24', mission: 'health' } })),
    ).toMatch(/^BAD_REQUEST: .*Mission must be one of the missions/);

    const s = await saved.create(alice, { name: 'NHS renewals', query: { months: '24', mission: 'nhs' } });
    expect(s.query).toEqual({ months: 24, basis: 'next', mission: 'nhs', sort: 'decision', order: 'asc' });
    expect(s.queryString).toBe('months=24&basis=next&mission=nhs&sort=decision&order=asc');
    const stored = await sql<{ query: unknown }>`select query from saved_search where id = ${s.id}`.execute(
      t.db,
    );
    expect(stored.rows[0]!.query).toMatchObject({ mission: 'nhs' });

    const feed = await saved.byFeedToken(s.feedToken);
    expect(feed.query.filters).toEqual({ mission: 'nhs' });
    const replay = await horizon.scan({ ...feed.query, asOf: AS_OF, pageSize: 100 });
    expect(replay.items.map((i) => i.ocid).sort()).toEqual(NHS_24);

    // The sample's horizon rows were written after the search was made (its clock is 1 June 2026): every contract
    // of the search is new to it, and only those.
    const alerts = await saved.alerts(alice, s.id);
    expect(alerts.items.map((i) => i.ocid).sort()).toEqual(NHS_24);
    expect(alerts.total).toBe(NHS_24.length);
  });
  it('follows a contract override at once: the row carries its contract’s missions (migration 0044)', async () => {
    // 'fffc1305…' is mapped to NHS and opportunity by default (CPV 85144000); its buyer's editor removes NHS, adds growth.
    const ocid = 'ocds-b5fd17-fffc1305-c8ad-477c-ba6e-d47ce45c6fb8';
    const buyer = await sql<{
      id: string;
    }>`select buyer_id::text as id from process where ocid = ${ocid}`.execute(t.db);
    const editor = memberOf(Number(buyer.rows[0]!.id));
    const map = createMappingService({ db: t.db });
    const ids = async () =>
      (
        await sql<{ m: string[] }>`select mission_ids as m from horizon_entry where ocid = ${ocid}`.execute(
          t.db,
        )
      ).rows[0]!.m;
    expect(await ids()).toEqual(['nhs', 'opportunity']);
    await map.saveOverride(editor, ocid, {
      missionId: 'nhs',
      action: 'remove',
      reason: 'a legal advice contract',
    });
    await map.saveOverride(editor, ocid, {
      missionId: 'growth',
      action: 'add',
      reason: 'advice to new firms',
    });
    expect(await ids()).toEqual(['growth', 'opportunity']);
    const nhs = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'nhs', pageSize: 100 }));
    expect(nhs.items.map((i) => i.ocid).sort()).toEqual(NHS_24.filter((o) => o !== ocid));
    const growth = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'growth', pageSize: 100 }));
    expect(growth.items.map((i) => i.ocid)).toContain(ocid);
  });
});
