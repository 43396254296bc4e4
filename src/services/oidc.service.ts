// Sign-in with OpenID Connect (issue 7, item 1; docs/accounts.md "Signing in with OpenID Connect"), for production
// (e.g. GOV.UK One Login or an organisation's own provider), configured by environment only. The authorization
// code flow with PKCE, a state bound to the browser by a cookie and kept server-side as its hash, and a nonce; the
// openid-client library does the protocol (discovery, token exchange, ID token and userinfo checks).
// A provider account is linked to a user once, by (issuer, subject). At first sign-in it is linked to the user
// with the same email address when the provider says the address is verified; otherwise a user without roles is
// created (they can use what any signed-in user can; roles are granted as for local users). Audited.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { findUserByEmail } from '../store/accounts.repository.js';
import type { Database } from '../store/database.js';
import {
  createUserForIdentity,
  insertPendingLogin,
  linkIdentity,
  takePendingLogin,
  userOfIdentity,
} from '../store/oidc.repository.js';
import { NAME_MAX, parseEmail } from './accounts-input.js';
import type { AccountsService } from './accounts.service.js';
import type { Actor } from './authz.js';

/** How long a sign-in may take between the redirect to the provider and its answer. */
export const OIDC_LOGIN_MINUTES = 10;
export const OIDC_FAILED = 'Signing in did not finish. Try again.';
const ACTOR = 'openid-connect';

type OidcConfig = NonNullable<Config['oidc']>;

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Plain http only for a provider on this machine (a local test provider); anything else must be https. */
const isLoopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

async function discover(c: OidcConfig, production: boolean): Promise<oidc.Configuration> {
  const issuer = new URL(c.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && (production || !isLoopback(issuer)))
    throw new AppError(
      'CONFIG',
      `MISSIONBUY_OIDC_ISSUER must be https (only a loopback test provider may be http)`,
    );
  const auth = c.clientSecret ? oidc.ClientSecretBasic(c.clientSecret) : oidc.None();
  return oidc.discovery(issuer, c.clientId, undefined, auth, {
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 10,
  });
}

export interface OidcDeps {
  db: Kysely<Database>;
  config: Config;
  accounts: AccountsService;
  now?: () => Date;
}

export function createOidcService({ db, config, accounts, now = () => new Date() }: OidcDeps) {
  const c = config.oidc;
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = (settings: OidcConfig): Promise<oidc.Configuration> =>
    (discovered ??= discover(settings, config.production).catch((e: unknown) => {
      discovered = undefined; // try again on the next sign-in
      if (e instanceof AppError) throw e;
      throw new AppError('UPSTREAM', 'The sign-in service cannot be reached. Try again later.', { cause: e });
    }));
  const settings = (): OidcConfig => {
    if (!c) throw new AppError('NOT_FOUND', 'Signing in with OpenID Connect is not set up on this service');
    return c;
  };

  /** The user for a provider account: linked before, linked now by verified email, or created. */
  async function userFor(issuer: string, info: oidc.UserInfoResponse): Promise<number> {
    const at = now();
    const linked = await userOfIdentity(db, issuer, info.sub, at);
    if (linked !== null) return linked;
    let email = '';
    try {
      if (info.email_verified === true && typeof info.email === 'string') email = parseEmail(info.email);
    } catch {
      // Not an address we can use: as if none was given.
    }
    if (email === '')
      throw new AppError('UNAUTHENTICATED', 'Your sign-in provider did not confirm an email address for you');
    const identity = { issuer, subject: info.sub };
    const existing = await findUserByEmail(db, email);
    if (existing) {
      await linkIdentity(db, existing.id, identity, ACTOR);
      return existing.id;
    }
    const name =
      typeof info.name === 'string' && info.name.trim() !== '' ? info.name.trim().slice(0, NAME_MAX) : email;
    return (await createUserForIdentity(db, { email, name }, identity, ACTOR)).id;
  }

  return {
    /** The sign-in button's text, or null when OpenID Connect is not configured. */
    label: c?.label ?? null,

    /** Starts a sign-in: where to send the browser, and the state to bind to it (a cookie). */
    async begin(next: string): Promise<{ url: string; state: string }> {
      const s = settings();
      const conf = await configuration(s);
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const at = now();
      await insertPendingLogin(
        db,
        sha256(state),
        { codeVerifier, nonce, next },
        at,
        new Date(at.getTime() + OIDC_LOGIN_MINUTES * 60_000),
      );
      const url = oidc.buildAuthorizationUrl(conf, {
        redirect_uri: s.redirectUrl,
        scope: s.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, state };
    },

    /**
     * Finishes a sign-in from the provider's answer (the callback URL with its query) and the state the browser
     * held. Fails with UNAUTHENTICATED, writing nothing, when the state is missing, reused, expired or not this
     * browser's, or when the provider refused or its answer does not verify.
     */
    async finish(query: string, browserState: string | undefined): Promise<{ actor: Actor; next: string }> {
      const s = settings();
      const conf = await configuration(s);
      const callback = new URL(s.redirectUrl);
      callback.search = query;
      const state = callback.searchParams.get('state') ?? '';
      if (state === '' || browserState !== state) throw new AppError('UNAUTHENTICATED', OIDC_FAILED);
      const pending = await takePendingLogin(db, sha256(state), now());
      if (!pending) throw new AppError('UNAUTHENTICATED', OIDC_FAILED);
      let info: oidc.UserInfoResponse;
      try {
        const tokens = await oidc.authorizationCodeGrant(conf, callback, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const sub = tokens.claims()!.sub;
        info = await oidc.fetchUserInfo(conf, tokens.access_token, sub);
      } catch (e) {
        throw new AppError('UNAUTHENTICATED', OIDC_FAILED, { cause: e });
      }
      const userId = await userFor(conf.serverMetadata().issuer, info);
      return { actor: await accounts.actorFor(userId), next: pending.next };
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
