// OpenID Connect sign-in state (migration 0032, docs/accounts.md): provider accounts linked to users, and the
// sign-ins in flight. Linking or creating a user writes the audit log in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import { insertUserIn, USER_ENTITY, type UserRecord } from './accounts.repository.js';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  next: string;
}

export async function insertPendingLogin(
  db: Kysely<Database>,
  stateHash: Buffer,
  login: PendingLogin,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.deleteFrom('oidc_login').where('expires_at', '<=', now).execute();
  await db
    .insertInto('oidc_login')
    .values({
      state_hash: stateHash,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      next: login.next,
      expires_at: expiresAt,
    })
    .execute();
}

/** Takes a pending sign-in (it can be used once); null when unknown or expired. */
export async function takePendingLogin(
  db: Kysely<Database>,
  stateHash: Buffer,
  now: Date,
): Promise<PendingLogin | null> {
  const r = await db
    .deleteFrom('oidc_login')
    .where('state_hash', '=', stateHash)
    .returning(['code_verifier', 'nonce', 'next', 'expires_at'])
    .executeTakeFirst();
  if (!r || r.expires_at <= now) return null;
  return { codeVerifier: r.code_verifier, nonce: r.nonce, next: r.next };
}

/** The user linked to a provider account, after noting this sign-in. */
export async function userOfIdentity(
  db: Kysely<Database>,
  issuer: string,
  subject: string,
  now: Date,
): Promise<number | null> {
  const r = await db
    .updateTable('user_identity')
    .set({ last_sign_in_at: now })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id ?? null;
}

export interface Identity {
  issuer: string;
  subject: string;
}

async function linkIn(trx: Transaction<Database>, userId: number, identity: Identity, actor: string) {
  await trx
    .insertInto('user_identity')
    .values({ ...identity, user_id: userId })
    .execute();
  await writeAudit(trx, {
    actor,
    action: 'link-identity',
    entityType: USER_ENTITY,
    entityId: String(userId),
    before: null,
    after: identity,
  });
}

/** Links a provider account to an existing user (audited on the user). */
export async function linkIdentity(
  db: Kysely<Database>,
  userId: number,
  identity: Identity,
  actor: string,
): Promise<void> {
  await db.transaction().execute((trx) => linkIn(trx, userId, identity, actor));
}

/** Creates a user without a password for a provider account, linked to it (audited). */
export async function createUserForIdentity(
  db: Kysely<Database>,
  user: { email: string; name: string },
  identity: Identity,
  actor: string,
): Promise<UserRecord> {
  return db.transaction().execute(async (trx) => {
    const created = await insertUserIn(trx, { ...user, passwordHash: null }, actor);
    await linkIn(trx, created.id, identity, actor);
    return created;
  });
}
