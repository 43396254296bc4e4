// Test organisations and actors: a buyer added by name (entity key `test:<name>`), a fresh database with buyers for
// import tests, members with a role each, and the central team's actor as the services see a signed-in central user.
import type { Kysely } from 'kysely';
import { createAccountsService, type AccountsService } from '../../src/services/accounts.service.js';
import type { Database } from '../../src/store/database.js';
import { createTestDb, type TestDb } from './db.js';
import { tempDir, type TempDir } from './files.js';

/** Adds an organisation named `name` and returns its id. */
export async function addOrganisation(db: Kysely<Database>, name: string): Promise<number> {
  const r = await db
    .insertInto('organisation')
    .values({ entity_key: `test:${name}`, name, normalised_name: name.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export { centralActor } from './actors.js';

/** A fresh test database with the named buyers added (their ids in the order named) and a temporary folder. */
export async function openImportDb<N extends readonly string[]>(
  ...names: N
): Promise<{ t: TestDb; tmp: TempDir; ids: { [K in keyof N]: number } }> {
  const t = await createTestDb();
  const ids: number[] = [];
  for (const name of names) ids.push(await addOrganisation(t.db, name));
  return { t, tmp: tempDir(), ids: ids as { [K in keyof N]: number } };
}

/** Removes what openImportDb made. */
export async function closeImportDb(db: { t: TestDb; tmp: TempDir }): Promise<void> {
  db.tmp.remove();
  await db.t.drop();
}

type Role = Parameters<AccountsService['grant']>[0]['role'];

/** Users (named after their email's local part) with one role each at an organisation, all with `password`. */
export async function addMembers(
  db: Kysely<Database>,
  password: string,
  members: readonly (readonly [email: string, role: Role, organisationId: number])[],
): Promise<void> {
  const accounts = createAccountsService({ db });
  for (const [email, role, organisationId] of members) {
    await accounts.createUser({ email, name: email.split('@')[0]!, password }, 'test');
    await accounts.grant({ email, role, organisationId }, 'test');
  }
}
