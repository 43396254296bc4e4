// Forward-only migrations, listed explicitly (no folder scanning, so src/ and dist/ behave the same).
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../errors.js';
import * as m0001 from './migrations/0001-releases.js';
import * as m0002 from './migrations/0002-contract-model.js';
import * as m0003 from './migrations/0003-sync.js';
import * as m0004 from './migrations/0004-documents-as-text.js';
import * as m0005 from './migrations/0005-quality.js';
import * as m0006 from './migrations/0006-quality-snapshot.js';
import * as m0007 from './migrations/0007-local-data.js';
import * as m0008 from './migrations/0008-horizon.js';
import * as m0009 from './migrations/0009-quality-league.js';
import * as m0011 from './migrations/0011-market.js';
import * as m0012 from './migrations/0012-accounts.js';
import * as m0013 from './migrations/0013-horizon-entry.js';
import * as m0014 from './migrations/0014-drop-unused-horizon-indexes.js';
import * as m0016 from './migrations/0016-pipeline.js';
import * as m0017 from './migrations/0017-missions.js';
import * as m0018 from './migrations/0018-suppliers.js';
import * as m0019 from './migrations/0019-saved-searches.js';
import * as m0020 from './migrations/0020-notice-import.js';
import * as m0022 from './migrations/0022-supplier-profile-indexes.js';
import * as m0023 from './migrations/0023-register-horizon.js';
import * as m0024 from './migrations/0024-kpi-library.js';
import * as m0025 from './migrations/0025-kpi-ratings.js';
import * as m0026 from './migrations/0026-social-value.js';
import * as m0027 from './migrations/0027-lm3-survey.js';
import * as m0028 from './migrations/0028-engagement.js';
import * as m0029 from './migrations/0029-opportunities.js';
import * as m0030 from './migrations/0030-analytics-summaries.js';
import * as m0032 from './migrations/0032-oidc.js';
import * as m0033 from './migrations/0033-mission-summary.js';
import * as m0034 from './migrations/0034-market-summary.js';
import * as m0035 from './migrations/0035-redflags-national-modifications.js';
import * as m0036 from './migrations/0036-collaboration-summary.js';
import * as m0038 from './migrations/0038-kpi-measured-ratings.js';
import * as m0039 from './migrations/0039-mission-fact-summaries.js';
import * as m0040 from './migrations/0040-local-data-buyers.js';
import * as m0041 from './migrations/0041-paid-categories-vcse-la.js';
import * as m0043 from './migrations/0043-market-period.js';
import * as m0044 from './migrations/0044-horizon-missions.js';
import * as m0045 from './migrations/0045-mission-records.js';
import * as m0047 from './migrations/0047-horizon-day-counts.js';

export const migrations: Record<string, Migration> = {
  '0001-releases': m0001,
  '0002-contract-model': m0002,
  '0003-sync': m0003,
  '0004-documents-as-text': m0004,
  '0005-quality': m0005,
  '0006-quality-snapshot': m0006,
  '0007-local-data': m0007,
  '0008-horizon': m0008,
  '0009-quality-league': m0009,
  '0011-market': m0011,
  '0012-accounts': m0012,
  '0013-horizon-entry': m0013,
  '0014-drop-unused-horizon-indexes': m0014,
  '0016-pipeline': m0016,
  '0017-missions': m0017,
  '0018-suppliers': m0018,
  '0019-saved-searches': m0019,
  '0020-notice-import': m0020,
  '0022-supplier-profile-indexes': m0022,
  '0023-register-horizon': m0023,
  '0024-kpi-library': m0024,
  '0025-kpi-ratings': m0025,
  '0026-social-value': m0026,
  '0027-lm3-survey': m0027,
  '0028-engagement': m0028,
  '0029-opportunities': m0029,
  '0030-analytics-summaries': m0030,
  '0032-oidc': m0032,
  '0033-mission-summary': m0033,
  '0034-market-summary': m0034,
  '0035-redflags-national-modifications': m0035,
  '0036-collaboration-summary': m0036,
  '0038-kpi-measured-ratings': m0038,
  '0039-mission-fact-summaries': m0039,
  '0040-local-data-buyers': m0040,
  '0041-paid-categories-vcse-la': m0041,
  '0043-market-period': m0043,
  '0044-horizon-missions': m0044,
  '0045-mission-records': m0045,
  '0047-horizon-day-counts': m0047,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: Kysely<any>
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
    // Features land in parallel, each with its own number, so a database can have run a later number before an
    // earlier one lands (e.g. 0030 before 0024): run the missing one then, instead of refusing to start. Each
    // migration touches only its own tables, so their order between features does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new AppError(
      'UPSTREAM',
      `migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`,
      {
        cause: error,
      },
    );
  }
}
