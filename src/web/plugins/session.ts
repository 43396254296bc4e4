// Sessions and CSRF for the pages (docs/accounts.md). The session cookie holds a 256-bit random token (HttpOnly,
// SameSite=Lax, Secure and __Host- prefixed in production); the server keeps its hash and the session's CSRF
// token. Every form that changes something carries `_csrf`, checked before the handler runs: the session's token
// when signed in, otherwise a random token doubled in its own cookie (so the sign-in form is protected too).
// /api and /assets read no cookies: the API is anonymous and read-only, so it has nothing to forge — except its
// signed-in parts (SIGNED_IN_API below), which take the token as the X-CSRF-Token header; a change there without a
// session is a 401.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../services/authz.js';
import type { Services } from '../../services/index.js';
import { SESSION_HOURS } from '../../services/accounts.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    actor: Actor | null;
    /** The token every form on the page must send back as `_csrf`. */
    csrfToken: string;
    /** The session cookie's value when signed in (to end the session). */
    sessionToken: string | null;
  }
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_FAILED =
  'This form has expired or did not come from this service. Go back, reload the page and try again.';

export interface CookieNames {
  session: string;
  csrf: string;
  /** The state of an OpenID Connect sign-in in flight (docs/accounts.md). */
  oidc: string;
}

export const cookieNames = (config: Pick<Config, 'production'>): CookieNames =>
  config.production
    ? { session: '__Host-missionbuy-session', csrf: '__Host-missionbuy-csrf', oidc: '__Host-missionbuy-oidc' }
    : { session: 'missionbuy-session', csrf: 'missionbuy-csrf', oidc: 'missionbuy-oidc' };

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) {
      const name = part.slice(0, i).trim();
      if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
    }
  }
  return out;
}

function cookie(config: Config, name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${config.production ? '; Secure' : ''}`;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

// The API is public and sessionless, except its signed-in parts, which read the session (the writes take the
// session's CSRF token as the X-CSRF-Token header).
const SIGNED_IN_API_PATHS = [
  'saved-searches', // docs/saved-searches.md
  'imports', // GET only, docs/local-data.md
  'pipeline/entries', // docs/pipeline.md; engagement and KPIs on entries
  'organisations/\\d+/(pipeline|opportunities)', // docs/pipeline.md, docs/opportunities.md
  'engagement', // docs/engagement.md
  'social-value/(commitments|deliveries)/\\d+', // docs/social-value.md
  'contracts/[^/?]+/(social-value/commitments|kpis|performance/kpis)', // social-value.md, kpi-library.md, kpis.md
  'kpi-library', // docs/kpi-library.md
  'kpis/attached', // docs/kpi-library.md
  'sync', // central teams and admins, docs/accounts.md
];
const SIGNED_IN_API = new RegExp(`^/api/(${SIGNED_IN_API_PATHS.join('|')})(/|$|\\?)`);
// The forms a signed-out visitor may send: signing in, and registering interest in an opportunity
// (docs/opportunities.md). Only their pages set the double-submit CSRF cookie (a strictly necessary one).
const SIGNED_OUT_FORMS = new Set(['/login', '/opportunities/:id']);
const skipped = (request: FastifyRequest) =>
  /^\/(api|assets)(\/|$|\?)/.test(request.url) && !SIGNED_IN_API.test(request.url);

export interface SessionCookies {
  /** Sets the session cookie after sign-in. */
  signIn(reply: FastifyReply, token: string): void;
  /** Clears it at sign-out. */
  signOut(reply: FastifyReply): void;
  /** Binds an OpenID Connect sign-in to this browser (a cookie living as long as the sign-in may take). */
  holdOidcState(reply: FastifyReply, state: string, maxAgeSeconds: number): void;
  /** Reads and clears that cookie at the provider's answer. */
  takeOidcState(request: FastifyRequest, reply: FastifyReply): string | undefined;
}

export function registerSessions(
  app: FastifyInstance,
  deps: { config: Config; services: Services },
): SessionCookies {
  const { config, services } = deps;
  const names = cookieNames(config);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (skipped(request)) return;
    const cookies = parseCookies(request.headers.cookie);
    const token = cookies.get(names.session);
    if (token !== undefined && TOKEN.test(token)) {
      const session = await services.accounts.resolveSession(token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
        request.sessionToken = token;
        return;
      }
      reply.header('set-cookie', cookie(config, names.session, '', 0));
    }
    const anonymous = cookies.get(names.csrf);
    if (anonymous !== undefined && TOKEN.test(anonymous)) request.csrfToken = anonymous;
    else if (request.method === 'GET' && SIGNED_OUT_FORMS.has(request.routeOptions.url ?? '')) {
      request.csrfToken = randomBytes(32).toString('base64url');
      reply.header('set-cookie', cookie(config, names.csrf, request.csrfToken, SESSION_HOURS * 3600));
    }
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || skipped(request)) return;
    // The API has no signed-out forms: a change without a session is unauthenticated, before any token check.
    if (request.actor === null && request.url.startsWith('/api/'))
      throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    // A form field from the pages; the X-CSRF-Token header from API clients (no cross-site page can set it).
    const header = request.headers['x-csrf-token'];
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf ?? header;
    if (typeof sent !== 'string' || request.csrfToken === '' || !same(sent, request.csrfToken))
      throw new AppError('FORBIDDEN', CSRF_FAILED);
  });

  return {
    signIn(reply, token) {
      reply.header('set-cookie', cookie(config, names.session, token, SESSION_HOURS * 3600));
    },
    signOut(reply) {
      reply.header('set-cookie', cookie(config, names.session, '', 0));
    },
    holdOidcState(reply, state, maxAgeSeconds) {
      reply.header('set-cookie', cookie(config, names.oidc, state, maxAgeSeconds));
    },
    takeOidcState(request, reply) {
      const state = parseCookies(request.headers.cookie).get(names.oidc);
      if (state !== undefined) reply.header('set-cookie', cookie(config, names.oidc, '', 0));
      return state;
    },
  };
}
