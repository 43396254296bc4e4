// Security headers (src/web/plugins/security.ts) and cookie attributes, as the app sends them outside and inside
// production: a Content Security Policy of our own origin whose script nonce is the one on the page's only inline
// script (and new each response), no framing, nosniff, the referrer policy; HSTS, upgrade-insecure-requests and
// Secure, __Host- cookies only in production (NODE_ENV=production), where TLS is expected.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { addMembers, addOrganisation } from '../support/organisations.js';
import { buildTestApp } from '../support/sample-app.js';
import { cookieHeader, csrfOf, setCookieHeaders, setCookies } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

/** The CSP header as directive → sources. */
function csp(r: LightMyRequestResponse): Map<string, string[]> {
  const header = String(r.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const inlineNonces = (html: string) => [...html.matchAll(/<script nonce="([^"]+)">/g)].map((m) => m[1]);

describe('security headers and cookies', () => {
  let t: TestDb;
  let dev: FastifyInstance;
  let prod: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb();
    const org = await addOrganisation(t.db, 'Header Test Council');
    await addMembers(t.db, PASSWORD, [['viewer@headers.gov.uk', 'viewer', org]]);
    dev = await buildTestApp(t);
    prod = await buildTestApp(t, { NODE_ENV: 'production' });
  }, 120_000);
  afterAll(async () => {
    await dev?.close();
    await prod?.close();
    await t?.drop();
  });

  it('sends a Content Security Policy of our own origin, with a fresh nonce on the one inline script', async () => {
    for (const app of [dev, prod]) {
      const first = await app.inject({ url: '/login' });
      const second = await app.inject({ url: '/login' });
      const policy = csp(first);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('form-action')).toEqual(["'self'"]);
      const nonces = inlineNonces(first.body);
      expect(nonces).toHaveLength(1);
      expect(nonces[0]).toMatch(/^[\w+/=-]{16,}$/);
      expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonces[0]}'`]);
      expect(JSON.stringify([...policy])).not.toContain('unsafe-inline');
      // A new response, a new nonce (the old one is no use to an injected script).
      expect(inlineNonces(second.body)[0]).not.toBe(nonces[0]);
      expect(csp(second).get('script-src')).toContain(`'nonce-${inlineNonces(second.body)[0]}'`);
    }
  });

  it('forbids sniffing and sends the referrer policy on pages and the API alike', async () => {
    for (const url of ['/login', '/api/stats', '/no-such-page'])
      for (const app of [dev, prod]) {
        const r = await app.inject({ url });
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['referrer-policy']).toBe('same-origin');
        expect(csp(r).get('frame-ancestors')).toEqual(["'none'"]);
      }
  });

  it('sends HSTS and upgrade-insecure-requests in production only', async () => {
    const p = await prod.inject({ url: '/login' });
    expect(p.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(csp(p).has('upgrade-insecure-requests')).toBe(true);
    const d = await dev.inject({ url: '/login' });
    expect(d.headers['strict-transport-security']).toBeUndefined();
    expect(csp(d).has('upgrade-insecure-requests')).toBe(false);
  });

  /** Signs in through the form of `app`: the sign-in page's and the sign-in's Set-Cookie headers. */
  async function signIn(app: FastifyInstance) {
    const page = await app.inject({ url: '/login' });
    const jar = setCookies(page);
    const r = await app.inject({
      method: 'POST',
      url: '/login',
      payload: new URLSearchParams({
        _csrf: csrfOf(page.body) ?? '',
        email: 'viewer@headers.gov.uk',
        password: PASSWORD,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    });
    expect(r.statusCode).toBe(303);
    return { page: setCookieHeaders(page), signedIn: setCookieHeaders(r) };
  }

  it('sets Secure, __Host- prefixed cookies in production, and neither on plain-http development', async () => {
    const p = await signIn(prod);
    expect(p.page).toEqual([
      expect.stringMatching(
        /^__Host-missionbuy-csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
      ),
    ]);
    expect(p.signedIn).toContainEqual(
      expect.stringMatching(
        /^__Host-missionbuy-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
      ),
    );
    // __Host- also needs Path=/ and no Domain: every production cookie is so.
    for (const c of [...p.page, ...p.signedIn]) {
      expect(c).toMatch(/^__Host-/);
      expect(c).toMatch(/; Secure(;|$)/);
      expect(c).not.toMatch(/Domain=/i);
    }
    const d = await signIn(dev);
    expect(d.signedIn).toContainEqual(
      expect.stringMatching(/^missionbuy-session=[\w-]{43}; Path=\/; HttpOnly/),
    );
    for (const c of [...d.page, ...d.signedIn]) {
      expect(c).not.toMatch(/^__Host-/);
      expect(c).not.toMatch(/Secure/);
    }
  });
});
