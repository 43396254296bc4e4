// A cookie-jar "browser" over Fastify inject for web tests of signed-in pages: GET, form POST, the page's CSRF
// token and sign-in through the real form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** name=value of each Set-Cookie (the attributes dropped). */
export function setCookies(r: LightMyRequestResponse): Record<string, string> {
  const h = r.headers['set-cookie'];
  const raw = h === undefined ? [] : Array.isArray(h) ? h : [h];
  const jar: Record<string, string> = {};
  for (const c of raw) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return jar;
}

export const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

export function webSession(app: FastifyInstance) {
  const jar: Record<string, string> = {};
  const keep = (r: LightMyRequestResponse) => {
    Object.assign(jar, setCookies(r));
    return r;
  };
  return {
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
    async token(url = '/login'): Promise<string> {
      return csrfOf((await this.get(url)).body)!;
    },
    async signIn(email: string, password: string) {
      const r = await this.post('/login', { _csrf: await this.token(), email, password, next: '/' });
      if (r.statusCode !== 303) throw new Error(`sign-in failed: ${r.statusCode}`);
      return r;
    },
  };
}
