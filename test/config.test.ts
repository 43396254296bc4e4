// Configuration from the environment: the OpenID Connect settings (docs/accounts.md) and their checks.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createAccountsService } from '../src/services/accounts.service.js';
import { createOidcService } from '../src/services/oidc.service.js';
import type { Database } from '../src/store/database.js';

const OIDC = {
  MISSIONBUY_OIDC_ISSUER: 'https://oidc.example.gov.uk',
  MISSIONBUY_OIDC_CLIENT_ID: 'missionbuy',
  MISSIONBUY_OIDC_REDIRECT_URL: 'https://missionbuy.example.gov.uk/login/oidc/callback',
};

describe('OpenID Connect configuration', () => {
  it('is off unless an issuer is set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('reads the settings, with defaults for scopes and the button', () => {
    expect(loadConfig({ ...OIDC, MISSIONBUY_OIDC_CLIENT_SECRET: 's3cret' }).oidc).toEqual({
      issuer: 'https://oidc.example.gov.uk',
      clientId: 'missionbuy',
      clientSecret: 's3cret',
      redirectUrl: 'https://missionbuy.example.gov.uk/login/oidc/callback',
      scopes: 'openid email profile',
      label: 'Sign in with your organisation account',
    });
    expect(loadConfig(OIDC).oidc).not.toHaveProperty('clientSecret');
  });

  it('names what is missing or wrong', () => {
    expect(() => loadConfig({ MISSIONBUY_OIDC_ISSUER: OIDC.MISSIONBUY_OIDC_ISSUER })).toThrow(
      /MISSIONBUY_OIDC_CLIENT_ID and MISSIONBUY_OIDC_REDIRECT_URL must be set/,
    );
    expect(() => loadConfig({ ...OIDC, MISSIONBUY_OIDC_ISSUER: 'ftp://oidc.example' })).toThrow(
      /MISSIONBUY_OIDC_ISSUER must be an http\(s\) URL/,
    );
  });

  it('refuses a plain-http provider that is not on this machine, before any request', async () => {
    const config = loadConfig({ ...OIDC, MISSIONBUY_OIDC_ISSUER: 'http://oidc.example.gov.uk' });
    const db = {} as Kysely<Database>; // never reached
    const oidc = createOidcService({ db, config, accounts: createAccountsService({ db }) });
    await expect(oidc.begin('/')).rejects.toMatchObject({ code: 'CONFIG' });
  });
});

describe('trusted proxies (MISSIONBUY_TRUSTED_PROXIES)', () => {
  it('trusts none by default, in production too', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production' }).trustedProxies).toEqual([]);
  });

  it('reads addresses, CIDR ranges and proxy-addr’s named ranges', () => {
    expect(
      loadConfig({ MISSIONBUY_TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16 ,fd00::/8,loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else, naming it (a hop count included: Fastify cannot check the peer with one)', () => {
    for (const bad of ['2', 'proxy.example', '10.0.0.0/33', '10.0.0/8', '*'])
      expect(() => loadConfig({ MISSIONBUY_TRUSTED_PROXIES: `10.0.0.1,${bad}` })).toThrow(
        new RegExp(`MISSIONBUY_TRUSTED_PROXIES must list .*not "${bad.replace(/[.*/]/g, '\\$&')}"`),
      );
  });
});
