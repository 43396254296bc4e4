// missionbuy standards [--region CODE | --org ID] [--json]: the effective standards catalogue — missions, outcomes
// and metrics with the tier each comes from, priorities and minimum weightings (docs/missions.md). The same data
// as GET /api/standards and the /standards pages.
import type { Command } from 'commander';
import type { EffectiveView } from '../../services/missions/standards.service.js';
import { createStandardsService } from '../../services/missions/standards.service.js';
import type { Provenance, Resolved } from '../../domain/missions/standard.js';
import { usageError, withDatabase } from '../run.js';
import { formatTable } from './quality.js';

const from = (p: Provenance): string => (p.tier === 'national' ? 'national' : p.scope);
const resolved = <T>(r: Resolved<T> | null, suffix = ''): string | null =>
  r ? `${String(r.value)}${suffix} (${from(r.from)})` : null;

export function formatStandard({ scope, standard }: EffectiveView): string {
  const who = scope.organisation
    ? `${scope.organisation.name} (organisation ${scope.organisation.id}${scope.region ? `, region ${scope.region.code} ${scope.region.name}` : ', region not known'})`
    : scope.region
      ? `${scope.region.name} (${scope.region.code})`
      : 'national';
  const rows: (string | null)[][] = [];
  for (const m of standard.missions) {
    rows.push([
      `${m.name} [${m.id}]`,
      'mission',
      null,
      resolved(m.priority),
      resolved(m.minWeightPercent, '%'),
      from(m.provenance),
    ]);
    for (const o of m.outcomes) {
      rows.push([
        `  ${o.name} [${o.id}]${o.status === 'retired' ? ' (retired)' : ''}`,
        'outcome',
        null,
        resolved(o.priority),
        resolved(o.minWeightPercent, '%'),
        from(o.provenance),
      ]);
      for (const x of o.metrics)
        rows.push([
          `    ${x.name} [${x.id}]${x.status === 'retired' ? ' (retired)' : ''}`,
          'metric',
          `${x.unit}, ${x.direction} is better`,
          null,
          null,
          from(x.provenance),
        ]);
    }
  }
  return [
    `Standard for ${who}: tiers ${scope.scopes.join(' → ')}`,
    `${standard.standard.name} (from ${standard.standard.validFrom})`,
    `Social value minimum weighting: ${resolved(standard.socialValueMinWeightPercent, '%') ?? 'none'} of the total score`,
    '',
    formatTable(['item', 'kind', 'unit', 'priority', 'min weighting', 'from'], rows),
    ...(standard.conflicts.length
      ? [
          '',
          'Set aside by the resolution rules:',
          ...standard.conflicts.map((c) => `  ${c.rule}: ${c.message}`),
        ]
      : []),
  ].join('\n');
}

interface StandardsOptions {
  region?: string;
  org?: string;
  json: boolean;
}

export function registerStandards(program: Command): void {
  program
    .command('standards')
    .description(
      'The effective standards catalogue (missions → outcomes → metrics) with where each item comes from',
    )
    .option('--region <code>', 'ITL1 region code (UKC … UKN): the regional standard')
    .option('--org <id>', 'buyer organisation id: its effective standard (national → region → buyer)')
    .option('--json', 'print as JSON (the same as GET /api/standards)', false)
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy standards\n  missionbuy standards --region UKE\n  missionbuy standards --org 441 --json',
    )
    .action(async (opts: StandardsOptions) => {
      if (opts.region !== undefined && opts.org !== undefined)
        throw usageError('Give --region or --org, not both');
      if (opts.org !== undefined && !/^\d{1,15}$/.test(opts.org))
        throw usageError(`--org must be an organisation id, got "${opts.org}"`);
      await withDatabase(async ({ handle }) => {
        const view = await createStandardsService({ db: handle.db }).effective({
          region: opts.region,
          org: opts.org === undefined ? undefined : Number(opts.org),
        });
        process.stdout.write(`${opts.json ? JSON.stringify(view, null, 2) : formatStandard(view)}\n`);
      });
    });
}
