// Accounts (issue 7, item 1; docs/accounts.md): local users with argon2id password hashes, roles per organisation
// and service-wide, and server-side sessions. Session tokens are 256 random bits, held only by the browser; the
// database keeps their SHA-256. Sign-in answers the same way, in about the same time, for an unknown email, a
// wrong password and a disabled account. Every change to a user or role is audited (entity "user").
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  listUsers,
  membershipsOf,
  saveDisabled,
  saveMembership,
  touchSession,
  type Membership,
  type UserRecord,
} from '../store/accounts.repository.js';
import { listAudit, writeAudit, type AuditRecord } from '../store/audit.repository.js';
import type { Database } from '../store/database.js';
import { parseEmail, parseGrant, parseNewUser, parseRole, type NewUserInput } from './accounts-input.js';
import type { Actor, OrganisationRole, ServiceRole } from './authz.js';
import { organisationOrThrow } from './quality-common.js';

/** Sessions end 8 hours after sign-in, or after 60 minutes without a request, whichever is first. */
export const SESSION_HOURS = 8;
export const SESSION_IDLE_MINUTES = 60;
const TOUCH_AFTER_MS = 60_000;

export const SIGN_IN_FAILED = 'Enter a correct email address and password';

// argon2id (the library's default, Algorithm.Argon2id = 2: a const enum, which isolated modules cannot import) with
// its default cost: 19 MiB, 2 passes, 1 lane — OWASP's minimum recommendation.
const ARGON2: Options = { algorithm: 2 as Options['algorithm'] };

export interface UserSummary extends UserRecord {
  roles: Membership[];
}

export interface NewSession {
  /** The cookie value: give it to the browser, never store or log it. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

export interface AccountsDeps {
  db: Kysely<Database>;
  now?: () => Date;
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const toActor = (u: UserRecord, roles: Membership[]): Actor => {
  const service = roles.find((r) => r.organisationId === null);
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    serviceRole: (service?.role as ServiceRole | undefined) ?? null,
    organisations: new Map(
      roles
        .filter((r) => r.organisationId !== null)
        .map((r) => [r.organisationId!, r.role as OrganisationRole]),
    ),
  };
};

export function createAccountsService({ db, now = () => new Date() }: AccountsDeps) {
  // Verified against when the email is unknown, so that case costs what a wrong password costs.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hash(randomBytes(16).toString('hex'), ARGON2));

  const userOrThrow = async (rawEmail: string) => {
    const email = parseEmail(rawEmail);
    const user = await findUserByEmail(db, email);
    if (!user) throw new AppError('NOT_FOUND', `There is no user with the email ${email}`);
    return user;
  };

  const summaries = async (users: UserRecord[]): Promise<UserSummary[]> => {
    const roles = await membershipsOf(
      db,
      users.map((u) => u.id),
    );
    return users.map((u) => ({ ...u, roles: roles.get(u.id) ?? [] }));
  };

  return {
    async createUser(input: NewUserInput, actor: string): Promise<UserRecord> {
      const u = parseNewUser(input);
      if (await findUserByEmail(db, u.email))
        throw new AppError('CONFLICT', `There is already a user with the email ${u.email}`);
      const passwordHash = await hash(u.password, ARGON2);
      try {
        return await insertUser(db, { email: u.email, name: u.name, passwordHash }, actor);
      } catch (e) {
        if ((e as { code?: string }).code === '23505')
          throw new AppError('CONFLICT', `There is already a user with the email ${u.email}`, { cause: e });
        throw e;
      }
    },

    /** Gives the user a role: in an organisation (replacing the one held there) or service-wide. */
    async grant(
      input: { email: string; role: string; organisationId?: number },
      actor: string,
    ): Promise<UserSummary> {
      const { role, organisationId } = parseGrant(parseRole(input.role), input.organisationId);
      const user = await userOrThrow(input.email);
      if (organisationId !== null) await organisationOrThrow(db, organisationId);
      await saveMembership(db, user.id, { organisation_id: organisationId, role }, actor);
      return (await summaries([user]))[0]!;
    },

    async setDisabled(email: string, disabled: boolean, actor: string): Promise<UserRecord> {
      const user = await userOrThrow(email);
      return saveDisabled(db, user.id, disabled, actor);
    },

    async list(): Promise<UserSummary[]> {
      return summaries(await listUsers(db));
    },

    /** A user's audit trail, newest first. */
    async history(email: string): Promise<AuditRecord[]> {
      const user = await userOrThrow(email);
      return listAudit(db, 'user', String(user.id));
    },

    /** Checks an email and password; the same UNAUTHENTICATED error whatever is wrong. */
    async authenticate(rawEmail: string, password: string): Promise<Actor> {
      let email = '';
      try {
        email = parseEmail(rawEmail);
      } catch {
        // Same path as an unknown user.
      }
      const user = email === '' ? null : await findUserByEmail(db, email);
      const stored = user?.passwordHash ?? (await dummy());
      const ok = await verify(stored, password.slice(0, 1024)).catch(() => false);
      if (!user || !user.passwordHash || !ok || user.disabled)
        throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED);
      return toActor(user, (await membershipsOf(db, [user.id])).get(user.id) ?? []);
    },

    /** The actor for a user who signed in another way (OpenID Connect); refused when unknown or disabled. */
    async actorFor(userId: number): Promise<Actor> {
      const user = await findUserById(db, userId);
      if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED);
      return toActor(user, (await membershipsOf(db, [user.id])).get(user.id) ?? []);
    },

    /** Starts a session for a signed-in user (a fresh token: sign-in never reuses a session). */
    async startSession(actor: Actor): Promise<NewSession> {
      const at = now();
      await deleteExpiredSessions(db, at, new Date(at.getTime() - SESSION_IDLE_MINUTES * 60_000));
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3_600_000);
      await db.transaction().execute(async (trx) => {
        await insertSession(trx, {
          idHash: hashToken(token),
          userId: actor.userId,
          csrfSecret: csrfToken,
          now: at,
          expiresAt,
        });
        await writeAudit(trx, {
          actor: actor.email,
          action: 'sign-in',
          entityType: 'user',
          entityId: String(actor.userId),
          before: null,
          after: { expiresAt: expiresAt.toISOString() },
        });
      });
      return { token, csrfToken, expiresAt };
    },

    /** The session's user and CSRF token, or null when the token is unknown, expired, idle or its user disabled. */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const idHash = hashToken(token);
      const found = await findSessionWithUser(db, idHash);
      if (!found) return null;
      const { session: s, user, memberships: roles } = found;
      const at = now();
      const idle = at.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000;
      if (at >= s.expiresAt || idle || user.disabled) {
        await deleteSession(db, idHash);
        return null;
      }
      if (at.getTime() - s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
        await touchSession(db, idHash, at);
      }
      return { actor: toActor(user, roles), csrfToken: s.csrfSecret, expiresAt: s.expiresAt };
    },

    /** Ends a session (sign-out); unknown tokens are ignored. */
    async endSession(token: string, actor: string): Promise<void> {
      const userId = await deleteSession(db, hashToken(token));
      if (userId !== null)
        await writeAudit(db, {
          actor,
          action: 'sign-out',
          entityType: 'user',
          entityId: String(userId),
          before: null,
          after: null,
        });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
