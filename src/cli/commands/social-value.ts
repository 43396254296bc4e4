// missionbuy social-value [--buyer ID] [--region CODE] [--mission ID] [--by GROUP] [--json]: social value committed
// vs delivered vs verified, one row per group and metric id (docs/social-value.md). The same data as
// GET /api/social-value and the /social-value pages.
import type { Command } from 'commander';
import {
  createSocialValueService,
  type RollUpResult,
} from '../../services/social-value/social-value.service.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

export function formatSocialValue(r: RollUpResult): string {
  const scope = [
    r.named.buyer && `buyer ${r.named.buyer}`,
    r.named.region && `region ${r.named.region}`,
    r.named.mission && `mission ${r.named.mission}`,
  ].filter(Boolean);
  const rows = r.rows.map((x) => [
    x.groupName,
    x.metricId,
    x.unit,
    x.commitments,
    x.committed ?? (x.additive ? null : 'not added'),
    x.delivered,
    x.verified,
    x.reports,
  ]);
  return [
    `Social value by ${r.by}${scope.length ? ` (${scope.join(', ')})` : ' (national)'}: only like metric ids are added up`,
    '',
    rows.length === 0
      ? 'No commitments match.'
      : formatTable(
          ['group', 'metric', 'unit', 'commitments', 'committed', 'delivered', 'verified', 'reports'],
          rows,
        ),
    ...(r.excluded.length
      ? ['', 'Not added up:', ...r.excluded.map((e) => `  ${e.ocid} ${e.metricId}: ${e.reason}`)]
      : []),
  ].join('\n');
}

interface Options {
  buyer?: string;
  region?: string;
  mission?: string;
  by?: string;
  json: boolean;
}

export function registerSocialValue(program: Command): void {
  program
    .command('social-value')
    .description(
      'Social value committed vs delivered vs verified, per metric id (never added across metrics)',
    )
    .option('--buyer <id>', 'buyer organisation id')
    .option('--region <code>', 'ITL1 region of the buyer (UKC … UKN)')
    .option(
      '--mission <id>',
      'mission id (growth, clean-energy, safer-streets, opportunity, nhs): its metrics',
    )
    .option('--by <group>', 'group by total (default), region, mission, buyer or contract')
    .option('--json', 'print as JSON (the same as GET /api/social-value)', false)
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy social-value\n  missionbuy social-value --region UKE --by buyer\n  missionbuy social-value --mission growth --json',
    )
    .action(async (opts: Options) => {
      await withDatabase(async ({ handle }) => {
        const sv = createSocialValueService({ db: handle.db });
        const result = await sv.rollUp(
          sv.filters({ buyer: opts.buyer, region: opts.region, mission: opts.mission, by: opts.by }),
        );
        process.stdout.write(`${opts.json ? JSON.stringify(result, null, 2) : formatSocialValue(result)}\n`);
      });
    });
}
