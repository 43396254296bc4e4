// Accounts on a real database with the sample's organisations: argon2id hashes, sign-in failures that all look
// the same, disabled users, session expiry (absolute and idle), roles, and the audit trail of every change.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  createAccountsService,
  hashToken,
  SIGN_IN_FAILED,
  type AccountsService,
} from '../../src/services/accounts.service.js';
import { can } from '../../src/services/authz.js';
import { createSampleDb, type TestDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'correct horse battery staple';

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('accounts service', () => {
  let t: TestDb;
  let clock: Date;
  let accounts: AccountsService;
  let derby: number;
  let other: number;
  beforeAll(async () => {
    t = await createSampleDb();
    clock = new Date('2026-11-25T09:00:00Z');
    accounts = createAccountsService({ db: t.db, now: () => clock });
    derby = await organisationIdByName(t, 'DERBY CITY COUNCIL');
    const r = await sql<{
      id: string;
    }>`select id from organisation where id <> ${derby} order by id limit 1`.execute(t.db);
    other = Number(r.rows[0]!.id);
  }, 180_000);
  afterAll(() => t.drop());

  it('creates a user with an argon2id hash (never the password) and audits it without the hash', async () => {
    const u = await accounts.createUser(
      { email: ' Ada@Derby.gov.uk ', name: 'Ada  Lovelace', password: PASSWORD },
      'cli:test',
    );
    expect(u).toMatchObject({ email: 'ada@derby.gov.uk', name: 'Ada Lovelace', disabled: false });
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const [entry] = await accounts.history('ada@derby.gov.uk');
    expect(entry).toMatchObject({
      actor: 'cli:test',
      action: 'create',
      entityType: 'user',
      entityId: String(u.id),
      before: null,
    });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('refuses bad input, weak passwords and a second account for the same email (any case)', async () => {
    expect(
      await failure(accounts.createUser({ email: 'not-an-email', name: '', password: 'short' }, 'x')),
    ).toEqual({
      code: 'BAD_REQUEST',
      message:
        'email: "not-an-email" is not an email address; name: is required; password: at least 12 characters (got 5)',
    });
    expect(
      (
        await failure(
          accounts.createUser({ email: 'b@x.gov.uk', name: 'B', password: 'aaaaaaaaaaaaaaa' }, 'x'),
        )
      ).message,
    ).toMatch(/too repetitive/);
    expect(
      await failure(
        accounts.createUser({ email: 'ADA@derby.gov.uk', name: 'Other', password: PASSWORD }, 'x'),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'There is already a user with the email ada@derby.gov.uk',
    });
  });

  it('signs in with the right password only, with one message for every failure', async () => {
    const actor = await accounts.authenticate('ADA@derby.gov.uk', PASSWORD);
    expect(actor).toMatchObject({ email: 'ada@derby.gov.uk', serviceRole: null });
    const wrong = await failure(accounts.authenticate('ada@derby.gov.uk', `${PASSWORD}!`));
    const unknown = await failure(accounts.authenticate('nobody@derby.gov.uk', PASSWORD));
    const malformed = await failure(accounts.authenticate('nobody', PASSWORD));
    expect(wrong).toEqual({ code: 'UNAUTHENTICATED', message: SIGN_IN_FAILED });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);
  });

  it('grants roles per organisation (replacing) and service-wide, each audited with before and after', async () => {
    await accounts.grant({ email: 'ada@derby.gov.uk', role: 'editor', organisationId: derby }, 'cli:test');
    const s = await accounts.grant(
      { email: 'ada@derby.gov.uk', role: 'accountable-officer', organisationId: derby },
      'cli:test',
    );
    expect(s.roles).toEqual([
      { organisationId: derby, organisationName: 'DERBY CITY COUNCIL', role: 'accountable-officer' },
    ]);
    const actor = await accounts.authenticate('ada@derby.gov.uk', PASSWORD);
    expect(can(actor, 'officer.set', { organisationId: derby })).toBe(true);
    expect(can(actor, 'officer.set', { organisationId: other })).toBe(false);
    const grants = (await accounts.history('ada@derby.gov.uk')).filter((a) => a.action === 'grant');
    expect(grants.map((g) => [g.before, g.after])).toEqual([
      [
        { organisationId: derby, role: 'editor' },
        { organisationId: derby, role: 'accountable-officer' },
      ],
      [null, { organisationId: derby, role: 'editor' }],
    ]);
    expect(
      await failure(accounts.grant({ email: 'ada@derby.gov.uk', role: 'admin', organisationId: derby }, 'x')),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'admin is a service-wide role: give it without an organisation',
    });
    expect((await failure(accounts.grant({ email: 'ada@derby.gov.uk', role: 'editor' }, 'x'))).code).toBe(
      'BAD_REQUEST',
    );
    expect(
      (
        await failure(
          accounts.grant({ email: 'ada@derby.gov.uk', role: 'owner', organisationId: derby }, 'x'),
        )
      ).message,
    ).toMatch(/^role: must be one of viewer, editor, accountable-officer, central, admin/);
    expect(
      (
        await failure(
          accounts.grant({ email: 'ada@derby.gov.uk', role: 'viewer', organisationId: 999_999_999 }, 'x'),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failure(accounts.grant({ email: 'zed@derby.gov.uk', role: 'admin' }, 'x'))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps sessions server-side, hashed, and ends them on sign-out, expiry and idleness', async () => {
    const actor = await accounts.authenticate('ada@derby.gov.uk', PASSWORD);
    const s = await accounts.startSession(actor);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.selectFrom('sessions').select(['id_hash']).execute();
    expect(stored.map((r) => r.id_hash.toString('hex'))).toContain(hashToken(s.token).toString('hex'));
    expect(stored.map((r) => r.id_hash.toString())).not.toContain(s.token);

    const resolved = await accounts.resolveSession(s.token);
    expect(resolved?.actor.email).toBe('ada@derby.gov.uk');
    expect(resolved?.csrfToken).toBe(s.csrfToken);
    expect(
      await accounts.resolveSession(`${s.token.slice(0, -1)}${s.token.endsWith('A') ? 'B' : 'A'}`),
    ).toBeNull();

    // Idle for 59 minutes: still signed in (and seen again); 61 more minutes idle: gone.
    clock = new Date(clock.getTime() + 59 * 60_000);
    expect(await accounts.resolveSession(s.token)).not.toBeNull();
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect(await accounts.resolveSession(s.token)).toBeNull();

    // Absolute expiry: active every 50 minutes, still ends 8 hours after sign-in.
    const s2 = await accounts.startSession(actor);
    for (let minutes = 50; minutes <= 450; minutes += 50) {
      clock = new Date(clock.getTime() + 50 * 60_000);
      expect(await accounts.resolveSession(s2.token), `${minutes} minutes after sign-in`).not.toBeNull();
    }
    clock = new Date(clock.getTime() + 50 * 60_000); // 500 minutes: past 8 hours
    expect(await accounts.resolveSession(s2.token)).toBeNull();

    const s3 = await accounts.startSession(actor);
    await accounts.endSession(s3.token, actor.email);
    expect(await accounts.resolveSession(s3.token)).toBeNull();
    const actions = (await accounts.history('ada@derby.gov.uk')).map((a) => a.action);
    expect(actions.filter((a) => a === 'sign-in')).toHaveLength(3);
    expect(actions.filter((a) => a === 'sign-out')).toHaveLength(1);
  });

  it('a disabled user cannot sign in and loses their sessions; both changes audited', async () => {
    const actor = await accounts.authenticate('ada@derby.gov.uk', PASSWORD);
    const s = await accounts.startSession(actor);
    await accounts.setDisabled('ada@derby.gov.uk', true, 'cli:test');
    expect(await accounts.resolveSession(s.token)).toBeNull();
    expect(await failure(accounts.authenticate('ada@derby.gov.uk', PASSWORD))).toEqual({
      code: 'UNAUTHENTICATED',
      message: SIGN_IN_FAILED,
    });
    const [latest] = await accounts.history('ada@derby.gov.uk');
    expect(latest).toMatchObject({
      action: 'disable',
      before: { disabled: false },
      after: { disabled: true },
    });
    await accounts.setDisabled('ada@derby.gov.uk', false, 'cli:test');
    expect((await accounts.authenticate('ada@derby.gov.uk', PASSWORD)).email).toBe('ada@derby.gov.uk');
  });

  it('lists users with their roles', async () => {
    await accounts.createUser(
      { email: 'root@example.gov.uk', name: 'Root', password: PASSWORD.toUpperCase() },
      'cli:test',
    );
    await accounts.grant({ email: 'root@example.gov.uk', role: 'admin' }, 'cli:test');
    const list = await accounts.list();
    expect(list.map((u) => [u.email, u.roles.map((r) => `${r.role}@${r.organisationId ?? '*'}`)])).toEqual([
      ['ada@derby.gov.uk', [`accountable-officer@${derby}`]],
      ['root@example.gov.uk', ['admin@*']],
    ]);
  });
});
