// The market engagement service on the real sample's organisations (data/sample ingested): who may record
// exercises (the pipeline's rule), optimistic concurrency on exercises and on the no-engagement reason, the audit
// rows, what public readers see, the later-tender candidates (computed here from every process of the buyer) and
// the check of a typed ocid, the participation mix per exercise and per buyer against figures counted by hand, and
// UK2 notices recognised from the notice table (the sample holds none, so one is derived: see the test).
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/authz.js';
import {
  createEngagementService,
  EXERCISE_ENTITY,
  type EngagementService,
} from '../../src/services/engagement/engagement.service.js';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { memberActor, settled } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';

const actor = memberActor;
const errorOf = settled;

/** Five participants: SME yes 2, no 2, not known 1; VCSE yes 1, no 3, not known 1; local yes 3, no 0, unknown 2. */
const PARTICIPANTS = [
  { name: 'Acme Surfacing Ltd', identifier: 'GB-COH-01234567', sme: 'yes', vcse: 'no', local: 'yes' },
  { name: 'Big Roads plc', sme: 'no', vcse: 'no', local: 'unknown' },
  { name: 'Community Paths CIC', sme: 'yes', vcse: 'yes', local: 'yes' },
  { name: 'National Infrastructure Group', sme: 'no', vcse: 'no', local: 'yes' },
  { name: 'Unknown Co', sme: '', vcse: '', local: '' },
  { name: '', identifier: '' },
];

describe('engagement service', () => {
  const sample = useSampleDb();
  let svc: EngagementService;
  let derby: number;
  let etc: number;
  let editor: Actor;
  let otherEditor: Actor;
  let viewer: Actor;
  let entryId: number;
  let tender: { ocid: string; cpv: string; first: string };
  /** The exercise runs the fortnight before the tender's first publication. */
  let start: string;
  let end: string;

  beforeAll(async () => {
    const { db } = sample();
    svc = createEngagementService({ db });
    const id = async (name: string) =>
      Number(
        (await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(db)).rows[0]!.id,
      );
    derby = await id('DERBY CITY COUNCIL');
    etc = await id('The Education Training Collective');
    editor = actor('editor@derby.gov.uk', [[derby, 'editor']]);
    otherEditor = actor('editor@etc.ac.uk', [[etc, 'editor']]);
    viewer = actor('viewer@derby.gov.uk', [[derby, 'viewer']]);
    // A real Derby process with a CPV code: the entry is planned in its class, engagement ending before it.
    const t = await sql<{ ocid: string; cpv: string; first: string }>`
      select ocid, cpv_codes[1] as cpv, to_char(first_published at time zone 'UTC', 'YYYY-MM-DD') as first
      from process where buyer_id = ${derby} and cardinality(cpv_codes) > 0 and first_published is not null
      order by first_published limit 1`.execute(db);
    tender = t.rows[0]!;
    const shift = (days: number) =>
      new Date(Date.parse(`${tender.first}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    start = shift(-15);
    end = shift(-1);
    const pipeline = createPipelineService({ db });
    const e = await pipeline.create(editor, derby, {
      title: 'Highways',
      cpvCode: tender.cpv,
      published: 'true',
    });
    entryId = e.id;
  });

  const input = (extra: Record<string, unknown> = {}) => ({
    purpose: 'Test the market for resurfacing',
    startDate: start,
    endDate: end,
    format: 'supplier-day',
    questions: 'Can you deliver in 2027?',
    participants: PARTICIPANTS,
    summary: 'Few suppliers can do the whole county',
    requirementChanges: 'Split into two lots',
    ...extra,
  });

  it('lets editors of the buyer record an exercise, with its mix counted by hand; nobody else', async () => {
    const x = await svc.create(editor, entryId, input());
    expect(x).toMatchObject({ entryId, organisationId: derby, version: 1, format: 'supplier-day' });
    expect(x.participants).toHaveLength(5);
    expect(x.participants[4]).toEqual({
      name: 'Unknown Co',
      identifier: null,
      sme: 'unknown',
      vcse: 'unknown',
      local: 'unknown',
    });
    const view = await svc.exercise(editor, x.id);
    expect(view.exercise.mix).toEqual({
      participants: 5,
      sme: { yes: 2, no: 2, unknown: 1, share: 2 / 4 },
      vcse: { yes: 1, no: 3, unknown: 1, share: 1 / 4 },
      local: { yes: 3, no: 0, unknown: 2, share: 1 },
    });
    for (const a of [otherEditor, viewer, null])
      expect((await errorOf(svc.create(a, entryId, input()))).code).toBe(a ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    const [audit] = await listAudit(sample().db, EXERCISE_ENTITY, String(x.id));
    expect(audit).toMatchObject({ actor: 'editor@derby.gov.uk', action: 'engagement.create', before: null });
  });

  it('refuses invalid input with every problem and writes nothing', async () => {
    const { db } = sample();
    const before = await db
      .selectFrom('engagement_exercise')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirst();
    const e = await errorOf(
      svc.create(editor, entryId, {
        purpose: '',
        startDate: '2020-02-30',
        format: 'party',
        participants: [{ identifier: 'X1', sme: 'maybe' }],
      }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message.split('; ')).toEqual([
      'purpose: is required',
      'startDate: must be a real date',
      'format: must be one of event, questionnaire, one-to-one, supplier-day, online, other',
      'participants: row 1: enter the organisation’s name',
      'participants: row 1: sme must be yes, no or unknown',
    ]);
    const after = await db
      .selectFrom('engagement_exercise')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('offers the buyer’s later processes in the entry’s CPV class, and checks a typed ocid', async () => {
    const { db } = sample();
    const entry = await svc.editableEntry(editor, entryId);
    const all = await sql<{ ocid: string; cpv_codes: string[]; first: Date | null }>`
      select ocid, cpv_codes, first_published as first from process where buyer_id = ${derby}`.execute(db);
    const cls = tender.cpv.slice(0, 4);
    const expected = all.rows
      .filter((r) => r.first !== null && r.first >= new Date(`${end}T00:00:00Z`))
      .filter((r) => r.cpv_codes.some((c) => c.startsWith(cls)))
      .sort((a, b) => a.first!.getTime() - b.first!.getTime() || a.ocid.localeCompare(b.ocid))
      .slice(0, 20)
      .map((r) => r.ocid);
    const offered = (await svc.candidates(entry, end)).map((c) => c.ocid);
    expect(offered).toEqual(expected);
    expect(offered).toContain(tender.ocid);

    const linked = await svc.create(editor, entryId, input({ tenderOcid: tender.ocid }));
    expect(linked.tenderOcid).toBe(tender.ocid);
    expect((await errorOf(svc.create(editor, entryId, input({ tenderOcid: 'ocds-nope-1' })))).message).toBe(
      'tenderOcid: there is no process ocds-nope-1 in the data',
    );
    const foreign = await sql<{ ocid: string }>`
      select ocid from process where buyer_id <> ${derby} limit 1`.execute(db);
    const f = foreign.rows[0]!.ocid;
    expect((await errorOf(svc.create(editor, entryId, input({ tenderOcid: f })))).message).toBe(
      `tenderOcid: ${f} is another buyer’s process`,
    );
  });

  it('refuses a save from an old version and changes nothing; of simultaneous saves exactly one lands', async () => {
    const x = await svc.create(editor, entryId, input({ participants: [] }));
    const saved = await svc.update(editor, x.id, 1, input({ participants: [], summary: 'v2' }));
    expect(saved.version).toBe(2);
    const stale = await errorOf(svc.update(editor, x.id, 1, input({ participants: [], summary: 'lost' })));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('you had version 1; it is now version 2');
    expect((await svc.editable(editor, x.id)).summary).toBe('v2');
    // Saving what is already there keeps the version.
    expect((await svc.update(editor, x.id, 2, input({ participants: [], summary: 'v2' }))).version).toBe(2);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        errorOf(svc.update(editor, x.id, 2, input({ participants: [], summary: `race ${i}` }))),
      ),
    );
    expect(results.filter((r) => r.code === 'resolved')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CONFLICT')).toHaveLength(5);
    const audit = await listAudit(sample().db, EXERCISE_ENTITY, String(x.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'engagement.create',
      'engagement.update',
      'engagement.update',
    ]);
    expect((await errorOf(svc.update(otherEditor, x.id, 3, input()))).code).toBe('FORBIDDEN');
  });

  it('records a no-engagement reason with its own version', async () => {
    const r = await svc.setRationale(editor, entryId, 0, 'Only one supplier holds the licence');
    expect(r).toMatchObject({ rationale: 'Only one supplier holds the licence', version: 1 });
    expect((await errorOf(svc.setRationale(editor, entryId, 0, 'again'))).code).toBe('CONFLICT');
    expect((await svc.setRationale(editor, entryId, 1, '')).rationale).toBeNull();
    expect((await errorOf(svc.setRationale(viewer, entryId, 2, 'x'))).code).toBe('FORBIDDEN');
  });

  it('sums the buyer’s mix over every exercise; public readers see the mix but not who took part', async () => {
    const mine = await svc.buyer(viewer, derby);
    // Exercises with PARTICIPANTS: the first test's and the linked one (2 × 5 participants).
    expect(mine.mix).toEqual({
      participants: 10,
      sme: { yes: 4, no: 4, unknown: 2, share: 0.5 },
      vcse: { yes: 2, no: 6, unknown: 2, share: 0.25 },
      local: { yes: 6, no: 0, unknown: 4, share: 1 },
    });
    const pub = await svc.buyer(null, derby);
    expect(pub.mix).toEqual(mine.mix);
    expect(pub.exercises.every((x) => x.participants.length === 0)).toBe(true);
    expect(pub.members).toBe(false);
  });

  it('hides exercises of unpublished entries from the public', async () => {
    const { db } = sample();
    const pipeline = createPipelineService({ db });
    const hidden = await pipeline.create(editor, derby, { title: 'Hidden', cpvCode: tender.cpv });
    await svc.create(editor, hidden.id, input());
    expect((await errorOf(svc.forEntry(null, hidden.id))).code).toBe('NOT_FOUND');
    expect((await svc.forEntry(viewer, hidden.id)).exercises).toHaveLength(1);
    expect((await svc.buyer(null, derby)).exercises.map((x) => x.entryId)).not.toContain(hidden.id);
  });

  it('recognises UK2 notices in the notice table (derived: a real release of the tender relabelled UK2)', async () => {
    const { db } = sample();
    await sql`insert into notice (ocid, release_id, release_date, notice_type, title)
      select ocid, release_id || '-uk2', release_date, 'UK2', 'Preliminary market engagement notice'
      from notice where ocid = ${tender.ocid} limit 1`.execute(db);
    const view = await svc.forEntry(null, entryId);
    expect(view.notices.map((n) => [n.ocid, n.title])).toEqual([
      [tender.ocid, 'Preliminary market engagement notice'],
    ]);
    expect((await svc.buyer(null, derby)).notices).toHaveLength(1);
    expect((await svc.buyer(null, etc)).notices).toHaveLength(0);
  });
});
