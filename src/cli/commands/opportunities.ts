// missionbuy opportunities [--mission ID] [--region CODE] [--status S] [--page N] [--json]: published and closed
// mission market opportunities, newest first, as a table or as JSON (the same as GET /api/opportunities).
import type { Command } from 'commander';
import { createOpportunitiesService } from '../../services/opportunities/opportunities.service.js';
import type { OpportunityRecord } from '../../services/opportunities/opportunities.service.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

interface Options {
  mission?: string;
  region?: string;
  status?: string;
  sort?: string;
  page: string;
  json: boolean;
}

const budget = (o: OpportunityRecord) =>
  o.budgetMin || o.budgetMax ? `${o.budgetMin ?? ''}–${o.budgetMax ?? ''}` : null;

export function formatOpportunities(items: readonly OpportunityRecord[], total: number): string {
  if (items.length === 0) return 'No opportunities match.';
  const table = formatTable(
    ['id', 'title', 'publisher', 'missions', 'region', 'window', 'budget (£)', 'status'],
    items.map((o) => [
      o.id,
      o.title,
      o.organisationName,
      o.missionIds.join(' '),
      o.region,
      o.windowStart || o.windowEnd ? `${o.windowStart ?? ''}–${o.windowEnd ?? ''}` : null,
      budget(o),
      o.status,
    ]),
  );
  return `${table}\n${items.length} of ${total} opportunities.`;
}

export function registerOpportunities(program: Command): void {
  program
    .command('opportunities')
    .description('Mission market opportunities: published and closed, newest first (docs/opportunities.md)')
    .option('--mission <id>', 'only this mission (growth, clean-energy, safer-streets, opportunity, nhs)')
    .option('--region <code>', 'only this ITL region and the regions inside it, e.g. UKF')
    .option('--status <status>', 'published or closed')
    .option('--sort <key>', 'published, window, budget or title', 'published')
    .option('--page <n>', 'page (20 a page)', '1')
    .option('--json', 'print the page as JSON (the same as GET /api/opportunities)', false)
    .action(async (opts: Options) => {
      await withDatabase(async ({ handle }) => {
        const page = await createOpportunitiesService({ db: handle.db }).list({
          mission: opts.mission,
          region: opts.region,
          status: opts.status,
          sort: opts.sort,
          page: opts.page,
        });
        const { items, total } = page;
        process.stdout.write(
          `${opts.json ? JSON.stringify({ items, total, page: page.page, pageSize: page.pageSize }, null, 2) : formatOpportunities(items, total)}\n`,
        );
      });
    });
}
