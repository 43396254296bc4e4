// Sign-in, sessions, CSRF and authorisation through the web app (Fastify inject) on the real sample: an editor of
// one buyer can never change another buyer's accountable officer, the officer of a buyer can change theirs, forms
// without the right CSRF token change nothing, and sign-in is rate-limited per IP address and email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createQualityService } from '../../src/services/quality.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { CSRF_FAILED } from '../../src/web/plugins/session.js';
import { LOGIN_ATTEMPTS } from '../../src/web/routes/accounts.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { csrfOf, setCookieHeaders, setCookies, webSession } from '../support/web-session.js';

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
});
