// Users, their roles and their sessions (migration 0012). Every change to a user or a role writes an audit_log
// entry (entity "user", id = the user's id) in the same transaction; the password hash never enters the log.
import type { Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { MembershipsTable, Role } from './accounts.types.js';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const USER_ENTITY = 'user';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  disabled: boolean;
  createdAt: Date;
}

export interface UserWithHash extends UserRecord {
  passwordHash: string | null;
}

export interface Membership {
  organisationId: number | null;
  organisationName: string | null;
  role: Role;
}

const userColumns = ['id', 'email', 'name', 'disabled', 'created_at', 'password_hash'] as const;

type UserRow = {
  id: number;
  email: string;
  name: string;
  disabled: boolean;
  created_at: Date;
  password_hash: string | null;
};

const toUser = (r: Omit<UserRow, 'password_hash'>): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  disabled: r.disabled,
  createdAt: r.created_at,
});

export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | null> {
  const r = await db
    .selectFrom('users')
    .select(userColumns)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  const r = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').select(userColumns).orderBy('email').execute();
  return rows.map(toUser);
}

export async function membershipsOf(db: Db, userIds: readonly number[]): Promise<Map<number, Membership[]>> {
  const out = new Map<number, Membership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.user_id', 'm.organisation_id', 'm.role', 'o.name'])
    .where('m.user_id', 'in', [...userIds])
    .orderBy('m.user_id')
    .orderBy('o.name')
    .execute();
  for (const r of rows)
    out.get(r.user_id)!.push({ organisationId: r.organisation_id, organisationName: r.name, role: r.role });
  return out;
}

export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; passwordHash: string },
  actor: string,
): Promise<UserRecord> {
  return db.transaction().execute((trx) => insertUserIn(trx, user, actor));
}

/** Inserts a user and its audit entry inside the caller's transaction (no password: OpenID Connect only). */
export async function insertUserIn(
  trx: Transaction<Database>,
  user: { email: string; name: string; passwordHash: string | null },
  actor: string,
): Promise<UserRecord> {
  const r = await trx
    .insertInto('users')
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  const after = toUser(r);
  await writeAudit(trx, {
    actor,
    action: 'create',
    entityType: USER_ENTITY,
    entityId: String(r.id),
    before: null,
    after,
  });
  return after;
}

/** Sets the user's role in an organisation (or their service-wide role when organisationId is null). */
export async function saveMembership(
  db: Kysely<Database>,
  userId: number,
  m: Pick<MembershipsTable, 'organisation_id' | 'role'>,
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('memberships')
      .select(['organisation_id', 'role'])
      .where('user_id', '=', userId)
      .where((eb) =>
        m.organisation_id === null
          ? eb('organisation_id', 'is', null)
          : eb('organisation_id', '=', m.organisation_id),
      )
      .forUpdate()
      .executeTakeFirst();
    const values = { role: m.role, granted_at: new Date(), granted_by: actor };
    await trx
      .insertInto('memberships')
      .values({ user_id: userId, organisation_id: m.organisation_id, ...values })
      .onConflict((oc) => oc.constraint('memberships_one_role').doUpdateSet(values))
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'grant',
      entityType: USER_ENTITY,
      entityId: String(userId),
      before: before ? { organisationId: before.organisation_id, role: before.role } : null,
      after: { organisationId: m.organisation_id, role: m.role },
    });
  });
}

export async function saveDisabled(
  db: Kysely<Database>,
  userId: number,
  disabled: boolean,
  actor: string,
): Promise<UserRecord> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(userColumns)
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const r = await trx
      .updateTable('users')
      .set({ disabled })
      .where('id', '=', userId)
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    // Disabling signs the user out everywhere.
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await writeAudit(trx, {
      actor,
      action: disabled ? 'disable' : 'enable',
      entityType: USER_ENTITY,
      entityId: String(userId),
      before: toUser(before),
      after: toUser(r),
    });
    return toUser(r);
  });
}

export interface SessionRecord {
  userId: number;
  csrfSecret: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function insertSession(
  db: Db,
  s: { idHash: Buffer; userId: number; csrfSecret: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_secret: s.csrfSecret,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** A session with its user and the user's roles, in one round trip (every signed-in request reads it). */
export async function findSessionWithUser(
  db: Db,
  idHash: Buffer,
): Promise<{ session: SessionRecord; user: UserRecord; memberships: Membership[] } | null> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      's.csrf_secret',
      's.created_at as session_created_at',
      's.expires_at',
      's.last_seen_at',
    ])
    .select(['u.id', 'u.email', 'u.name', 'u.disabled', 'u.created_at'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
          .select(['m.organisation_id as organisationId', 'o.name as organisationName', 'm.role'])
          .whereRef('m.user_id', '=', 'u.id')
          .orderBy('o.name'),
      ).as('memberships'),
    )
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!r) return null;
  return {
    session: {
      userId: r.user_id,
      csrfSecret: r.csrf_secret,
      createdAt: r.session_created_at,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
    },
    user: toUser(r),
    memberships: r.memberships.map((m) => ({
      organisationId: m.organisationId === null ? null : Number(m.organisationId),
      organisationName: m.organisationName,
      role: m.role,
    })),
  };
}

export async function touchSession(db: Db, idHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

/** Deletes one session; returns its user when there was one. */
export async function deleteSession(db: Db, idHash: Buffer): Promise<number | null> {
  const r = await db
    .deleteFrom('sessions')
    .where('id_hash', '=', idHash)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id ?? null;
}

export async function deleteExpiredSessions(db: Db, now: Date, idleSince: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
    .execute();
}
