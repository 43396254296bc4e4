// A minimal browser over Fastify inject for page tests: a cookie jar, GET, form POST, the page's CSRF token and
// sign-in (the same steps as test/web/accounts.db.test.ts takes by hand).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const csrfOf = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

function setCookies(r: LightMyRequestResponse): Record<string, string> {
  const h = r.headers['set-cookie'];
  const raw = h === undefined ? [] : Array.isArray(h) ? h : [h];
  const jar: Record<string, string> = {};
  for (const c of raw) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    jar[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return jar;
}

export function webBrowser(app: FastifyInstance) {
  const jar: Record<string, string> = {};
  const cookie = () =>
    Object.entries(jar)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  const keep = (r: LightMyRequestResponse) => {
    Object.assign(jar, setCookies(r));
    return r;
  };
  const browser = {
    jar,
    get: async (url: string) => keep(await app.inject({ method: 'GET', url, headers: { cookie: cookie() } })),
    post: async (url: string, fields: Record<string, string>) =>
      keep(
        await app.inject({
          method: 'POST',
          url,
          payload: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
        }),
      ),
    /** The CSRF token the page at url carries. */
    token: async (url = '/login') => csrfOf((await browser.get(url)).body) ?? '',
    signIn: async (email: string, password: string) =>
      browser.post('/login', { _csrf: await browser.token(), email, password, next: '/' }),
  };
  return browser;
}
