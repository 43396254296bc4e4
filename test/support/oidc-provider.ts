// A real OpenID Connect provider on loopback for the sign-in tests (the `oidc-provider` package, certified by the
// OpenID Foundation), with its development sign-in and consent pages, and a client that walks them the way a
// browser would (cookies, redirects, the two forms).
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** Follows the provider from its authorization URL until it redirects to `redirectUrl`; returns that URL. */
  signIn(authorizationUrl: string, subject: string, options?: { deny?: boolean }): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUrl: string): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const clientId = 'missionbuy-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  // The issuer (with its port) is fixed when the provider is made: listen first, then hand requests to it.
  let handle: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['missionbuy-test-cookie-key'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) }),
  });
  handle = provider.callback();

  async function signIn(authorizationUrl: string, subject: string, options: { deny?: boolean } = {}) {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 20; hop++) {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair = ''] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      body = undefined;
      const location = res.headers.get('location');
      if (location) {
        url = new URL(location, url);
        if (url.href.startsWith(redirectUrl)) return url;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action)
        throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`);
      if (options.deny && html.includes('name="prompt" value="consent"')) {
        url = new URL(`${new URL(action, url).pathname}/abort`, url);
        continue;
      }
      url = new URL(action.replaceAll('&amp;', '&'), url);
      body = html.includes('name="prompt" value="login"')
        ? new URLSearchParams({ prompt: 'login', login: subject, password: 'any' })
        : new URLSearchParams({ prompt: 'consent' });
    }
    throw new Error('the provider did not come back after 20 steps');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signIn,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
