// Sign in and sign out (docs/accounts.md). Sign-in is the GOV.UK sign-in pattern: email and password, one error
// message whatever was wrong, an error summary, rate-limited per IP address and email, per email address across
// addresses (a password spray from many addresses) and per address across emails; a successful sign-in
// always starts a new session (never reuses one) and returns to the page that asked for it.
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { OIDC_LOGIN_MINUTES } from '../../services/oidc.service.js';
import { extraLimits } from '../plugins/rate-limits.js';
import type { SessionCookies } from '../plugins/session.js';
import type { Views } from '../views.js';

/** Sign-in attempts allowed per IP address and email address in LOGIN_WINDOW. */
export const LOGIN_ATTEMPTS = 10;
/** [?] Sign-in attempts allowed for one email address in LOGIN_WINDOW, from every address together. */
export const LOGIN_PER_EMAIL = 50;
/** [?] Sign-in attempts allowed from one IP address in LOGIN_WINDOW, for every email address together. */
export const LOGIN_PER_IP = 100;
export const LOGIN_WINDOW = '15 minutes';

type Body = Record<string, unknown> | undefined;
const field = (body: Body, name: string): string => {
  const v = body?.[name];
  return typeof v === 'string' ? v : '';
};

/** Only a path on this site: never another origin (//evil.example, /\evil.example) or a scheme. */
export function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) ? v : '/';
}

interface ErrorItem {
  text: string;
  href: string;
}

export function registerAccountPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services; sessions: SessionCookies },
): void {
  const { views, services, sessions } = deps;

  const form = (next: string, email: string, errors: ErrorItem[]) => ({
    title: 'Sign in',
    next,
    email,
    oidcLabel: services.oidc.label,
    errorSummary: errors.length > 0 ? errors : undefined,
    errors: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])),
  });

  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.actor) return reply.redirect(next, 303);
    return views.page(request, reply, 'accounts/login.njk', form(next, '', []));
  });

  const emailOf = (request: { body?: unknown }) =>
    field(request.body as Body, 'email')
      .trim()
      .toLowerCase();
  const tooMany = 'Too many sign-in attempts: wait 15 minutes and try again';
  const acrossLimits = extraLimits(app, 'login', [
    { max: LOGIN_PER_IP, timeWindow: LOGIN_WINDOW, key: (request) => request.ip, message: tooMany },
    { max: LOGIN_PER_EMAIL, timeWindow: LOGIN_WINDOW, key: emailOf, message: tooMany },
  ]);

  app.post(
    '/login',
    {
      preHandler: acrossLimits,
      config: {
        rateLimit: {
          max: LOGIN_ATTEMPTS,
          timeWindow: LOGIN_WINDOW,
          // After the body is parsed, so the key can include the email address.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${emailOf(request)}`,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as Body;
      const email = field(body, 'email').trim();
      const password = field(body, 'password');
      const next = safeNext(field(body, 'next'));
      const errors: ErrorItem[] = [];
      if (email === '') errors.push({ text: 'Enter your email address', href: '#email' });
      if (password === '') errors.push({ text: 'Enter your password', href: '#password' });
      if (errors.length > 0)
        return views.page(request, reply, 'accounts/login.njk', form(next, email, errors), 400);
      let actor;
      try {
        actor = await services.accounts.authenticate(email, password);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'UNAUTHENTICATED') throw e;
        const failed = [{ text: e.message, href: '#email' }];
        return views.page(request, reply, 'accounts/login.njk', form(next, email, failed), 401);
      }
      if (request.sessionToken) await services.accounts.endSession(request.sessionToken, actor.email);
      const session = await services.accounts.startSession(actor);
      sessions.signIn(reply, session.token);
      return reply.redirect(next, 303);
    },
  );

  // OpenID Connect (docs/accounts.md): to the provider, and back. Rate-limited like the password form.
  const oidcLimit = { rateLimit: { max: LOGIN_ATTEMPTS * 3, timeWindow: LOGIN_WINDOW } };
  app.get('/login/oidc', { config: oidcLimit }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const { url, state } = await services.oidc.begin(next);
    sessions.holdOidcState(reply, state, OIDC_LOGIN_MINUTES * 60);
    return reply.redirect(url, 303);
  });

  app.get('/login/oidc/callback', { config: oidcLimit }, async (request, reply) => {
    const browserState = sessions.takeOidcState(request, reply);
    const q = request.url.indexOf('?');
    let signedIn;
    try {
      signedIn = await services.oidc.finish(q < 0 ? '' : request.url.slice(q + 1), browserState);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'UNAUTHENTICATED') throw e;
      request.log.warn({ err: e.cause ?? e }, 'OpenID Connect sign-in failed');
      return views.page(
        request,
        reply,
        'accounts/login.njk',
        form('/', '', [{ text: e.message, href: '#oidc' }]),
        401,
      );
    }
    if (request.sessionToken) await services.accounts.endSession(request.sessionToken, signedIn.actor.email);
    const session = await services.accounts.startSession(signedIn.actor);
    sessions.signIn(reply, session.token);
    return reply.redirect(signedIn.next, 303);
  });

  app.post('/logout', async (request, reply) => {
    if (request.sessionToken && request.actor)
      await services.accounts.endSession(request.sessionToken, request.actor.email);
    sessions.signOut(reply);
    return reply.redirect('/', 303);
  });
}
