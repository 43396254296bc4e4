// A supplier's interest in a published opportunity through the web app (Fastify inject) on the real sample: a
// signed-out supplier registers interest through the public form (CSRF cookie from the page, honeypot, signed token
// with a minimum fill time, field checks), both rate limits answer 429, and only the publishing organisation's
// editors see the interest (page and CSV): never another organisation's editor, nor central, nor its own viewer.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTEREST_PER_IP_PER_HOUR,
  INTEREST_PER_OPPORTUNITY_PER_HOUR,
} from '../../src/web/routes/opportunities.js';
import { opportunityPages, type OpportunityPages } from '../support/opportunity-pages.js';
import { cookieHeader } from '../support/web-session.js';

describe('interest in an opportunity', () => {
  let ctx: OpportunityPages;
  let oid: number;

  beforeAll(async () => {
    ctx = await opportunityPages();
    oid = await ctx.publish();
  }, 180_000);
  afterAll(() => ctx.sample.close());

  it('takes a supplier’s interest from the public form, signed out, and audits it', async () => {
    const before = await ctx.interestRows();
    const sup = await ctx.supplier(oid, '10.0.0.1');
    expect(sup.page.statusCode).toBe(200);
    expect(sup.page.body).toContain('name="website"');
    expect(Object.keys(sup.jar)).toContain('missionbuy-csrf');
    const r = await sup.post(await ctx.interestFields(oid));
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/opportunities/${oid}/registered`);
    const row = (
      await sql<{ email: string; companies_house: string; ppon: string; sme: boolean; vcse: boolean }>`
      select email, companies_house, ppon, sme, vcse from opportunity_interest order by id desc limit 1`.execute(
        ctx.sample.t.db,
      )
    ).rows[0]!;
    expect(row).toEqual({
      email: 'sam@retrofit.coop',
      companies_house: 'SC012345',
      ppon: 'PJJX-1133-JRGV',
      sme: true,
      vcse: false,
    });
    expect(await ctx.interestRows()).toBe(before + 1);
    const audit = await sql<{
      n: string;
    }>`select count(*) n from audit_log where entity_type = 'opportunity-interest' and actor = 'supplier:sam@retrofit.coop'`.execute(
      ctx.sample.t.db,
    );
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('refuses a filled honeypot, a form sent too fast, a forged or missing token, a bad email and a long message, storing nothing', async () => {
    const before = await ctx.interestRows();
    // Tokens are made just before each post: "too fast" is a token made this moment.
    const cases: [() => Promise<Record<string, string>>, string][] = [
      [async () => ({ website: 'http://spam.example' }), 'This form could not be accepted'],
      [async () => ({ formToken: await ctx.tokenAt(oid, Date.now()) }), 'This form was sent too quickly'],
      [
        async () => ({ formToken: await ctx.tokenAt(oid, Date.now() - 5 * 3600 * 1000) }),
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
      const sup = await ctx.supplier(oid, `10.0.1.${i + 1}`);
      const r = await sup.post({ ...(await ctx.interestFields(oid)), ...(await fields()) });
      expect(r.statusCode, text).toBe(400);
      expect(r.body).toContain('govuk-error-summary');
      expect(r.body).toContain(text);
    }
    // A token made for another opportunity does not pass.
    const sup = await ctx.supplier(oid, '10.0.2.1');
    expect(
      (
        await sup.post(
          await ctx.interestFields(oid, { formToken: await ctx.tokenAt(oid + 1000, Date.now() - 10_000) }),
        )
      ).statusCode,
    ).toBe(400);
    // Without the CSRF pair (no cookie from the page) the form is refused before the handler.
    const noCookie = await ctx.sample.app.inject({
      method: 'POST',
      url: `/opportunities/${oid}/interest`,
      remoteAddress: '10.0.2.2',
      payload: new URLSearchParams({ _csrf: sup.csrf, ...(await ctx.interestFields(oid)) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCookie.statusCode).toBe(403);
    expect(await ctx.interestRows()).toBe(before);
  });

  it('rate-limits the form per IP address and per opportunity', async () => {
    const sup = await ctx.supplier(oid, '10.0.3.1');
    const codes: number[] = [];
    for (let i = 0; i <= INTEREST_PER_IP_PER_HOUR; i++)
      codes.push((await sup.post({ website: 'x' })).statusCode);
    expect(codes.slice(0, INTEREST_PER_IP_PER_HOUR).every((c) => c === 400)).toBe(true);
    expect(codes[INTEREST_PER_IP_PER_HOUR]).toBe(429);
    // From many addresses, one opportunity takes at most its hourly share (earlier tests used some of it).
    const seen: number[] = [];
    for (let i = 0; i <= INTEREST_PER_OPPORTUNITY_PER_HOUR; i++) {
      const res = await ctx.sample.app.inject({
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
    const editor = await ctx.signedIn('editor@derby.gov.uk');
    const page = await editor.get(`/organisations/${ctx.derby}/opportunities/${oid}/interest`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Retrofit Co-operative Ltd');
    const csv = await editor.get(`/organisations/${ctx.derby}/opportunities/${oid}/interest.csv`);
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
      const s = await ctx.signedIn(email);
      for (const url of [
        `/organisations/${ctx.derby}/opportunities/${oid}/interest`,
        `/organisations/${ctx.derby}/opportunities/${oid}/interest.csv`,
      ]) {
        const r = await s.get(url);
        expect(r.statusCode, `${email} ${url}`).toBe(403);
        expect(r.body).not.toContain('Retrofit');
      }
    }
    // And through the API, with the session: the same refusal.
    const etcApi = await ctx.signedIn('editor@etc.ac.uk');
    const api = await etcApi.get(`/api/organisations/${ctx.derby}/opportunities/${oid}/interest`);
    expect(api.statusCode).toBe(403);
    const mine = await editor.get(`/api/organisations/${ctx.derby}/opportunities/${oid}/interest`);
    expect(mine.statusCode).toBe(200);
    expect(JSON.parse(mine.body).items.map((i: { email: string }) => i.email)).toEqual(['sam@retrofit.coop']);
    // Org B's editor asking for A's opportunity under B's own id gets nothing either.
    const etcEditor = await ctx.signedIn('editor@etc.ac.uk');
    const cross = await etcEditor.get(`/organisations/${ctx.etc}/opportunities/${oid}/interest`);
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain('Retrofit');
    expect(
      (
        await ctx.sample.app.inject({
          method: 'GET',
          url: `/organisations/${ctx.derby}/opportunities/${oid}/interest.csv`,
        })
      ).statusCode,
    ).toBe(401);
  }, 120_000);
});
