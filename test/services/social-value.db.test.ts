// Social value committed vs delivered on the real sample (data/sample): Harrogate Town Council's district heating
// (ocds-h6vhtk-067fb8, buyer region UKE22 → UKE) and Bridgend County Borough Council's security services
// (ocds-kuma6s-148166, UKL17 → UKL). A regional metric of Yorkshire and the Humber and a local metric of Harrogate
// are added through the standards service; commitments, delivery reports and verdicts go through the social value
// service with the actors the authz matrix allows; the roll-ups are checked against figures added up by hand.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/authz.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { createSocialValueService } from '../../src/services/social-value/social-value.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { centralActor as central } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';
import { addApprenticeshipWeeks, outcomeOf } from '../support/social-value.js';
import { organisationIdByName } from '../support/sample-app.js';

const BRIDGEND = 'ocds-kuma6s-148166';
const HARROGATE = 'ocds-h6vhtk-067fb8';
const WEEKS = 'region.UKE.apprenticeship-weeks';
const SME = 'ppn001.sme-direct-spend-share';

const member = (id: number, role: 'viewer' | 'editor' | 'accountable-officer', who = role): Actor => ({
  userId: 3,
  email: `${who}-${id}@example.gov.uk`,
  name: who,
  serviceRole: null,
  organisations: new Map([[id, role]]),
});

const failure = outcomeOf;

describe('social value committed vs delivered', () => {
  const t = useSampleDb();
  const sv = () => createSocialValueService({ db: t().db });
  let harrogate: number;
  let bridgend: number;
  let hours: string;

  beforeAll(async () => {
    harrogate = await organisationIdByName(t(), 'Harrogate Town Council');
    bridgend = await organisationIdByName(t(), 'Bridgend County Borough Council');
    const standards = createStandardsService({ db: t().db });
    await addApprenticeshipWeeks(t().db);
    const local = await standards.addItem(member(harrogate, 'editor'), { org: harrogate }, 'metric', {
      parentId: 'ppn002.o2.skills-for-growth',
      name: 'Volunteering hours',
      definition: 'Hours volunteered by staff in the town',
      unit: 'hours',
      direction: 'higher',
      evidence: 'Volunteer log',
    });
    hours = local.id;
  }, 180_000);

  it('offers the metrics of the standard in force for the contract’s buyer', async () => {
    const h = await sv().contract(null, HARROGATE);
    expect(h.contract).toMatchObject({ region: 'UKE', buyer: { id: harrogate } });
    const ids = h.offered.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([SME, WEEKS, hours]));
    const b = await sv().contract(null, BRIDGEND);
    expect(b.offered.map((m) => m.id)).not.toContain(WEEKS);
    expect(b.mayRecord).toBe(false);
  });

  it('refuses a unit that is not the metric’s, a metric of another standard, and the wrong people', async () => {
    const editor = member(harrogate, 'editor');
    const base = { metricId: WEEKS, target: '52', unit: 'weeks', timing: 'due', dueDate: '2027-03-31' };
    expect(await failure(sv().commit(editor, HARROGATE, { ...base, unit: 'days' }))).toBe(
      'BAD_REQUEST unit: The unit must be the metric’s unit, “weeks” (quantities in other units are never added up)',
    );
    expect(await failure(sv().commit(member(bridgend, 'editor'), BRIDGEND, base))).toBe(
      `BAD_REQUEST metricId: ${WEEKS} is not an active metric of the standard for this contract’s buyer`,
    );
    expect(await failure(sv().commit(member(harrogate, 'viewer'), HARROGATE, base))).toMatch(/^FORBIDDEN/);
    expect(await failure(sv().commit(member(bridgend, 'editor'), HARROGATE, base))).toMatch(/^FORBIDDEN/);
    expect(await failure(sv().commit(central, HARROGATE, base))).toMatch(/^FORBIDDEN/);
    expect(await failure(sv().commit(null, HARROGATE, base))).toMatch(/^UNAUTHENTICATED/);
    expect(await failure(sv().commit(editor, 'ocds-nope', base))).toMatch(/^NOT_FOUND/);
    const n = await sql<{ n: number }>`select count(*)::int as n from social_value_commitment`.execute(
      t().db,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('records commitments, reports delivery, verifies it, and adds up like metric ids only', async () => {
    const editor = member(harrogate, 'editor');
    const officer = member(harrogate, 'accountable-officer');
    const weeks = await sv().commit(editor, HARROGATE, {
      metricId: WEEKS,
      target: '52',
      unit: ' Weeks',
      timing: 'period',
      periodStart: '2026-04-01',
      periodEnd: '2027-03-31',
    });
    expect(weeks).toMatchObject({ unit: 'weeks', target: '52', period_end: '2027-03-31', due_date: null });
    const vol = await sv().commit(editor, HARROGATE, {
      metricId: hours,
      target: '200',
      unit: 'hours',
      timing: 'due',
      dueDate: '2027-03-31',
    });
    expect(
      await failure(
        sv().commit(editor, HARROGATE, {
          metricId: hours,
          target: '1',
          unit: 'hours',
          timing: 'due',
          dueDate: '2027-01-01',
        }),
      ),
    ).toBe(
      'BAD_REQUEST metricId: This contract already has a commitment for Volunteering hours: report delivery against it',
    );
    await sv().commit(member(bridgend, 'editor'), BRIDGEND, {
      metricId: SME,
      target: '33',
      unit: 'percent of value',
      timing: 'due',
      dueDate: '2027-03-31',
    });

    const evidence = 'https://www.harrogatetowncouncil.gov.uk/social-value/q1.pdf';
    const q = (quantity: string, start: string, end: string) => ({
      quantity,
      periodStart: start,
      periodEnd: end,
      evidence,
    });
    const r1 = await sv().report(editor, weeks.id, q('13', '2026-04-01', '2026-06-30'));
    const r2 = await sv().report(editor, weeks.id, q('12.5', '2026-07-01', '2026-09-30'));
    const r3 = await sv().report(officer, weeks.id, q('40', '2026-10-01', '2026-12-31'));
    const r4 = await sv().report(editor, vol.id, q('75', '2026-04-01', '2026-09-30'));
    expect(r1.status).toBe('unverified');
    expect(r1.evidence).toEqual([evidence]);

    expect(await failure(sv().verify(editor, r1.id, { verdict: 'verified' }))).toMatch(/^FORBIDDEN/);
    expect(await failure(sv().verify(officer, r3.id, { verdict: 'verified' }))).toBe(
      'FORBIDDEN You reported this delivery: someone else must verify it',
    );
    const v1 = await sv().verify(officer, r1.id, { verdict: 'verified' });
    expect(v1).toMatchObject({ status: 'verified', verified_by: officer.email });
    expect(v1.verified_at).toBeInstanceOf(Date);
    expect(await failure(sv().verify(central, r1.id, { verdict: 'rejected', note: 'late' }))).toMatch(
      /^CONFLICT This report is already verified/,
    );
    expect(await failure(sv().verify(officer, r3.id, { verdict: 'rejected' }))).toMatch(/^FORBIDDEN/);
    expect(await failure(sv().verify(central, r3.id, { verdict: 'rejected' }))).toBe(
      'BAD_REQUEST note: Enter why the report is rejected',
    );
    await sv().verify(central, r3.id, { verdict: 'rejected', note: 'Timesheets cover 14 weeks, not 40' });
    await sv().verify(officer, r4.id, { verdict: 'verified' });

    // By hand. Weeks (Harrogate): committed 52; delivered 13 + 12.5 = 25.5 (40 rejected); verified 13.
    // Hours (Harrogate): committed 200; delivered 75; verified 75. SME share (Bridgend): counted, not summed.
    const contract = await sv().contract(editor, HARROGATE);
    const row = (rows: typeof contract.rollUp.rows, id: string) => rows.find((r) => r.metricId === id)!;
    expect(row(contract.rollUp.rows, WEEKS)).toMatchObject({
      committed: '52',
      delivered: '25.5',
      verified: '13',
      reports: 2,
      verifiedReports: 1,
      rejectedReports: 1,
    });
    expect(contract.commitments.find((c) => c.id === weeks.id)!.deliveries.map((d) => d.status)).toEqual([
      'verified',
      'unverified',
      'rejected',
    ]);
    expect(r2.status).toBe('unverified');

    const national = await sv().rollUp(sv().filters({}));
    expect(national.rows.map((r) => [r.groupName, r.metricId, r.committed, r.delivered, r.verified])).toEqual(
      [
        ['Total', hours, '200', '75', '75'],
        ['Total', SME, null, null, null],
        ['Total', WEEKS, '52', '25.5', '13'],
      ],
    );
    const byRegion = await sv().rollUp(sv().filters({ by: 'region' }));
    expect(byRegion.rows.map((r) => [r.groupKey, r.metricId])).toEqual([
      ['UKL', SME],
      ['UKE', hours],
      ['UKE', WEEKS],
    ]);
    expect(byRegion.rows.map((r) => r.groupName)).toEqual([
      'Wales',
      'Yorkshire and the Humber',
      'Yorkshire and the Humber',
    ]);
    const uke = await sv().rollUp(sv().filters({ region: 'uke', by: 'buyer' }));
    expect(uke.named.region).toBe('Yorkshire and the Humber');
    expect(uke.rows.map((r) => [r.groupKey, r.metricId, r.committed])).toEqual([
      [String(harrogate), hours, '200'],
      [String(harrogate), WEEKS, '52'],
    ]);
    const growth = await sv().rollUp(sv().filters({ mission: 'growth', by: 'mission' }));
    // Every metric here hangs from a growth outcome (o2 skills, o3 supply chains): three rows, never one sum.
    expect(growth.rows.map((r) => [r.groupKey, r.metricId])).toEqual([
      ['growth', hours],
      ['growth', SME],
      ['growth', WEEKS],
    ]);
    expect((await sv().rollUp(sv().filters({ mission: 'nhs' }))).rows).toEqual([]);
    const buyer = await sv().rollUp(sv().filters({ buyer: String(bridgend) }));
    expect(buyer.named.buyer).toBe('Bridgend County Borough Council');
    expect(buyer.rows.map((r) => [r.metricId, r.commitments, r.contracts])).toEqual([[SME, 1, 1]]);
  });

  it('refuses bad filters with the field named', async () => {
    expect(
      await failure(
        Promise.resolve().then(() =>
          sv().filters({ region: 'UKX', mission: 'moon', buyer: 'x', by: 'planet' }),
        ),
      ),
    ).toBe(
      'BAD_REQUEST buyer: Buyer must be an organisation id (a number), not “x”; region: Region must be an ITL1 code from UKC to UKN, not “UKX”; mission: There is no mission “moon”; by: Group by one of total, region, mission, buyer, contract',
    );
    expect(await failure(sv().rollUp(sv().filters({ buyer: '999999999' })))).toMatch(/^NOT_FOUND/);
  });

  it('audits every change with who, before and after', async () => {
    const rows = await sql<{ entity_type: string; action: string; actor: string }>`
      select entity_type, action, actor from audit_log where entity_type like 'social_value_%' order by id`.execute(
      t().db,
    );
    expect(rows.rows.map((r) => `${r.entity_type} ${r.action}`)).toEqual([
      'social_value_commitment create',
      'social_value_commitment create',
      'social_value_commitment create',
      'social_value_delivery report',
      'social_value_delivery report',
      'social_value_delivery report',
      'social_value_delivery report',
      'social_value_delivery verify',
      'social_value_delivery reject',
      'social_value_delivery verify',
    ]);
    const reject = rows.rows.find((r) => r.action === 'reject')!;
    expect(reject.actor).toBe(central.email);
    const id = (
      await sql<{ id: number }>`select id from social_value_delivery where status = 'rejected'`.execute(
        t().db,
      )
    ).rows[0]!.id;
    const [last] = await listAudit(t().db, 'social_value_delivery', String(id));
    expect(last).toMatchObject({
      before: { status: 'unverified' },
      after: { status: 'rejected', verified_by: central.email },
    });
  });
});
