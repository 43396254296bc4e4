import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../../src/store/migrate.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it('creates every table and records every migration once', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`.execute(
      t.db,
    );
    const names = tables.rows.map((r) => r.table_name);
    for (const table of ['release', 'quarantine', 'record', 'process', 'organisation', 'award', 'contract']) {
      expect(names).toContain(table);
    }
    const applied = await sql<{ name: string }>`select name from schema_migration order by name`.execute(
      t.db,
    );
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });

  it('is forward-only and idempotent: running again changes nothing', async () => {
    await migrateToLatest(t.db);
    const applied = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(t.db);
    expect(applied.rows[0]?.n).toBe(Object.keys(migrations).length);
  });

  it('runs a migration that landed after a later-numbered one already ran (features land in parallel)', async () => {
    const u = await createTestDb({ migrate: false });
    try {
      const names = Object.keys(migrations);
      const skipped = names[names.length - 3]!;
      const without = Object.fromEntries(Object.entries(migrations).filter(([n]) => n !== skipped));
      const early = new Migrator({
        db: u.db,
        provider: { getMigrations: async () => without },
        migrationTableName: 'schema_migration',
        migrationLockTableName: 'schema_migration_lock',
      });
      expect((await early.migrateToLatest()).error).toBeUndefined();
      await migrateToLatest(u.db);
      const applied = await sql<{ name: string }>`select name from schema_migration order by name`.execute(
        u.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(names);
    } finally {
      await u.drop();
    }
  });
});
