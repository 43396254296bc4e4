// Pipeline pages through the web app (Fastify inject) on the real sample: editors create and change entries
// through the forms, other buyers' editors and viewers cannot, forms without the session's CSRF token change
// nothing, a save from a stale form is refused with 409 and the first save kept, the public page, feed and
// downloads show published entries only, the central pipeline filters, and "plan the re-procurement" prefills.
import { XMLParser } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { CSRF_FAILED } from '../../src/web/plugins/session.js';
import { memberActor } from '../support/actors.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { signInAs } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('pipeline pages', () => {
  let sample: SampleApp;
  let derby: number;
  let etc: number;
  let entryId: number;

  const entryForm = (token: string, fields: Record<string, string> = {}) => ({
    _csrf: token,
    title: 'Waste collection vehicles',
    description: 'Twelve electric refuse collection vehicles',
    cpvCode: '34144511',
    deliveryRegion: 'UKF11',
    valueMin: '2,400,000',
    valueMax: '3000000',
    'procurementStart-day': '15',
    'procurementStart-month': '1',
    'procurementStart-year': '2027',
    route: 'open',
    status: 'planned',
    confidence: 'medium',
    ...fields,
  });

  const signedIn = (email: string) => signInAs(sample.app, PASSWORD)(email);

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    etc = await organisationIdByName(sample.t, 'The Education Training Collective');
    await addMembers(sample.t.db, PASSWORD, [
      ['editor@derby.gov.uk', 'editor', derby],
      ['second@derby.gov.uk', 'editor', derby],
      ['viewer@derby.gov.uk', 'viewer', derby],
      ['editor@etc.ac.uk', 'editor', etc],
    ]);
  }, 180_000);
  afterAll(() => sample.close());

  it('lets an editor create an entry through the form, with every error in the summary first', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const form = await s.get(`/organisations/${derby}/pipeline/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1 class="govuk-heading-l">Add a pipeline entry</h1>');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const bad = await s.post(
      `/organisations/${derby}/pipeline`,
      entryForm(token, { title: '', valueMax: '1000', 'procurementStart-month': '13' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('<a href="#title">Title is required</a>');
    expect(bad.body).toContain(
      '<a href="#procurementStart-day">Estimated procurement start must be a real date</a>',
    );
    expect(bad.body).toContain(
      '<a href="#valueMax">Highest estimated value must be the same as or more than the lowest estimate</a>',
    );
    expect(bad.body).toContain('<title>Error: Add a pipeline entry');
    const ok = await s.post(`/organisations/${derby}/pipeline`, entryForm(token));
    expect(ok.statusCode).toBe(303);
    entryId = Number(/\/pipeline\/entries\/(\d+)$/.exec(ok.headers.location as string)![1]);
    const page = await s.get(`/pipeline/entries/${entryId}`);
    expect(page.body).toContain('Waste collection vehicles');
    expect(page.body).toContain('£2,400,000 to £3,000,000');
    expect(page.body).toContain('15 January 2027');
    expect(page.body).toContain('editor@derby.gov.uk');
  });

  it('refuses forms without the session’s CSRF token and changes nothing', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const other = await signedIn('second@derby.gov.uk');
    const before = await sql<{ n: string }>`select count(*) as n from pipeline_entry`.execute(sample.t.db);
    for (const token of ['', await other.token(`/organisations/${derby}/pipeline/new`)]) {
      const r = await s.post(`/organisations/${derby}/pipeline`, entryForm(token));
      expect(r.statusCode).toBe(403);
      expect(r.body).toContain(CSRF_FAILED);
    }
    const r = await s.post(`/pipeline/entries/${entryId}`, {
      ...entryForm(''),
      version: '1',
      title: 'Forged',
    });
    expect(r.statusCode).toBe(403);
    const after = await sql<{ n: string }>`select count(*) as n from pipeline_entry`.execute(sample.t.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await s.get(`/pipeline/entries/${entryId}`)).body).not.toContain('Forged');
  });

  it('does not let another buyer’s editor or a viewer change the entry', async () => {
    const etcEditor = await signedIn('editor@etc.ac.uk');
    const token = await etcEditor.token(`/organisations/${etc}/pipeline/new`);
    const r = await etcEditor.post(`/pipeline/entries/${entryId}`, {
      ...entryForm(token),
      version: '1',
      title: 'Taken',
    });
    expect(r.statusCode).toBe(403);
    expect((await etcEditor.get(`/pipeline/entries/${entryId}/edit`)).statusCode).toBe(403);
    expect((await etcEditor.get(`/organisations/${derby}/pipeline/new`)).statusCode).toBe(403);
    expect((await etcEditor.post(`/organisations/${derby}/pipeline`, entryForm(token))).statusCode).toBe(403);
    const viewer = await signedIn('viewer@derby.gov.uk');
    expect((await viewer.get(`/pipeline/entries/${entryId}/edit`)).statusCode).toBe(403);
    const workspace = await viewer.get(`/organisations/${derby}/pipeline`);
    expect(workspace.body).toContain('Waste collection vehicles');
    expect(workspace.body).not.toContain('Add an entry');
    const signedOut = await sample.app.inject({ method: 'GET', url: `/pipeline/entries/${entryId}/edit` });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/login\?next=/);
  });

  it('refuses a save from a stale form with 409, keeping the first editor’s save', async () => {
    const a = await signedIn('editor@derby.gov.uk');
    const b = await signedIn('second@derby.gov.uk');
    const formA = await a.get(`/pipeline/entries/${entryId}/edit`);
    const formB = await b.get(`/pipeline/entries/${entryId}/edit`);
    const version = /name="version" value="(\d+)"/.exec(formA.body)![1]!;
    expect(/name="version" value="(\d+)"/.exec(formB.body)![1]).toBe(version);
    const tokenA = /name="_csrf" value="([^"]+)"/.exec(formA.body)![1]!;
    const tokenB = /name="_csrf" value="([^"]+)"/.exec(formB.body)![1]!;
    expect(
      (await a.post(`/pipeline/entries/${entryId}`, { ...entryForm(tokenA), version, title: 'Fleet A' }))
        .statusCode,
    ).toBe(303);
    const stale = await b.post(`/pipeline/entries/${entryId}`, {
      ...entryForm(tokenB),
      version,
      title: 'Fleet B',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('This entry was changed by editor@derby.gov.uk');
    expect(stale.body).toContain('value="Fleet B"'); // their changes stay in the form
    expect(stale.body).toContain(`name="version" value="${version}"`); // and saving again conflicts again
    const page = await b.get(`/pipeline/entries/${entryId}`);
    expect(page.body).toContain('Fleet A');
    expect(page.body).toContain('Title: Waste collection vehicles → Fleet A');
  });

  it('shows published entries only on the public page, feed and downloads; members get everything', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const token = await s.token(`/organisations/${derby}/pipeline/new`);
    await s.post(
      `/organisations/${derby}/pipeline`,
      entryForm(token, {
        title: 'Published bridge works',
        cpvCode: '45221111',
        published: 'true',
        valueMin: '',
        valueMax: '12000000',
        'procurementStart-month': '6',
      }),
    );
    const pub = await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/pipeline` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('Published bridge works');
    expect(pub.body).not.toContain('Fleet A');
    expect(pub.body).toContain('Only entries the buyer has published are shown.');
    expect((await sample.app.inject({ method: 'GET', url: `/pipeline/entries/${entryId}` })).statusCode).toBe(
      404,
    );
    const csv = await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/pipeline.csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Published bridge works');
    expect(csv.body).not.toContain('Fleet A');
    const mine = await s.get(`/organisations/${derby}/pipeline.csv`);
    expect(mine.body).toContain('Fleet A');
    const uk1 = await s.get(`/organisations/${derby}/pipeline.uk1.csv`);
    expect(uk1.body.split('\r\n')[0]).toContain('reference,title');
    const ocds = JSON.parse((await s.get(`/organisations/${derby}/pipeline.ocds.json`)).body);
    expect(ocds.releases.map((r: { tender: { title: string } }) => r.tender.title)).toEqual([
      'Fleet A',
      'Published bridge works',
    ]);
    const atom = await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/pipeline.atom` });
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = new XMLParser().parse(atom.body).feed;
    expect([feed.entry].flat().map((e: { title: string }) => e.title)).toEqual([
      'New: Published bridge works',
    ]);
  });

  it('filters the central pipeline across buyers and checks the filters', async () => {
    const hit = await sample.app.inject({
      method: 'GET',
      url: '/pipeline?cpv=4522&valueFrom=10000000&startFrom=2027-06-01&startTo=2027-06-30',
    });
    expect(hit.statusCode).toBe(200);
    expect(hit.body).toContain('Published bridge works');
    // Every buyer whose UK1 duty applies, whether or not it has entries here: Espo (no pipeline in missionbuy)
    // missed its FY 2026-27 UK1 (test/services/pipeline-duty.db.test.ts); Derby, with entries, has no duty.
    const uk1 = await sample.app.inject({ method: 'GET', url: '/pipeline?cpv=4522&asOf=2026-11-25' });
    expect(uk1.statusCode).toBe(200);
    const table = uk1.body.slice(uk1.body.indexOf('Buyers whose UK1 duty applies'));
    const rows = [...table.matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/gs)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows).toEqual([
      'Buyer UK1 pipeline notice Why',
      'Espo Missed: no UK1 in time No UK1 pipeline notice published; it was due by 2026-05-26 (56 days beginning ' +
        '2026-04-01; £100068540 estimated from 1 published contract(s)), 183 days ago.',
    ]);
    expect(uk1.body).toContain('UK1 pipeline duty (FY 2026-27)');
    const notYet = await sample.app.inject({ method: 'GET', url: '/pipeline?asOf=2026-05-01' });
    expect(notYet.body).toMatch(
      /Espo<\/a><\/td>\s*<td class="govuk-table__cell">\s*<span data-uk1-verdict="not-applicable">Not yet due/,
    );
    const none = await sample.app.inject({ method: 'GET', url: '/pipeline?asOf=2019-06-01' });
    expect(none.body).toContain('No buyer’s UK1 duty applies as of 2019-06-01.');
    const badDay = await sample.app.inject({ method: 'GET', url: '/pipeline?asOf=2026-02-30' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.body).toContain('<a href="#uk1">The UK1 duty’s day (asOf) must be a date');
    const miss = await sample.app.inject({ method: 'GET', url: '/pipeline?cpv=4522&valueTo=1000000' });
    expect(miss.body).toContain('No published entries match.');
    const region = await sample.app.inject({ method: 'GET', url: '/pipeline?region=UKF' });
    expect(region.body).toContain('Published bridge works');
    const bad = await sample.app.inject({ method: 'GET', url: '/pipeline?cpv=abc&startFrom=2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#cpv">CPV code must be 2 to 8 digits');
    expect(bad.body).toContain('<a href="#startFrom">');
  });

  it('lists changes since a date and refuses a bad date', async () => {
    const s = await signedIn('viewer@derby.gov.uk');
    const all = await s.get(`/organisations/${derby}/pipeline/changes`);
    expect(all.body).toContain('Fleet A');
    const none = await s.get(`/organisations/${derby}/pipeline/changes?since=2999-01-01`);
    expect(none.body).toContain('No changes since 2999-01-01.');
    expect((await s.get(`/organisations/${derby}/pipeline/changes?since=yesterday`)).statusCode).toBe(400);
  });

  it('pages an entry’s change log and filters it by a day', async () => {
    // 1 creation + 55 saves = 56 changes; the first 10 dated back to January (test data, moved by hand).
    const svc = createPipelineService({ db: sample.t.db });
    const editor = memberActor('editor@derby.gov.uk', [[derby, 'editor']]);
    let e = await svc.create(editor, derby, { title: 'Log v1', published: true });
    for (let v = 2; v <= 56; v++)
      e = await svc.update(editor, e.id, e.version, { title: `Log v${v}`, published: true });
    await sql`update pipeline_change set at = '2026-01-15T12:00:00Z' where entry_id = ${e.id} and version <= 10`.execute(
      sample.t.db,
    );
    const versions = (html: string) =>
      [
        ...html.slice(html.indexOf('Changes, newest first')).matchAll(/Title: (?:Log v\d+ → )?Log v(\d+)</g),
      ].map((m) => Number(m[1]));
    const url = `/pipeline/entries/${e.id}`;
    const first = await sample.app.inject({ url });
    expect(versions(first.body)).toEqual(Array.from({ length: 50 }, (_, i) => 56 - i));
    expect(first.body).toContain(`href="${url}?page=2"`);
    const second = await sample.app.inject({ url: `${url}?page=2` });
    expect(versions(second.body)).toEqual([6, 5, 4, 3, 2, 1]);
    const since = await sample.app.inject({ url: `${url}?since=2026-06-01` });
    expect(versions(since.body)).toEqual(Array.from({ length: 46 }, (_, i) => 56 - i));
    expect(since.body).not.toContain('?page=2');
    const none = await sample.app.inject({ url: `${url}?since=2999-01-01` });
    expect(none.body).toContain('No changes since 2999-01-01.');
    const bad = await sample.app.inject({ url: `${url}?since=2026-02-30` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#since">Changed since must be a date as YYYY-MM-DD</a>');
  });

  it('plans the re-procurement of an expiring contract: a button for the buyer’s editors and a prefilled form', async () => {
    const row = (
      await sql<{
        ocid: string;
      }>`select ocid from horizon_entry where buyer_id = ${derby} and end_day is not null
        order by end_day desc, ocid limit 1`.execute(sample.t.db)
    ).rows[0]!;
    const s = await signedIn('editor@derby.gov.uk');
    const contract = await s.get(`/contracts/${encodeURIComponent(row.ocid)}`);
    const href = `/pipeline/from/${encodeURIComponent(row.ocid)}`;
    expect(contract.body).toContain(`href="${href}"`);
    const other = await signedIn('editor@etc.ac.uk');
    expect((await other.get(`/contracts/${encodeURIComponent(row.ocid)}`)).body).not.toContain(
      'Plan the re-procurement',
    );
    const go = await s.get(href);
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toBe(
      `/organisations/${derby}/pipeline/new?from=${encodeURIComponent(row.ocid)}`,
    );
    const form = await s.get(go.headers.location as string);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Prefilled from the expiring contract');
    expect(form.body).toContain(`name="from" value="${row.ocid}"`);
    expect(form.body).toMatch(/name="title" type="text" value="Re-procurement: /);
  });
});
