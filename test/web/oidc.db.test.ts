// Sign-in with OpenID Connect against a real provider on loopback (test/support/oidc-provider.ts): the whole code
// flow with PKCE, state and nonce; linking a provider account to a user; and each way it must fail without
// signing anybody in or writing a user.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { buildTestApp } from '../support/sample-app.js';
import { cookieHeader, setCookies } from '../support/web-session.js';

const REDIRECT = 'http://127.0.0.1:3000/login/oidc/callback';

describe('signing in with OpenID Connect', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let provider: TestProvider;
  const accounts = () => createAccountsService({ db: t.db });

  beforeAll(async () => {
    t = await createTestDb();
    provider = await startTestProvider(REDIRECT);
    app = await buildTestApp(t, {
      MISSIONBUY_OIDC_ISSUER: provider.issuer,
      MISSIONBUY_OIDC_CLIENT_ID: provider.clientId,
      MISSIONBUY_OIDC_CLIENT_SECRET: provider.clientSecret,
      MISSIONBUY_OIDC_REDIRECT_URL: REDIRECT,
      MISSIONBUY_OIDC_LABEL: 'Sign in with the test provider',
    });
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await t?.drop();
  });

  /** Starts at /login/oidc, walks the provider, and comes back to the callback with the browser's cookies. */
  async function signIn(
    subject: string,
    options: {
      next?: string;
      deny?: boolean;
      cookies?: (jar: Record<string, string>) => Record<string, string>;
    } = {},
  ): Promise<{ callback: LightMyRequestResponse; back: URL }> {
    const start = await app.inject({ url: `/login/oidc?next=${encodeURIComponent(options.next ?? '/')}` });
    expect(start.statusCode).toBe(303);
    const jar = setCookies(start);
    const back = await provider.signIn(start.headers.location as string, subject, {
      deny: options.deny ?? false,
    });
    const callback = await app.inject({
      url: `${back.pathname}${back.search}`,
      headers: { cookie: cookieHeader(options.cookies ? options.cookies(jar) : jar) },
    });
    return { callback, back };
  }

  const sessionToken = (r: LightMyRequestResponse) => setCookies(r)['missionbuy-session'];

  it('offers the provider on the sign-in page', async () => {
    const page = await app.inject({ url: '/login?next=/pipeline' });
    expect(page.body).toContain('Sign in with the test provider');
    expect(page.body).toContain('href="/login/oidc?next=%2Fpipeline"');
  });

  it('creates a user without roles at the first sign-in of an unknown, verified address, and links it', async () => {
    provider.accounts.set('sub-new', {
      email: 'new.person@example.gov.uk',
      email_verified: true,
      name: 'New Person',
    });
    const { callback } = await signIn('sub-new', { next: '/pipeline' });
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/pipeline');
    const session = await accounts().resolveSession(sessionToken(callback)!);
    expect(session?.actor).toMatchObject({
      email: 'new.person@example.gov.uk',
      name: 'New Person',
      serviceRole: null,
    });
    expect(session?.actor.organisations.size).toBe(0);
    const user = (await accounts().list()).find((u) => u.email === 'new.person@example.gov.uk')!;
    const actions = (await listAudit(t.db, 'user', String(user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'link-identity', 'sign-in']));
  });

  it('links an existing user by a verified email address, keeping their roles; later by the link alone', async () => {
    await accounts().createUser(
      { email: 'Editor@Example.gov.uk', name: 'An Editor', password: 'a long password 1' },
      'test',
    );
    await accounts().grant({ email: 'editor@example.gov.uk', role: 'central' }, 'test');
    provider.accounts.set('sub-editor', { email: 'EDITOR@example.gov.uk', email_verified: true });
    const first = await signIn('sub-editor');
    const actor = (await accounts().resolveSession(sessionToken(first.callback)!))!.actor;
    expect(actor).toMatchObject({
      email: 'editor@example.gov.uk',
      name: 'An Editor',
      serviceRole: 'central',
    });
    // The provider's address changes (and is no longer verified): the link still says who this is.
    provider.accounts.set('sub-editor', { email: 'renamed@example.org', email_verified: false });
    const again = await signIn('sub-editor');
    expect((await accounts().resolveSession(sessionToken(again.callback)!))!.actor.userId).toBe(actor.userId);
  });

  it('refuses an unverified address of an unknown account, creating nobody', async () => {
    provider.accounts.set('sub-unverified', { email: 'unverified@example.com', email_verified: false });
    const before = (await accounts().list()).length;
    const { callback } = await signIn('sub-unverified');
    expect(callback.statusCode).toBe(401);
    expect(callback.body).toContain('did not confirm an email address');
    expect(sessionToken(callback)).toBeUndefined();
    expect((await accounts().list()).length).toBe(before);
  });

  it('refuses a disabled user', async () => {
    provider.accounts.set('sub-disabled', { email: 'disabled@example.gov.uk', email_verified: true });
    await signIn('sub-disabled');
    await accounts().setDisabled('disabled@example.gov.uk', true, 'test');
    const { callback } = await signIn('sub-disabled');
    expect(callback.statusCode).toBe(401);
    expect(sessionToken(callback)).toBeUndefined();
  });

  it('refuses an answer without this browser’s state, a replayed answer and a refusal at the provider', async () => {
    provider.accounts.set('sub-x', { email: 'x@example.gov.uk', email_verified: true });
    const noCookie = await signIn('sub-x', { cookies: () => ({}) });
    expect(noCookie.callback.statusCode).toBe(401);
    const otherState = await signIn('sub-x', {
      cookies: () => ({ 'missionbuy-oidc': 'someone-elses-state' }),
    });
    expect(otherState.callback.statusCode).toBe(401);

    const ok = await signIn('sub-x');
    expect(ok.callback.statusCode).toBe(303);
    const state = ok.back.searchParams.get('state')!;
    const replay = await app.inject({
      url: `${ok.back.pathname}${ok.back.search}`,
      headers: { cookie: `missionbuy-oidc=${state}` },
    });
    expect(replay.statusCode).toBe(401);

    const denied = await signIn('sub-x', { deny: true });
    expect(denied.back.searchParams.get('error')).toBe('access_denied');
    expect(denied.callback.statusCode).toBe(401);
    expect(sessionToken(denied.callback)).toBeUndefined();
  });

  it('only returns to a page on this site', async () => {
    provider.accounts.set('sub-next', { email: 'next@example.gov.uk', email_verified: true });
    const { callback } = await signIn('sub-next', { next: '//evil.example/x' });
    expect(callback.headers.location).toBe('/');
  });
});

describe('without OpenID Connect configured', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb();
    app = await buildTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('shows no provider button and has no provider route', async () => {
    expect((await app.inject({ url: '/login' })).body).not.toContain('/login/oidc');
    expect((await app.inject({ url: '/login/oidc' })).statusCode).toBe(404);
  });
});
