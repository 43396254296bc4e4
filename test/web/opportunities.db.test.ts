// Opportunity pages through the web app (Fastify inject) on the real sample: an editor publishes through the form
// (every problem in the error summary), other organisations and roles are refused the form, the public list filters
// and the Atom feeds parse, drafts stay off the public pages, feeds and API, and closing is audited and final, its
// history on the edit page.
// The interest form is in opportunity-interest.db.test.ts.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunitiesService } from '../../src/services/opportunities/opportunities.service.js';
import { memberActor } from '../support/actors.js';
import { opportunityForm, opportunityPages, type OpportunityPages } from '../support/opportunity-pages.js';
import { cookieHeader, csrfOf } from '../support/web-session.js';

describe('opportunity pages', () => {
  let ctx: OpportunityPages;
  let oid: number;

  beforeAll(async () => {
    ctx = await opportunityPages();
  }, 180_000);
  afterAll(() => ctx.sample.close());

  it('lets an editor publish through the form, every problem in the summary first, and audits it', async () => {
    const s = await ctx.signedIn('editor@derby.gov.uk');
    const form = await s.get(`/organisations/${ctx.derby}/opportunities/new`);
    expect(form.statusCode).toBe(200);
    const token = csrfOf(form.body)!;
    const bad = await s.post(
      `/organisations/${ctx.derby}/opportunities`,
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
    expect(await sql`select 1 from opportunity`.execute(ctx.sample.t.db).then((r) => r.rows.length)).toBe(0);

    // The valid form, with an outcome as a second field of the same name.
    oid = await ctx.publish([['outcomeIds', 'ppn002.o1.fair-work']]);
    const row = (
      await sql<{
        budget_min: string;
        budget_max: string;
        mission_ids: string[];
        status: string;
        published_at: Date | null;
      }>`
      select budget_min::text, budget_max::text, mission_ids, status, published_at from opportunity where id = ${oid}`.execute(
        ctx.sample.t.db,
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
      ctx.sample.t.db,
    );
    expect(audit.rows).toEqual([{ action: 'create', actor: 'editor@derby.gov.uk' }]);
  }, 120_000);

  it('refuses other organisations’ editors, viewers, central and signed-out visitors the editing form', async () => {
    const etcEditor = await ctx.signedIn('editor@etc.ac.uk');
    expect((await etcEditor.get(`/organisations/${ctx.derby}/opportunities/new`)).statusCode).toBe(403);
    const r = await etcEditor.post(
      `/organisations/${ctx.derby}/opportunities`,
      opportunityForm(await etcEditor.token('/')),
    );
    expect(r.statusCode).toBe(403);
    expect((await etcEditor.get(`/organisations/${ctx.derby}/opportunities/${oid}/edit`)).statusCode).toBe(
      403,
    );
    const viewer = await ctx.signedIn('viewer@derby.gov.uk');
    expect((await viewer.get(`/organisations/${ctx.derby}/opportunities/new`)).statusCode).toBe(403);
    const central = await ctx.signedIn('central@example.gov.uk');
    expect((await central.get(`/organisations/${ctx.derby}/opportunities/new`)).statusCode).toBe(403);
    const anon = await ctx.sample.app.inject({
      method: 'GET',
      url: `/organisations/${ctx.derby}/opportunities/new`,
    });
    expect(anon.statusCode).toBe(303);
  });

  it('lists published opportunities with filters, and serves valid Atom feeds (all and per mission)', async () => {
    const list = await ctx.sample.app.inject({
      method: 'GET',
      url: '/opportunities?mission=clean-energy&region=UKF',
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/opportunities/${oid}"`);
    const none = await ctx.sample.app.inject({ method: 'GET', url: '/opportunities?mission=nhs' });
    expect(none.body).toContain('There are no opportunities that match these filters.');
    const bad = await ctx.sample.app.inject({ method: 'GET', url: '/opportunities?region=nowhere&sort=zzz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#region">Region must be an ITL region code, like UKF</a>');
    for (const [url, count] of [
      ['/opportunities/feed', 1],
      ['/opportunities/feed?mission=clean-energy', 1],
      ['/opportunities/feed?mission=nhs', 0],
    ] as const) {
      const feed = await ctx.sample.app.inject({ method: 'GET', url });
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
      (await ctx.sample.app.inject({ method: 'GET', url: '/opportunities/feed?mission=moon' })).statusCode,
    ).toBe(404);
  });

  it('keeps drafts off the public pages and feed', async () => {
    const s = await ctx.signedIn('editor@derby.gov.uk');
    const r = await s.post(
      `/organisations/${ctx.derby}/opportunities`,
      opportunityForm(await s.token('/'), { title: 'Secret draft', status: 'draft' }),
    );
    const draft = Number(/(\d+)$/.exec(r.headers.location as string)![1]);
    expect((await ctx.sample.app.inject({ method: 'GET', url: `/opportunities/${draft}` })).statusCode).toBe(
      404,
    );
    expect((await ctx.sample.app.inject({ method: 'GET', url: '/opportunities' })).body).not.toContain(
      'Secret draft',
    );
    expect((await ctx.sample.app.inject({ method: 'GET', url: '/opportunities/feed' })).body).not.toContain(
      'Secret draft',
    );
    expect((await s.get(`/organisations/${ctx.derby}/opportunities`)).body).toContain('Secret draft');
    // The JSON API: public reads never show a draft.
    expect(
      (await ctx.sample.app.inject({ method: 'GET', url: `/api/opportunities/${draft}` })).statusCode,
    ).toBe(404);
    const pub = JSON.parse(
      (await ctx.sample.app.inject({ method: 'GET', url: '/api/opportunities?mission=clean-energy' })).body,
    );
    expect(pub.items.map((o: { id: number }) => o.id)).toEqual([oid]);
    expect(pub.items[0].budgetMax).toBe('1000000.50');
    expect(pub.items[0]).not.toHaveProperty('createdBy');
    // An editor creates one through the API with the session's token in X-CSRF-Token.
    const created = await ctx.sample.app.inject({
      method: 'POST',
      url: `/api/organisations/${ctx.derby}/opportunities`,
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
    const anonymous = await ctx.sample.app.inject({
      method: 'POST',
      url: `/api/organisations/${ctx.derby}/opportunities`,
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

  it('closes an opportunity (audited), after which it takes no interest and cannot reopen', async () => {
    const s = await ctx.signedIn('editor@derby.gov.uk');
    const form = await s.get(`/organisations/${ctx.derby}/opportunities/${oid}/edit`);
    const token = csrfOf(form.body)!;
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const closed = await s.post(`/organisations/${ctx.derby}/opportunities/${oid}`, {
      ...opportunityForm(token, { status: 'closed' }),
      version,
    } as Record<string, string>);
    expect(closed.statusCode).toBe(303);
    const stale = await s.post(`/organisations/${ctx.derby}/opportunities/${oid}`, {
      ...opportunityForm(token, { status: 'published' }),
      version,
    } as Record<string, string>);
    expect(stale.statusCode).toBe(409);
    const page = await ctx.sample.app.inject({ method: 'GET', url: `/opportunities/${oid}` });
    expect(page.body).toContain('This opportunity has closed');
    expect(page.body).not.toContain('name="formToken"');
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'opportunity' and entity_id = ${String(oid)} order by id`.execute(
      ctx.sample.t.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'closed']);
    // The edit page shows that history to the publisher's editors: who, what, the fields changed.
    const caption = 'Changes to this opportunity, newest first';
    const edit = (await s.get(`/organisations/${ctx.derby}/opportunities/${oid}/edit`)).body;
    const table = edit.slice(edit.indexOf(caption), edit.indexOf('</table>', edit.indexOf(caption)));
    const rows = [...table.matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/gs)]
      .slice(1)
      .map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.trim()).slice(1));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['editor@derby.gov.uk', 'closed'],
      ['editor@derby.gov.uk', 'create'],
    ]);
    expect(rows[0]![2]).toMatch(/(^|\n)status: published → closed(\n|$)/);
    expect(rows[0]![2]).toMatch(/(^|\n)version: \d+ → \d+(\n|$)/);
    // The edit page is the publisher's editors' alone (403 above), and the history is checked in the service too.
    const { history } = createOpportunitiesService({ db: ctx.sample.t.db });
    await expect(
      history(memberActor('viewer@derby.gov.uk', [[ctx.derby, 'viewer']]), oid),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(history(null, oid)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
