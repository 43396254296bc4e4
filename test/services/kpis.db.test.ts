// KPIs and ratings on the real sample plus the derived UK7/UK9 fixture (test/fixtures/kpis/SOURCES.md: the sample
// holds no metric or observation at all, so the KPIs from the data come from that fixture): data KPIs with their
// stages and ratings, overdue flags on a day after the contract ended, KPIs and ratings entered by the buyer's editor
// (authorised, validated, audited, nothing half-written), and the distribution per buyer, CPV division and mission
// with golden counts taken from the fixture file itself.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createKpisService } from '../../src/services/kpis/kpis.service.js';
import { createMappingService } from '../../src/services/missions/mapping.service.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { loadCpvLabels } from '../../src/services/reference/cpv-labels.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { memberOf, outcome } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';

const FIXTURE = repoPath('test/fixtures/kpis/uk7-uk9-derived.jsonl');
const OCID = 'ocds-b5fd17-049318f6-a64f-468a-914b-072544499c9d';
const AS_OF = '2026-06-01';

/** The measureClassification ids in the fixture file, read as plain JSON (independently of the projection). */
function fixtureCodes(): string[] {
  const codes: string[] = [];
  for (const line of readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean)) {
    for (const c of JSON.parse(line).contracts ?? [])
      for (const m of c.implementation?.metrics ?? [])
        for (const o of m.observations ?? [])
          if (o.measureClassification) codes.push(o.measureClassification.id);
  }
  return codes;
}

describe('KPIs and ratings', () => {
  const t = useSampleDb();
  let kpis: ReturnType<typeof createKpisService>;
  let mod: number;
  let other: number;
  beforeAll(async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from metric`.execute(t().db);
    // The real sample carries no KPI at all: this is why the derived fixture exists.
    expect(before.rows[0]!.n).toBe(0);
    await ingestPaths(t().db, [FIXTURE], { source: 'fixture' });
    kpis = createKpisService({ db: t().db, cpv: loadCpvLabels() });
    const p = await t()
      .db.selectFrom('process')
      .select('buyer_id')
      .where('ocid', '=', OCID)
      .executeTakeFirstOrThrow();
    mod = Number(p.buyer_id);
    const o = await t()
      .db.selectFrom('process')
      .select('buyer_id')
      .where('buyer_id', '!=', mod)
      .where('buyer_id', 'is not', null)
      .executeTakeFirstOrThrow();
    other = Number(o.buyer_id);
  }, 60_000);

  it('reads UK7 and UK9 KPIs from the data, one KPI per contract and metric id', async () => {
    const perf = await kpis.contractPerformance(OCID, AS_OF);
    expect(perf.buyer?.name).toBe('Ministry of Defence');
    const data = perf.kpis.filter((k) => k.source === 'data');
    expect(data.map((k) => k.title)).toEqual([
      'Incidents resolved within the agreed service level',
      'Service availability',
      'Customer satisfaction',
    ]);
    expect(data[0]!.stages).toEqual(['UK7 agreed metric', 'UK9 implementation metric']);
    expect(data.map((k) => k.target)).toEqual(['95% of incidents', '99.5% availability', null]);
    expect(data.map((k) => k.ratings.filter((r) => r.rating).map((r) => r.rating))).toEqual([
      ['met'],
      ['slightlyBelow'],
      ['below'],
    ]);
    // Ended 28 Feb 2026 (UK day), rated to 31 Aug 2025: no final rating by 30 Mar 2026 (end + 30 days [?]).
    expect(data[0]!.end).toBe('2026-02-28');
    expect(data[0]!.status).toMatchObject({
      lastRated: '2025-08-31',
      nextDue: null,
      finalDue: '2026-03-30',
      overdue: ['no-final-rating'],
    });
    // On 1 Mar 2026 the final rating is not yet overdue.
    const early = await kpis.contractPerformance(OCID, '2026-03-01');
    expect(early.kpis.every((k) => k.status.overdue.length === 0)).toBe(true);
  });

  it('lets only the buyer’s editors add KPIs and ratings', async () => {
    const form = { title: 'Social value: apprenticeships started', target: '2 per year' };
    expect(await outcome(kpis.addKpi(null, OCID, form))).toBe('UNAUTHENTICATED');
    expect(await outcome(kpis.addKpi(memberOf(mod, 'viewer'), OCID, form))).toBe('FORBIDDEN');
    expect(await outcome(kpis.addKpi(memberOf(other), OCID, form))).toBe('FORBIDDEN');
    expect(await outcome(kpis.addKpi(memberOf(mod), 'ocds-nope', form))).toBe('NOT_FOUND');
    expect(await outcome(kpis.addKpi(memberOf(mod), OCID, { intervalMonths: '13' }))).toBe(
      'BAD_REQUEST title,intervalMonths',
    );
    const n = await t()
      .db.selectFrom('contract_kpi')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    expect(n?.n).toBe(0);
  });

  it('records ratings with validation and an audit row each, and runs the schedule from them', async () => {
    const editor = memberOf(mod);
    const id = await kpis.addKpi(editor, OCID, { title: 'Apprenticeships started', intervalMonths: '6' });
    const bad = {
      'periodStart-day': '31',
      'periodStart-month': '2',
      'periodStart-year': '2025',
      periodEnd: '2025-01-01',
      rating: 'good',
      evidenceUrl: 'javascript:alert(1)',
    };
    expect(await outcome(kpis.addRating(editor, OCID, id, bad))).toBe(
      'BAD_REQUEST periodStart-day,rating,evidenceUrl',
    );
    expect(await outcome(kpis.addRating(editor, OCID, 999_999, { rating: 'met' }))).toBe('NOT_FOUND');
    expect(await outcome(kpis.addRating(memberOf(mod, 'viewer'), OCID, id, { rating: 'met' }))).toBe(
      'FORBIDDEN',
    );
    const ok = {
      'periodStart-day': '1',
      'periodStart-month': '3',
      'periodStart-year': '2025',
      'periodEnd-day': '31',
      'periodEnd-month': '8',
      'periodEnd-year': '2025',
      rating: 'significantlyBelow',
      comment: 'None started',
      evidenceUrl: 'https://example.gov.uk/report.pdf',
    };
    const ratingId = await kpis.addRating(editor, OCID, id, ok);
    expect((await listAudit(t().db, 'contract_kpi', String(id)))[0]).toMatchObject({
      action: 'create',
      actor: editor.email,
    });
    expect((await listAudit(t().db, 'kpi_rating', String(ratingId)))[0]?.after).toMatchObject({
      rating: 'significantlyBelow',
      evidence_url: 'https://example.gov.uk/report.pdf',
    });
    const perf = await kpis.contractPerformance(OCID, AS_OF);
    const entered = perf.kpis.find((k) => k.kpiId === id)!;
    expect(entered).toMatchObject({ source: 'entered', start: '2025-03-01', intervalMonths: 6 });
    expect(entered.ratings.map((r) => [r.periodStart, r.periodEnd, r.rating])).toEqual([
      ['2025-03-01', '2025-08-31', 'significantlyBelow'],
    ]);
    // As of 1 June 2026 the rating (recorded today) did not exist: 6 months from the start were unrated, and the
    // contract ended without a final rating.
    expect(entered.status).toMatchObject({
      lastRated: null,
      nextDue: '2025-09-01',
      overdue: ['no-rating-in-schedule', 'no-final-rating'],
    });
    // Today it exists: 6 months from 31 Aug 2025 is 28 Feb 2026, the end itself, so only the final rating is due.
    const now = (await kpis.contractPerformance(OCID)).kpis.find((k) => k.kpiId === id)!;
    expect(now.status).toMatchObject({
      lastRated: '2025-08-31',
      nextDue: null,
      overdue: ['no-final-rating'],
    });
  });

  it('counts ratings per buyer, CPV division and mission, and lists the overdue', async () => {
    const codes = [...fixtureCodes(), 'significantlyBelow'];
    const expected = Object.fromEntries(
      ['met', 'slightlyBelow', 'below', 'significantlyBelow', 'other', 'unknown'].map((c) => [
        c,
        codes.filter((x) => x === c).length,
      ]),
    );
    const buyer = await kpis.buyer(mod, AS_OF);
    expect(buyer.total.counts).toEqual(expected);
    expect(buyer.total.total).toBe(4);
    expect(buyer.overdue).toHaveLength(4);
    expect(buyer.byCategory.map((r) => [r.key, r.total])).toEqual([['72', 4]]);
    expect(buyer.byCategory[0]!.label).toMatch(/^72 IT services/);

    await refreshMissions(t().db); // the missions by KPI are those the mission dashboard stored
    const national = await kpis.national(AS_OF);
    expect(national.total.counts).toEqual(expected);
    expect(national.byBuyer.map((r) => [r.label, r.kpis])).toEqual([['Ministry of Defence', 4]]);
    const missions = await createMappingService({ db: t().db }).contractMissions(OCID);
    expect(national.byMission.map((r) => r.key).sort()).toEqual(
      missions.tags.length ? missions.tags.map((x) => x.missionId).sort() : ['none'],
    );
    const overdue = await kpis.ratings({ buyerId: mod, overdue: true, asOf: AS_OF });
    expect(overdue.kpis).toHaveLength(4);
    expect((await kpis.ratings({ buyerId: other, overdue: true, asOf: AS_OF })).kpis).toEqual([]);
    expect(await outcome(kpis.ratings({ asOf: '2026-13-01' }))).toBe('BAD_REQUEST');
  });
});
