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
}

export const cookieNames = (config: Pick<Config, 'production'>): CookieNames =>
  config.production
    ? { session: '__Host-missionbuy-session', csrf: '__Host-missionbuy-csrf' }
    : { session: 'missionbuy-session', csrf: 'missionbuy-csrf' };

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

// The API is public and sessionless, except its signed-in parts, which read the session: saved searches
// (docs/saved-searches.md), import runs (GET only, docs/local-data.md), pipeline writes (docs/pipeline.md) and
// KPI library and attached-KPI writes (docs/kpi-library.md).
const SIGNED_IN_API =
  /^\/api\/(saved-searches|imports|pipeline\/entries|organisations\/\d+\/pipeline|kpi-library|kpis|contracts\/[^/?]+\/kpis)(\/|$|\?)/;
const skipped = (request: FastifyRequest) =>
  /^\/(api|assets)(\/|$|\?)/.test(request.url) && !SIGNED_IN_API.test(request.url);

export interface SessionCookies {
  /** Sets the session cookie after sign-in. */
  signIn(reply: FastifyReply, token: string): void;
  /** Clears it at sign-out. */
  signOut(reply: FastifyReply): void;
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
    else if (request.method === 'GET' && request.routeOptions.url === '/login') {
      // Signed out, the sign-in form is the only form: only it sets a cookie (a strictly necessary one).
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
  };
}
