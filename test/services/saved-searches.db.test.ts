// Saved horizon searches on the real sample (data/sample ingested): only the owner reaches a search (another
// user can neither read, rename, delete nor see its alerts), feed tokens (unguessable, regenerable, the old one
// revoked), validation and limits, and alert correctness. The expected alerts are worked out here from two runs
// of the horizon scan itself — as of the day the user looked and as of today — not from the alert SQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { Actor } from '../../src/services/authz.js';
import { createHorizonService } from '../../src/services/horizon/horizon.service.js';
import { SAVED_SEARCH_LIMIT } from '../../src/services/horizon/saved-search-input.js';
import {
  createSavedSearchService,
  type SavedSearchService,
} from '../../src/services/horizon/saved-searches.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { createSampleDb, type TestDb } from '../support/db.js';

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a failure');
}

async function userActor(t: TestDb, email: string): Promise<Actor> {
  const r = await sql<{ id: string }>`insert into users (email, name) values (${email}, ${email})
    returning id`.execute(t.db);
  return { userId: Number(r.rows[0]!.id), email, name: email, serviceRole: null, organisations: new Map() };
}

describe('saved searches', () => {
  let t: TestDb;
  let clock: Date;
  let saved: SavedSearchService;
  let alice: Actor;
  let bob: Actor;
  beforeAll(async () => {
    t = await createSampleDb();
    // The service's clock is fixed in 2026; the sample was loaded just now, so date its horizon rows before it.
    await sql`update horizon_entry set written_at = '2026-05-01T00:00:00Z'`.execute(t.db);
    clock = new Date('2026-06-01T09:00:00Z');
    saved = createSavedSearchService({ db: t.db, now: () => clock });
    alice = await userActor(t, 'alice@example.gov.uk');
    bob = await userActor(t, 'bob@example.gov.uk');
  }, 180_000);
  afterAll(() => t.drop());

  it('saves the scan’s filters (normalised, without as-of day or page), lists, renames and audits', async () => {
    const s = await saved.create(alice, {
      name: '  IT   renewals ',
      query: { months: '18', cpv: '72000000', region: 'TLE', asOf: '2025-01-01', page: '3', pageSize: '50' },
    });
    expect(s.name).toBe('IT renewals');
    expect(s.query).toEqual({
      months: 18,
      basis: 'next',
      cpv: '72',
      region: 'UKE',
      sort: 'decision',
      order: 'asc',
    });
    expect(s.queryString).toBe('months=18&basis=next&cpv=72&region=UKE&sort=decision&order=asc');
    expect(s.feedToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.alerts).toBe(0);
    const renamed = await saved.rename(alice, s.id, 'Digital renewals');
    expect(renamed.name).toBe('Digital renewals');
    expect((await saved.list(alice)).map((x) => x.name)).toEqual(['Digital renewals']);
    const audit = await listAudit(t.db, 'saved_search', String(s.id));
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['rename', alice.email],
      ['create', alice.email],
    ]);
    expect(JSON.stringify(audit)).not.toContain(s.feedToken);
  });

  it('another user cannot read, rename, delete, re-key, mark or list my searches', async () => {
    const mine = (await saved.list(alice))[0]!;
    expect(await saved.list(bob)).toEqual([]);
    const forbidden = /^FORBIDDEN: /;
    expect(await failure(saved.get(bob, mine.id))).toMatch(forbidden);
    expect(await failure(saved.rename(bob, mine.id, 'Mine now'))).toMatch(forbidden);
    expect(await failure(saved.remove(bob, mine.id))).toMatch(forbidden);
    expect(await failure(saved.regenerateFeedToken(bob, mine.id))).toMatch(forbidden);
    expect(await failure(saved.markSeen(bob, mine.id))).toMatch(forbidden);
    expect(await failure(saved.alerts(bob, mine.id))).toMatch(forbidden);
    expect(await failure(saved.get(null, mine.id))).toMatch(/^UNAUTHENTICATED: /);
    expect(await failure(saved.list(null))).toMatch(/^UNAUTHENTICATED: /);
    // Still there, unchanged.
    expect((await saved.get(alice, mine.id)).name).toBe('Digital renewals');
    expect(await failure(saved.get(alice, 999_999))).toMatch(/^NOT_FOUND: /);
  });

  it('checks names and queries, refuses a name in use (any case) and more than the limit', async () => {
    expect(await failure(saved.create(alice, { name: '   ', query: {} }))).toBe(
      'BAD_REQUEST: Enter a name for the search',
    );
    expect(await failure(saved.create(alice, { name: 'x'.repeat(101), query: {} }))).toMatch(
      /^BAD_REQUEST: Name must be 100 characters or fewer/,
    );
    expect(await failure(saved.create(alice, { name: 'Bad', query: { months: '99', cpv: 'IT' } }))).toBe(
      'BAD_REQUEST: Months ahead must be a whole number from 1 to 60; CPV code must be 2 to 8 digits, like 72 or 45210000',
    );
    expect(await failure(saved.create(alice, { name: 'DIGITAL RENEWALS', query: {} }))).toMatch(
      /^CONFLICT: You already have a saved search called DIGITAL RENEWALS/,
    );
    // Bob may use the same name: names are per user.
    const b = await saved.create(bob, { name: 'Digital renewals', query: {} });
    for (let i = 1; i < SAVED_SEARCH_LIMIT; i++) await saved.create(bob, { name: `Search ${i}`, query: {} });
    expect(await failure(saved.create(bob, { name: 'One too many', query: {} }))).toMatch(
      /^CONFLICT: You can keep up to 20 saved searches/,
    );
    await saved.remove(bob, b.id);
    expect(await failure(saved.get(bob, b.id))).toMatch(/^NOT_FOUND: /);
    expect((await listAudit(t.db, 'saved_search', String(b.id))).map((a) => a.action)).toEqual([
      'delete',
      'create',
    ]);
    await sql`delete from saved_search where user_id = ${bob.userId}`.execute(t.db);
  });

  it('opens a feed by its token alone; a regenerated token revokes the old one', async () => {
    const mine = (await saved.list(alice))[0]!;
    const feed = await saved.byFeedToken(mine.feedToken);
    expect(feed.name).toBe('Digital renewals');
    expect(feed.query).toMatchObject({ months: 18, filters: { cpv: '72', region: 'UKE' } });
    const again = await saved.regenerateFeedToken(alice, mine.id);
    expect(again.feedToken).not.toBe(mine.feedToken);
    expect(await failure(saved.byFeedToken(mine.feedToken))).toMatch(/^NOT_FOUND: /);
    expect((await saved.byFeedToken(again.feedToken)).name).toBe('Digital renewals');
    expect(await failure(saved.byFeedToken('short'))).toMatch(/^NOT_FOUND: /);
  });

  it('alerts: contracts that came into the window, became overdue or changed since the user looked', async () => {
    clock = new Date('2026-06-01T09:00:00Z');
    const s = await saved.create(alice, { name: 'Everything, 12 months', query: { months: '12' } });
    expect(await saved.alertCount(alice)).toBe(0);

    // Three months on. Expected, from the horizon scan as of each day (all pages).
    clock = new Date('2026-09-01T09:00:00Z');
    const horizon = createHorizonService({ db: t.db });
    const all = async (asOf: string) => {
      const q = horizon.queryOrThrow({ months: 12, asOf, pageSize: 100 });
      const scan = await horizon.scan(q);
      expect(scan.total).toBeLessThanOrEqual(100);
      return scan.items;
    };
    const before = new Set((await all('2026-06-01')).map((i) => i.ocid));
    const now = await all('2026-09-01');
    const came = now.filter((i) => !before.has(i.ocid)).map((i) => i.ocid);
    const overdue = now
      .filter((i) => i.decisionDueBy >= '2026-06-01' && i.decisionDueBy < '2026-09-01')
      .map((i) => i.ocid);
    expect(came.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    const expected = [...new Set([...came, ...overdue])].sort();

    const got = await saved.alerts(alice, s.id, 1, 100);
    expect(got.asOf).toBe('2026-09-01');
    expect(got.items.map((i) => i.ocid).sort()).toEqual(expected);
    expect(got.total).toBe(expected.length);
    for (const i of got.items) {
      expect(i.reasons.includes('came-into-window')).toBe(came.includes(i.ocid));
      expect(i.reasons.includes('became-overdue')).toBe(overdue.includes(i.ocid));
      expect(i.reasons).not.toContain('new-data');
    }
    // Soonest decision first.
    const dues = got.items.map((i) => i.decisionDueBy);
    expect(dues).toEqual([...dues].sort());
    // The first search (18 months, CPV 72, region UKE) counts too.
    const total = (await saved.list(alice)).reduce((n, x) => n + x.alerts, 0);
    expect(await saved.alertCount(alice)).toBe(total);
    expect(total).toBeGreaterThanOrEqual(expected.length);

    // A contract re-projected after the user looked (its horizon row written anew, an hour after the counts above)
    // is new data, and the stored counts notice.
    const quiet = now.find((i) => !expected.includes(i.ocid))!;
    await sql`update horizon_entry set written_at = ${new Date('2026-09-01T10:00:00Z')}
      where ocid = ${quiet.ocid}`.execute(t.db);
    clock = new Date('2026-09-01T11:00:00Z');
    const after = await saved.alerts(alice, s.id, 1, 100);
    expect(after.total).toBe(expected.length + 1);
    expect(after.items.find((i) => i.ocid === quiet.ocid)?.reasons).toEqual(['new-data']);

    // Seen: nothing new until the next change or day.
    const seen = await saved.markSeen(alice, s.id);
    expect(seen.alerts).toBe(0);
    expect((await saved.alerts(alice, s.id)).items).toEqual([]);
    expect((await saved.get(alice, s.id)).seenDay).toBe('2026-09-01');
    await saved.markAllSeen(alice);
    expect(await saved.alertCount(alice)).toBe(0);
  });
});
