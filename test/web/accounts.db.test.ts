// Sign-in, sessions, CSRF and authorisation through the web app (Fastify inject) on the real sample: an editor of
// one buyer can never change another buyer's accountable officer, the officer of a buyer can change theirs, forms
// without the right CSRF token change nothing, and sign-in is rate-limited per IP address and email, per email
// across addresses and per address across emails, where the address is the peer's unless it is a trusted proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createQualityService } from '../../src/services/quality.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { CSRF_FAILED } from '../../src/web/plugins/session.js';
import type { FastifyInstance } from 'fastify';
import { LOGIN_ATTEMPTS, LOGIN_PER_EMAIL, LOGIN_PER_IP } from '../../src/web/routes/accounts.js';
import { addMembers } from '../support/organisations.js';
import {
  buildTestApp,
  createSampleApp,
  organisationIdByName,
  type SampleApp,
} from '../support/sample-app.js';
import { cookieHeader, csrfOf, setCookieHeaders, setCookies, webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('accounts on the web', () => {
  let sample: SampleApp;
  let derby: number;
  let etc: number;
  /** A browser: a cookie jar, GET and form POST; sign-in returns to /quality. */
  const browser = () => webSession(sample.app, { password: PASSWORD, next: '/quality' });

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    etc = await organisationIdByName(sample.t, 'The Education Training Collective');
    await addMembers(sample.t.db, PASSWORD, [
      ['officer@derby.gov.uk', 'accountable-officer', derby],
      ['editor@derby.gov.uk', 'editor', derby],
      ['officer@etc.ac.uk', 'accountable-officer', etc],
      ['limited@derby.gov.uk', 'viewer', derby],
    ]);
  }, 180_000);
  afterAll(() => sample.close());

  it('shows an accessible sign-in form with a CSRF token held in an HttpOnly, SameSite=Lax cookie', async () => {
    const r = await sample.app.inject({ method: 'GET', url: '/login?next=/quality' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
    expect(r.body).toMatch(/<input[^>]+id="email"[^>]+type="email"[^>]+autocomplete="username"/s);
    expect(r.body).toMatch(/autocomplete="current-password"/);
    expect(r.body).toContain('name="next" value="/quality"');
    const raw = setCookieHeaders(r);
    const jar = setCookies(r);
    expect(raw).toEqual([
      expect.stringMatching(/^missionbuy-csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/),
    ]);
    expect(csrfOf(r.body)).toBe(jar['missionbuy-csrf']);
    // Signed-out visitors get no cookie from any other page.
    const other = await sample.app.inject({ method: 'GET', url: '/quality' });
    expect(other.statusCode).toBe(200);
    expect(other.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with a new session cookie and returns to the page asked for; one message for every failure', async () => {
    const b = browser();
    const wrong = await b.post('/login', {
      _csrf: await b.token(),
      email: 'officer@derby.gov.uk',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('Enter a correct email address and password');
    expect(wrong.body).toContain('<title>Error: Sign in');
    expect(setCookies(wrong)['missionbuy-session']).toBeUndefined();
    const unknown = await b.post('/login', {
      _csrf: await b.token(),
      email: 'nobody@derby.gov.uk',
      password: PASSWORD,
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('Enter a correct email address and password');
    const empty = await b.post('/login', { _csrf: await b.token(), email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email">Enter your email address');
    expect(empty.body).toContain('href="#password">Enter your password');

    const ok = await b.signIn('officer@derby.gov.uk');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/quality');
    expect(setCookieHeaders(ok)).toEqual([
      expect.stringMatching(/^missionbuy-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/),
    ]);
    const page = await b.get('/quality');
    expect(page.body).toContain('Signed in as <strong>officer</strong>');

    // Never off-site after sign-in.
    const fresh = browser();
    const evil = await fresh.post('/login', {
      _csrf: await fresh.token(),
      email: 'officer@derby.gov.uk',
      password: PASSWORD,
      next: '//evil.example/',
    });
    expect(evil.headers.location).toBe('/');
  });

  it('refuses a form without the right CSRF token (403, a clear page) and changes nothing', async () => {
    const quality = createQualityService({ db: sample.t.db });
    const b = browser();
    await b.signIn('officer@derby.gov.uk');
    const officer = { name: 'Jo Bloggs', role: 'Head of Procurement', email: 'jo@derby.gov.uk', phone: '' };
    const missing = await b.post(`/organisations/${derby}/officer`, officer);
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain(CSRF_FAILED);
    const anonymousToken = csrfOf((await sample.app.inject({ method: 'GET', url: '/login' })).body)!;
    const wrong = await b.post(`/organisations/${derby}/officer`, { ...officer, _csrf: anonymousToken });
    expect(wrong.statusCode).toBe(403);
    expect(await quality.officer(derby)).toBeNull();
    // Sign-in itself needs the token.
    const login = await browser().post('/login', { email: 'officer@derby.gov.uk', password: PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(setCookies(login)['missionbuy-session']).toBeUndefined();
  });

  it('lets only the accountable officer of a buyer change its officer: never an editor, never another buyer’s officer', async () => {
    const quality = createQualityService({ db: sample.t.db });
    const officer = {
      name: 'Jo Bloggs',
      role: 'Head of Procurement',
      email: 'jo@derby.gov.uk',
      phone: '01332 293111',
    };

    const anonymous = await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/officer` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(
      `/login?next=${encodeURIComponent(`/organisations/${derby}/officer`)}`,
    );
    expect(
      (await sample.app.inject({ method: 'GET', url: `/organisations/${derby}/quality` })).body,
    ).not.toContain(`href="/organisations/${derby}/officer"`);

    const editor = browser();
    await editor.signIn('editor@derby.gov.uk');
    expect((await editor.get(`/organisations/${derby}/officer`)).statusCode).toBe(403);
    expect((await editor.get(`/organisations/${derby}/quality`)).body).not.toContain(
      `href="/organisations/${derby}/officer"`,
    );
    const token = await editor.token('/quality');
    expect(
      (await editor.post(`/organisations/${derby}/officer`, { ...officer, _csrf: token })).statusCode,
    ).toBe(403);

    const other = browser();
    await other.signIn('officer@etc.ac.uk');
    const refused = await other.post(`/organisations/${derby}/officer`, {
      ...officer,
      _csrf: await other.token('/quality'),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(
      `You do not have permission to change the accountable officer for organisation ${derby}`,
    );
    expect(await quality.officer(derby)).toBeNull();

    const own = browser();
    await own.signIn('officer@derby.gov.uk');
    expect((await own.get(`/organisations/${derby}/quality`)).body).toContain(
      `href="/organisations/${derby}/officer">Record the accountable officer`,
    );
    const page = await own.get(`/organisations/${derby}/officer`);
    expect(page.statusCode).toBe(200);
    const bad = await own.post(`/organisations/${derby}/officer`, {
      ...officer,
      email: 'not an email',
      _csrf: csrfOf(page.body)!,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(
      'href="#email">Email address &quot;not an email&quot; is not an email address',
    );
    expect(await quality.officer(derby)).toBeNull();
    const saved = await own.post(`/organisations/${derby}/officer`, {
      ...officer,
      _csrf: csrfOf(page.body)!,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/organisations/${derby}/quality#officer-heading`);
    expect(await quality.officer(derby)).toMatchObject({ ...officer, updatedBy: 'officer@derby.gov.uk' });
    const [entry] = await listAudit(sample.t.db, 'accountable_officer', String(derby));
    expect(entry).toMatchObject({ actor: 'officer@derby.gov.uk', action: 'create', before: null });
    const card = await own.get(`/organisations/${derby}/quality`);
    expect(card.body).toContain('Jo Bloggs');
    expect(card.body).toContain(
      `href="/organisations/${derby}/officer">Change<span class="govuk-visually-hidden"> accountable officer`,
    );
    expect((await own.get(`/organisations/${derby}/officer`)).body).toContain('officer@derby.gov.uk');
  });

  it('lets an admin change any buyer’s officer, audited under the admin’s email', async () => {
    const accounts = createAccountsService({ db: sample.t.db });
    await accounts.createUser({ email: 'admin@example.gov.uk', name: 'Admin', password: PASSWORD }, 'test');
    await accounts.grant({ email: 'admin@example.gov.uk', role: 'admin' }, 'test');
    const b = browser();
    await b.signIn('admin@example.gov.uk');
    const page = await b.get(`/organisations/${etc}/officer`);
    expect(page.statusCode).toBe(200);
    const officer = { name: 'Sam Taylor', role: 'Finance Director', email: 'sam@etc.ac.uk', phone: '' };
    expect(
      (await b.post(`/organisations/${etc}/officer`, { ...officer, _csrf: csrfOf(page.body)! })).statusCode,
    ).toBe(303);
    const [entry] = await listAudit(sample.t.db, 'accountable_officer', String(etc));
    expect(entry).toMatchObject({
      actor: 'admin@example.gov.uk',
      after: { name: 'Sam Taylor', organisationId: etc },
    });
  });

  it('signs out with a CSRF-protected POST; the old cookie no longer works', async () => {
    const b = browser();
    await b.signIn('officer@derby.gov.uk');
    const session = b.jar['missionbuy-session']!;
    const token = await b.token('/quality');
    expect((await b.post('/logout', {})).statusCode).toBe(403);
    const out = await b.post('/logout', { _csrf: token });
    expect(out.statusCode).toBe(303);
    expect(setCookieHeaders(out)).toContain('missionbuy-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    const reused = await sample.app.inject({
      method: 'GET',
      url: '/quality',
      headers: { cookie: `missionbuy-session=${session}` },
    });
    expect(reused.body).not.toContain('Signed in as');
    expect(reused.body).toContain('href="/login">Sign in');
  });

  it(`rate-limits sign-in: ${LOGIN_ATTEMPTS} tries per IP address and email, then 429`, async () => {
    const b = browser();
    const token = await b.token();
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) {
      const r = await b.post('/login', {
        _csrf: token,
        email: 'limited@derby.gov.uk',
        password: `guess ${i}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await b.post('/login', {
      _csrf: token,
      email: 'limited@derby.gov.uk',
      password: PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many requests');
    expect(setCookies(blocked)['missionbuy-session']).toBeUndefined();
    // Another email from the same address is counted apart.
    expect((await b.signIn('editor@derby.gov.uk')).statusCode).toBe(303);
  });

  /**
   * A signed-out visitor of `app` posting the sign-in form from a peer address, with headers (X-Forwarded-For):
   * the status of each post. An empty password is refused (400) before any hash is checked, and still counted.
   */
  async function poster(app: FastifyInstance) {
    const page = await app.inject({ method: 'GET', url: '/login' });
    const jar = setCookies(page);
    const token = csrfOf(page.body) ?? '';
    return async (
      email: string,
      peer: string,
      headers: Record<string, string> = {},
      password = '',
    ): Promise<number> =>
      (
        await app.inject({
          method: 'POST',
          url: '/login',
          remoteAddress: peer,
          payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: cookieHeader(jar),
            ...headers,
          },
        })
      ).statusCode;
  }

  it(`limits one email address to ${LOGIN_PER_EMAIL} tries in 15 minutes from every address together`, async () => {
    const post = await poster(sample.app);
    const email = 'sprayed@derby.gov.uk'; // used by no other test here
    // Each try from its own address: the per-address-and-email limit never binds.
    for (let i = 0; i < LOGIN_PER_EMAIL; i++)
      expect(await post(email, `10.20.${i >> 8}.${i & 255}`)).toBe(400);
    const fresh = '10.21.0.1';
    expect(await post(email, fresh, {}, PASSWORD)).toBe(429);
    // Same case-insensitively; another email from that address still signs in.
    expect(await post(' SPRAYED@derby.gov.uk', '10.21.0.2')).toBe(429);
    expect(await post('officer@derby.gov.uk', fresh, {}, PASSWORD)).toBe(303);
  });

  it(`limits one address to ${LOGIN_PER_IP} tries in 15 minutes for every email together`, async () => {
    const post = await poster(sample.app);
    const peer = '10.30.0.1';
    // Each try for another email: the per-address-and-email limit never binds.
    for (let i = 0; i < LOGIN_PER_IP; i++) expect(await post(`nobody${i}@example.gov.uk`, peer)).toBe(400);
    expect(await post('editor@derby.gov.uk', peer, {}, PASSWORD)).toBe(429);
    // Another address is counted apart.
    expect(await post('editor@derby.gov.uk', '10.30.0.2', {}, PASSWORD)).toBe(303);
  });

  /** Posts LOGIN_ATTEMPTS + 1 tries for one email from one peer, each with another X-Forwarded-For. */
  async function spoofed(app: FastifyInstance, peer: string): Promise<number[]> {
    const post = await poster(app);
    const codes: number[] = [];
    for (let i = 0; i <= LOGIN_ATTEMPTS; i++)
      codes.push(await post('limited@derby.gov.uk', peer, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    return codes;
  }
  const blockedLast = [...Array<number>(LOGIN_ATTEMPTS).fill(400), 429];

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: spoofing it does not escape the limit', async () => {
    for (const env of [
      { NODE_ENV: 'production', MISSIONBUY_TRUSTED_PROXIES: '' },
      { NODE_ENV: 'production', MISSIONBUY_TRUSTED_PROXIES: '192.0.2.10, 198.51.100.0/24' },
    ]) {
      const app = await buildTestApp(sample.t, env);
      try {
        expect(await spoofed(app, '192.0.2.99')).toEqual(blockedLast);
      } finally {
        await app.close();
      }
    }
  });

  it('counts by the client address a trusted proxy forwards', async () => {
    const app = await buildTestApp(sample.t, {
      NODE_ENV: 'production',
      MISSIONBUY_TRUSTED_PROXIES: '192.0.2.10, 198.51.100.0/24',
    });
    try {
      // Through the proxy, each forwarded address is its own client: none reaches the limit.
      expect(await spoofed(app, '198.51.100.7')).toEqual(Array<number>(LOGIN_ATTEMPTS + 1).fill(400));
      // One forwarded client, through either proxy, is limited as one.
      const post = await poster(app);
      const via = (proxy: string) =>
        post('limited@derby.gov.uk', proxy, { 'x-forwarded-for': '203.0.113.200' });
      for (let i = 0; i < LOGIN_ATTEMPTS; i++)
        expect(await via(i % 2 ? '192.0.2.10' : '198.51.100.8')).toBe(400);
      expect(await via('192.0.2.10')).toBe(429);
    } finally {
      await app.close();
    }
  });
});
