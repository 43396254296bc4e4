// A cookie-jar "browser" over Fastify inject for web tests of signed-in pages: GET, form POST, the page's CSRF
// token and sign-in through the real form; and the cookie helpers it is built on.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Each Set-Cookie header of a response, as sent. */
export function setCookieHeaders(r: LightMyRequestResponse): string[] {
  const h = r.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
}

/** name=value of each Set-Cookie (the attributes dropped). */
export function setCookies(r: LightMyRequestResponse): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const c of setCookieHeaders(r)) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    jar[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return jar;
}

export const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/**
 * A session of one visitor. `defaults`: the password and the page to return to that signIn uses when not given
 * (no password: it must be given; the page: `/`).
 */
export function webSession(app: FastifyInstance, defaults: { password?: string; next?: string } = {}) {
  const jar: Record<string, string> = {};
  const keep = (r: LightMyRequestResponse) => {
    Object.assign(jar, setCookies(r));
    return r;
  };
  const session = {
    jar,
    get: async (url: string) =>
      keep(await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } })),
    post: async (url: string, fields: Record<string, string>) =>
      keep(
        await app.inject({
          method: 'POST',
          url,
          payload: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
        }),
      ),
    /** The CSRF token the page at url carries. */
    token: async (url = '/login'): Promise<string> => csrfOf((await session.get(url)).body) ?? '',
    /** Signs in through the form; anything but a redirect (303) is an error. */
    signIn: async (email: string, password = defaults.password, next = defaults.next ?? '/') => {
      if (password === undefined) throw new Error('signIn: no password given');
      const r = await session.post('/login', { _csrf: await session.token(), email, password, next });
      if (r.statusCode !== 303) throw new Error(`sign-in failed: ${r.statusCode}`);
      return r;
    },
  };
  return session;
}

/** A function that signs a fresh visitor in through the form with the given email (and this password). */
export const signInAs =
  (app: FastifyInstance, password: string) =>
  async (email: string): Promise<ReturnType<typeof webSession>> => {
    const s = webSession(app);
    await s.signIn(email, password);
    return s;
  };
