// Configuration: one TypeBox schema, read from the environment once, validated, frozen and passed in.
// Nothing else in the code reads process.env.
import { isIP } from 'node:net';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from './errors.js';
import { repoPath } from './paths.js';

export const ConfigSchema = Type.Object({
  /** PostgreSQL URL; when empty, missionbuy starts its own embedded PostgreSQL. */
  databaseUrl: Type.Optional(Type.String({ minLength: 1 })),
  /** Folder for the embedded database and other local state. */
  dataDir: Type.String({ minLength: 1 }),
  /** HTTP port of the web app and API. */
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  logLevel: Type.Union([
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent'),
  ]),
  /** Show the GOV.UK crown and GDS Transport font: only for services on the GOV.UK domain. */
  govukBrand: Type.Boolean(),
  /** Service name shown in the header. */
  serviceName: Type.String({ minLength: 1 }),
  /** Load the bundled real sample into an empty database on start. */
  loadSample: Type.Boolean(),
  production: Type.Boolean(),
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto / -Host headers are believed (MISSIONBUY_TRUSTED_PROXIES):
   * addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`. Empty (the default): none, so the client's
   * address is the connection's and no header can change it (rate limits are per that address).
   */
  trustedProxies: Type.Array(Type.String({ minLength: 1 })),
  /** Base URLs of the OCDS APIs (default: the live services); point them at a replay server for offline work. */
  ftsUrl: Type.Optional(Type.String({ minLength: 1 })),
  contractsFinderUrl: Type.Optional(Type.String({ minLength: 1 })),
  /** Sources synced on a schedule while the server runs (MISSIONBUY_SYNC=fts,contracts-finder). */
  sync: Type.Array(Type.Union([Type.Literal('fts'), Type.Literal('contracts-finder')])),
  syncEveryMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  /** OpenID Connect sign-in (docs/accounts.md): off unless an issuer is set. */
  oidc: Type.Optional(
    Type.Object({
      issuer: Type.String({ minLength: 1 }),
      clientId: Type.String({ minLength: 1 }),
      /** client_secret_basic when set; otherwise a public client (PKCE only). */
      clientSecret: Type.Optional(Type.String({ minLength: 1 })),
      /** This service's callback, as registered with the provider: https://…/login/oidc/callback. */
      redirectUrl: Type.String({ minLength: 1 }),
      scopes: Type.String({ minLength: 1 }),
      /** The sign-in button's text. */
      label: Type.String({ minLength: 1 }),
    }),
  ),
});

export type Config = Readonly<Static<typeof ConfigSchema>>;

type Env = Record<string, string | undefined>;

const bool = (v: string | undefined, fallback: boolean): boolean => {
  if (v === undefined || v === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new AppError('CONFIG', `expected a boolean (true/false), got "${v}"`);
};

const int = (name: string, v: string | undefined, fallback: number): number => {
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new AppError('CONFIG', `${name} must be a whole number, got "${v}"`);
  return Number(v);
};

function oidcConfig(env: Env): Config['oidc'] {
  const issuer = env.MISSIONBUY_OIDC_ISSUER;
  if (!issuer) return undefined;
  const missing = ['MISSIONBUY_OIDC_CLIENT_ID', 'MISSIONBUY_OIDC_REDIRECT_URL'].filter((k) => !env[k]);
  if (missing.length > 0)
    throw new AppError(
      'CONFIG',
      `MISSIONBUY_OIDC_ISSUER is set, so ${missing.join(' and ')} must be set too`,
    );
  for (const [name, v] of [
    ['MISSIONBUY_OIDC_ISSUER', issuer],
    ['MISSIONBUY_OIDC_REDIRECT_URL', env.MISSIONBUY_OIDC_REDIRECT_URL!],
  ] as const)
    if (!URL.canParse(v) || !/^https?:$/.test(new URL(v).protocol))
      throw new AppError('CONFIG', `${name} must be an http(s) URL, got "${v}"`);
  return {
    issuer,
    clientId: env.MISSIONBUY_OIDC_CLIENT_ID!,
    ...(env.MISSIONBUY_OIDC_CLIENT_SECRET ? { clientSecret: env.MISSIONBUY_OIDC_CLIENT_SECRET } : {}),
    redirectUrl: env.MISSIONBUY_OIDC_REDIRECT_URL!,
    scopes: env.MISSIONBUY_OIDC_SCOPES || 'openid email profile',
    label: env.MISSIONBUY_OIDC_LABEL || 'Sign in with your organisation account',
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One trusted proxy: an address, a CIDR range (address/prefix length) or one of proxy-addr's named ranges. */
function isProxySpec(v: string): boolean {
  if (PROXY_NAMES.has(v) || isIP(v) !== 0) return true;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(v);
  if (!m) return false;
  const family = isIP(m[1]!);
  return family !== 0 && Number(m[2]) <= (family === 4 ? 32 : 128);
}

function trustedProxies(v: string | undefined): string[] {
  const items = (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !isProxySpec(s));
  if (bad.length > 0)
    throw new AppError(
      'CONFIG',
      `MISSIONBUY_TRUSTED_PROXIES must list addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, ` +
        `uniquelocal, separated by commas; not ${bad.map((b) => `"${b}"`).join(', ')}`,
    );
  return items;
}

/** Reads the configuration from an environment (process.env by default). Throws AppError('CONFIG') when invalid. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const raw = {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MISSIONBUY_DATA_DIR || repoPath('.data'),
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    govukBrand: bool(env.MISSIONBUY_GOVUK_BRAND, false),
    serviceName: env.MISSIONBUY_SERVICE_NAME || 'missionbuy',
    loadSample: bool(env.MISSIONBUY_LOAD_SAMPLE, true),
    production: env.NODE_ENV === 'production',
    trustedProxies: trustedProxies(env.MISSIONBUY_TRUSTED_PROXIES),
    ftsUrl: env.MISSIONBUY_FTS_URL || undefined,
    contractsFinderUrl: env.MISSIONBUY_CF_URL || undefined,
    sync: (env.MISSIONBUY_SYNC ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    syncEveryMinutes: int('MISSIONBUY_SYNC_EVERY_MINUTES', env.MISSIONBUY_SYNC_EVERY_MINUTES, 15),
    oidc: oidcConfig(env),
    ...overrides,
  };
  if (!Value.Check(ConfigSchema, raw)) {
    const problems = [...Value.Errors(ConfigSchema, raw)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new AppError('CONFIG', `invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(raw);
}
