// Opportunity pages through the web app (Fastify inject) on the real sample: an editor publishes through the form
// (every problem in the error summary), the public list filters and the Atom feeds parse, a signed-out supplier
// registers interest through the public form (CSRF cookie from the page, honeypot, signed token with a minimum
// fill time, field checks), both rate limits answer 429, and only the publishing organisation's editors see the
// interest (page and CSV): never another organisation's editor, nor central, nor its own viewer.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { MIN_FILL_MS } from '../../src/services/opportunities/form-token.js';
import {
  INTEREST_PER_IP_PER_HOUR,
  INTEREST_PER_OPPORTUNITY_PER_HOUR,
} from '../../src/web/routes/opportunities.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { cookieHeader, csrfOf, setCookies, signInAs } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('opportunity pages', () => {
  let sample: SampleApp;
  let derby: number;
  let etc: number;
  let oid: number;
  /** A second service instance on the same database: it signs with the same stored key, at a chosen time. */
  let tokenAt: (id: number, ms: number) => Promise<string>;

  const opportunityForm = (token: string, fields: Record<string, string | string[]> = {}) => ({
    _csrf: token,
    title: 'Warmer homes for private renters',
    problem: 'Many private rented homes in Derby are cold and damp; landlords do not know what works.',
    outcomesSought: 'Fewer cold homes; lower bills; measured by EPC band changes.',
    missionIds: 'clean-energy',
    'windowStart-day': '1',
    'windowStart-month': '9',
    'windowStart-year': '2027',
    'windowEnd-day': '31',
    'windowEnd-month': '3',
    'windowEnd-year': '2029',
    budgetMin: '250,000',
    budgetMax: '1000000.50',
    cpvCode: '45321000',
    region: 'UKF11',
    contactName: 'Alex Buyer',
    contactEmail: 'alex@derby.gov.uk',
    status: 'published',
    ...fields,
  });

  const signedIn = (email: string) => signInAs(sample.app, PASSWORD)(email);

  /** A signed-out visitor from one IP address: loads the page (CSRF cookie) and posts the interest form. */
  async function supplier(ip: string) {
    const page = await sample.app.inject({ method: 'GET', url: `/opportunities/${oid}`, remoteAddress: ip });
    const jar = setCookies(page);
    const csrf = csrfOf(page.body)!;
    const post = (fields: Record<string, string>) =>
      sample.app.inject({
        method: 'POST',
        url: `/opportunities/${oid}/interest`,
        remoteAddress: ip,
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
      });
    return { page, jar, csrf, post };
  }

  const interestFields = async (fields: Record<string, string> = {}) => ({
    formToken: await tokenAt(oid, Date.now() - MIN_FILL_MS - 1000),
    name: 'Sam Supplier',
    supplierOrganisation: 'Retrofit Co-operative Ltd',
    email: 'Sam@Retrofit.coop',
    companiesHouse: 'sc 12345',
    ppon: 'pjjx 1133 jrgv',
    sme: 'true',
    message: 'We retrofit older terraced houses.',
    ...fields,
  });

  const interestRows = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) n from opportunity_interest`.execute(sample.t.db)).rows[0]!.n,
    );

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    etc = await organisationIdByName(sample.t, 'The Education Training Collective');
    await addMembers(sample.t.db, PASSWORD, [
      ['editor@derby.gov.uk', 'editor', derby],
      ['viewer@derby.gov.uk', 'viewer', derby],
      ['editor@etc.ac.uk', 'editor', etc],
    ]);
    const accounts = createServices({
      db: sample.t.db,
      config: loadConfig({}, { databaseUrl: sample.t.url }),
      log: createLogger('warn'),
    }).accounts;
    await accounts.createUser({ email: 'central@example.gov.uk', name: 'C', password: PASSWORD }, 'test');
    await accounts.grant({ email: 'central@example.gov.uk', role: 'central' }, 'test');
    const other = createServices({
      db: sample.t.db,
      config: loadConfig({}, { databaseUrl: sample.t.url }),
      log: createLogger('warn'),
    });
    tokenAt = (id, ms) => other.opportunities.formToken(id, ms);
  }, 180_000);
  afterAll(() => sample.close());

  it('lets an editor publish through the form, every problem in the summary first, and audits it', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const form = await s.get(`/organisations/${derby}/opportunities/new`);
    expect(form.statusCode).toBe(200);
    const token = csrfOf(form.body)!;
    const bad = await s.post(
      `/organisations/${derby}/opportunities`,
      opportunityForm(token, {
        title: '',
        missionIds: 'moonshots',
        budgetMax: '1000',
        'windowEnd-year': '2026',
        contactEmail: 'nope',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('<a href="#title">Title is required</a>');
    expect(bad.body).toContain('<a href="#missionIds">Missions &quot;moonshots&quot; is not a mission</a>');
    expect(bad.body).toContain(
      '<a href="#budgetMax">Highest budget must be the same as or more than the lowest budget</a>',
    );
    expect(bad.body).toContain(
      '<a href="#windowEnd-day">Expected end must be the same as or after the start of the window</a>',
    );
    expect(bad.body).toContain('<a href="#contactEmail">Contact email address must be an email address');
    expect(await sql`select 1 from opportunity`.execute(sample.t.db).then((r) => r.rows.length)).toBe(0);

    const body = new URLSearchParams(opportunityForm(token) as Record<string, string>);
    body.append('outcomeIds', 'ppn002.o1.fair-work');
    const ok = await sample.app.inject({
      method: 'POST',
      url: `/organisations/${derby}/opportunities`,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(s.jar) },
    });
    expect(ok.statusCode).toBe(303);
    oid = Number(/\/opportunities\/(\d+)$/.exec(ok.headers.location as string)![1]);
    const row = (
      await sql<{
        budget_min: string;
        budget_max: string;
        mission_ids: string[];
        status: string;
        published_at: Date | null;
      }>`
      select budget_min::text, budget_max::text, mission_ids, status, published_at from opportunity where id = ${oid}`.execute(
        sample.t.db,
      )
    ).rows[0]!;
    expect(row.budget_min).toBe('250000.00');
    expect(row.budget_max).toBe('1000000.50');
    // The outcome brings its mission (PPN 002 outcome 1 sits under growth in the national standard).
    expect(row.mission_ids).toEqual(['clean-energy', 'growth']);
    expect(row.status).toBe('published');
    expect(row.published_at).not.toBeNull();
    const audit = await sql<{ action: string; actor: string }>`
      select action, actor from audit_log where entity_type = 'opportunity' and entity_id = ${String(oid)}`.execute(
      sample.t.db,
    );
    expect(audit.rows).toEqual([{ action: 'create', actor: 'editor@derby.gov.uk' }]);
  }, 120_000);

  it('refuses other organisations’ editors, viewers, central and signed-out visitors the editing form', async () => {
    const etcEditor = await signedIn('editor@etc.ac.uk');
    expect((await etcEditor.get(`/organisations/${derby}/opportunities/new`)).statusCode).toBe(403);
    const r = await etcEditor.post(
      `/organisations/${derby}/opportunities`,
      opportunityForm(await etcEditor.token('/')),
    );
    expect(r.statusCode).toBe(403);
    expect((await etcEditor.get(`/organisations/${derby}/opportunities/${oid}/edit`)).statusCode).toBe(403);
    const viewer = await signedIn('viewer@derby.gov.uk');
    expect((await viewer.get(`/organisations/${derby}/opportunities/new`)).statusCode).toBe(403);
    const central = await signedIn('central@example.gov.uk');
    expect((await central.get(`/organisations/${derby}/opportunities/new`)).statusCode).toBe(403);
    const anon = await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/opportunities/new` });
    expect(anon.statusCode).toBe(303);
  });

  it('lists published opportunities with filters, and serves valid Atom feeds (all and per mission)', async () => {
    const list = await sample.app.inject({
      method: 'GET',
      url: '/opportunities?mission=clean-energy&region=UKF',
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/opportunities/${oid}"`);
    const none = await sample.app.inject({ method: 'GET', url: '/opportunities?mission=nhs' });
    expect(none.body).toContain('There are no opportunities that match these filters.');
    const bad = await sample.app.inject({ method: 'GET', url: '/opportunities?region=nowhere&sort=zzz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#region">Region must be an ITL region code, like UKF</a>');
    for (const [url, count] of [
      ['/opportunities/feed', 1],
      ['/opportunities/feed?mission=clean-energy', 1],
      ['/opportunities/feed?mission=nhs', 0],
    ] as const) {
      const feed = await sample.app.inject({ method: 'GET', url });
      expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
      expect(XMLValidator.validate(feed.body)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(
        feed.body,
      );
      expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      for (const el of ['title', 'id', 'updated']) expect(doc.feed[el]).toBeTruthy();
      const entries = doc.feed.entry ?? [];
      expect(entries).toHaveLength(count);
      for (const e of entries)
        for (const el of ['title', 'id', 'updated', 'summary']) expect(e[el]).toBeTruthy();
    }
    expect(
      (await sample.app.inject({ method: 'GET', url: '/opportunities/feed?mission=moon' })).statusCode,
    ).toBe(404);
  });

  it('keeps drafts off the public pages and feed', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const r = await s.post(
      `/organisations/${derby}/opportunities`,
      opportunityForm(await s.token('/'), { title: 'Secret draft', status: 'draft' }),
    );
    const draft = Number(/(\d+)$/.exec(r.headers.location as string)![1]);
    expect((await sample.app.inject({ method: 'GET', url: `/opportunities/${draft}` })).statusCode).toBe(404);
    expect((await sample.app.inject({ method: 'GET', url: '/opportunities' })).body).not.toContain(
      'Secret draft',
    );
    expect((await sample.app.inject({ method: 'GET', url: '/opportunities/feed' })).body).not.toContain(
      'Secret draft',
    );
    expect((await s.get(`/organisations/${derby}/opportunities`)).body).toContain('Secret draft');
    // The JSON API: public reads never show a draft.
    expect((await sample.app.inject({ method: 'GET', url: `/api/opportunities/${draft}` })).statusCode).toBe(
      404,
    );
    const pub = JSON.parse(
      (await sample.app.inject({ method: 'GET', url: '/api/opportunities?mission=clean-energy' })).body,
    );
    expect(pub.items.map((o: { id: number }) => o.id)).toEqual([oid]);
    expect(pub.items[0].budgetMax).toBe('1000000.50');
    expect(pub.items[0]).not.toHaveProperty('createdBy');
    // An editor creates one through the API with the session's token in X-CSRF-Token.
    const created = await sample.app.inject({
      method: 'POST',
      url: `/api/organisations/${derby}/opportunities`,
      headers: { cookie: cookieHeader(s.jar), 'x-csrf-token': await s.token('/') },
      payload: {
        title: 'API draft',
        problem: 'p',
        outcomesSought: 'o',
        missionIds: ['nhs'],
        contactName: 'A',
        contactEmail: 'a@derby.gov.uk',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body).status).toBe('draft');
    const anonymous = await sample.app.inject({
      method: 'POST',
      url: `/api/organisations/${derby}/opportunities`,
      payload: {
        title: 'x',
        problem: 'p',
        outcomesSought: 'o',
        contactName: 'A',
        contactEmail: 'a@derby.gov.uk',
      },
    });
    expect(anonymous.statusCode).toBe(401);
  }, 120_000);

  it('takes a supplier’s interest from the public form, signed out, and audits it', async () => {
    const before = await interestRows();
    const sup = await supplier('10.0.0.1');
    expect(sup.page.statusCode).toBe(200);
    expect(sup.page.body).toContain('name="website"');
    expect(Object.keys(sup.jar)).toContain('missionbuy-csrf');
    const r = await sup.post(await interestFields());
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/opportunities/${oid}/registered`);
    const row = (
      await sql<{ email: string; companies_house: string; ppon: string; sme: boolean; vcse: boolean }>`
      select email, companies_house, ppon, sme, vcse from opportunity_interest order by id desc limit 1`.execute(
        sample.t.db,
      )
    ).rows[0]!;
    expect(row).toEqual({
      email: 'sam@retrofit.coop',
      companies_house: 'SC012345',
      ppon: 'PJJX-1133-JRGV',
      sme: true,
      vcse: false,
    });
    expect(await interestRows()).toBe(before + 1);
    const audit = await sql<{
      n: string;
    }>`select count(*) n from audit_log where entity_type = 'opportunity-interest' and actor = 'supplier:sam@retrofit.coop'`.execute(
      sample.t.db,
    );
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('refuses a filled honeypot, a form sent too fast, a forged or missing token, a bad email and a long message, storing nothing', async () => {
    const before = await interestRows();
    // Tokens are made just before each post: "too fast" is a token made this moment.
    const cases: [() => Promise<Record<string, string>>, string][] = [
      [async () => ({ website: 'http://spam.example' }), 'This form could not be accepted'],
      [async () => ({ formToken: await tokenAt(oid, Date.now()) }), 'This form was sent too quickly'],
      [
        async () => ({ formToken: await tokenAt(oid, Date.now() - 5 * 3600 * 1000) }),
        'This form has expired',
      ],
      [
        async () => ({ formToken: `${Date.now() - 10_000}.${'A'.repeat(43)}` }),
        'This form could not be accepted',
      ],
      [async () => ({ formToken: '' }), 'This form could not be accepted'],
      [async () => ({ email: 'sam at retrofit' }), '<a href="#email">Email address must be an email address'],
      [
        async () => ({ message: 'x'.repeat(2001) }),
        '<a href="#message">Message must be at most 2,000 characters</a>',
      ],
      [
        async () => ({ name: '', companiesHouse: 'not a number' }),
        '<a href="#name">Your name is required</a>',
      ],
    ];
    for (const [i, [fields, text]] of cases.entries()) {
      const sup = await supplier(`10.0.1.${i + 1}`);
      const r = await sup.post({ ...(await interestFields()), ...(await fields()) });
      expect(r.statusCode, text).toBe(400);
      expect(r.body).toContain('govuk-error-summary');
      expect(r.body).toContain(text);
    }
    // A token made for another opportunity does not pass.
    const sup = await supplier('10.0.2.1');
    expect(
      (await sup.post(await interestFields({ formToken: await tokenAt(oid + 1000, Date.now() - 10_000) })))
        .statusCode,
    ).toBe(400);
    // Without the CSRF pair (no cookie from the page) the form is refused before the handler.
    const noCookie = await sample.app.inject({
      method: 'POST',
      url: `/opportunities/${oid}/interest`,
      remoteAddress: '10.0.2.2',
      payload: new URLSearchParams({ _csrf: sup.csrf, ...(await interestFields()) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCookie.statusCode).toBe(403);
    expect(await interestRows()).toBe(before);
  });

  it('rate-limits the form per IP address and per opportunity', async () => {
    const sup = await supplier('10.0.3.1');
    const codes: number[] = [];
    for (let i = 0; i <= INTEREST_PER_IP_PER_HOUR; i++)
      codes.push((await sup.post({ website: 'x' })).statusCode);
    expect(codes.slice(0, INTEREST_PER_IP_PER_HOUR).every((c) => c === 400)).toBe(true);
    expect(codes[INTEREST_PER_IP_PER_HOUR]).toBe(429);
    // From many addresses, one opportunity takes at most its hourly share (earlier tests used some of it).
    const seen: number[] = [];
    for (let i = 0; i <= INTEREST_PER_OPPORTUNITY_PER_HOUR; i++) {
      const res = await sample.app.inject({
        method: 'POST',
        url: `/opportunities/${oid}/interest`,
        remoteAddress: `10.1.${Math.floor(i / 200)}.${i % 200}`,
        payload: new URLSearchParams({ _csrf: sup.csrf, website: 'x' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(sup.jar) },
      });
      seen.push(res.statusCode);
    }
    const firstLimited = seen.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(seen.slice(0, firstLimited).every((c) => c === 400)).toBe(true);
    expect(seen.slice(firstLimited).every((c) => c === 429)).toBe(true);
  }, 180_000);

  it('shows the interest to the publisher’s editors only (page and CSV), never to another organisation or central', async () => {
    const editor = await signedIn('editor@derby.gov.uk');
    const page = await editor.get(`/organisations/${derby}/opportunities/${oid}/interest`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Retrofit Co-operative Ltd');
    const csv = await editor.get(`/organisations/${derby}/opportunities/${oid}/interest.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'registered_at,name,organisation,email,companies_house_number,ppon,sme,vcse,message',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      ',Sam Supplier,Retrofit Co-operative Ltd,sam@retrofit.coop,SC012345,PJJX-1133-JRGV,yes,no,',
    );

    for (const email of ['editor@etc.ac.uk', 'viewer@derby.gov.uk', 'central@example.gov.uk']) {
      const s = await signedIn(email);
      for (const url of [
        `/organisations/${derby}/opportunities/${oid}/interest`,
        `/organisations/${derby}/opportunities/${oid}/interest.csv`,
      ]) {
        const r = await s.get(url);
        expect(r.statusCode, `${email} ${url}`).toBe(403);
        expect(r.body).not.toContain('Retrofit');
      }
    }
    // And through the API, with the session: the same refusal.
    const etcApi = await signedIn('editor@etc.ac.uk');
    const api = await etcApi.get(`/api/organisations/${derby}/opportunities/${oid}/interest`);
    expect(api.statusCode).toBe(403);
    const mine = await editor.get(`/api/organisations/${derby}/opportunities/${oid}/interest`);
    expect(mine.statusCode).toBe(200);
    expect(JSON.parse(mine.body).items.map((i: { email: string }) => i.email)).toEqual(['sam@retrofit.coop']);
    // Org B's editor asking for A's opportunity under B's own id gets nothing either.
    const etcEditor = await signedIn('editor@etc.ac.uk');
    const cross = await etcEditor.get(`/organisations/${etc}/opportunities/${oid}/interest`);
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain('Retrofit');
    expect(
      (
        await sample.app.inject({
          method: 'GET',
          url: `/organisations/${derby}/opportunities/${oid}/interest.csv`,
        })
      ).statusCode,
    ).toBe(401);
  }, 120_000);

  it('closes an opportunity (audited), after which it takes no interest and cannot reopen', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const form = await s.get(`/organisations/${derby}/opportunities/${oid}/edit`);
    const token = csrfOf(form.body)!;
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const closed = await s.post(`/organisations/${derby}/opportunities/${oid}`, {
      ...opportunityForm(token, { status: 'closed' }),
      version,
    } as Record<string, string>);
    expect(closed.statusCode).toBe(303);
    const stale = await s.post(`/organisations/${derby}/opportunities/${oid}`, {
      ...opportunityForm(token, { status: 'published' }),
      version,
    } as Record<string, string>);
    expect(stale.statusCode).toBe(409);
    const page = await sample.app.inject({ method: 'GET', url: `/opportunities/${oid}` });
    expect(page.body).toContain('This opportunity has closed');
    expect(page.body).not.toContain('name="formToken"');
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'opportunity' and entity_id = ${String(oid)} order by id`.execute(
      sample.t.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'closed']);
  });
});
