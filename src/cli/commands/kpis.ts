// missionbuy kpis ratings [--buyer ID] [--overdue] [--as-of DAY] [--json]: KPIs from the data and entered by buyers,
// with their latest rating, schedule and overdue flags (docs/kpis.md); --json prints GET /api/kpis/ratings.
// `missionbuy kpis library` is in kpi-library.ts.
import type { Command } from 'commander';
import { OVERDUE_TEXT, ratingLabel } from '../../domain/kpi-rating.js';
import { AppError } from '../../errors.js';
import type { KpiWithStatus } from '../../analytics/kpis/index.js';
import { createKpisService } from '../../services/kpis/kpis.service.js';
import { loadCpvLabels } from '../../services/reference/cpv-labels.js';
import { withDatabase } from '../run.js';
import { registerKpiLibrary } from './kpi-library.js';
import { formatTable } from './quality.js';

export function formatKpis(asOf: string, kpis: readonly KpiWithStatus[], overdue: boolean): string {
  const rows = kpis.map((k) => {
    const latest = k.ratings.at(-1)?.rating ?? null;
    return [
      k.ocid,
      k.title.length > 50 ? `${k.title.slice(0, 49)}…` : k.title,
      k.source,
      latest === null ? null : ratingLabel(latest),
      k.status.lastRated,
      k.status.overdue.length
        ? k.status.overdue.map((o) => OVERDUE_TEXT[o]).join('; ')
        : (k.status.nextDue ?? k.status.finalDue),
    ];
  });
  return [
    `${kpis.length} ${overdue ? 'overdue ' : ''}KPI(s) as of ${asOf}. Definitions: docs/kpis.md`,
    ...(rows.length
      ? [
          '',
          formatTable(['ocid', 'KPI', 'source', 'latest rating', 'last rated', 'overdue or next due'], rows),
        ]
      : []),
  ].join('\n');
}

export function registerKpis(program: Command): void {
  const kpis = program
    .command('kpis')
    .description('KPIs: the library of templates (docs/kpi-library.md), and ratings (docs/kpis.md)');
  registerKpiLibrary(kpis);
  kpis
    .command('ratings')
    .description('KPIs with their latest rating and whether a rating is overdue')
    .option('--buyer <id>', 'organisation id of the buyer')
    .option('--overdue', 'only KPIs overdue for a rating', false)
    .option('--as-of <day>', 'status as of this day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON on stdout (as GET /api/kpis/ratings)', false)
    .action(async (opts: { buyer?: string; overdue: boolean; asOf?: string; json: boolean }) => {
      if (opts.buyer !== undefined && !/^[1-9]\d{0,15}$/.test(opts.buyer))
        throw new AppError(
          'BAD_REQUEST',
          `--buyer must be an organisation id (a whole number), not ${opts.buyer}`,
        );
      await withDatabase(async ({ handle }) => {
        const service = createKpisService({
          db: handle.db,
          cpv: loadCpvLabels(),
        });
        const a = await service.ratings({
          buyerId: opts.buyer === undefined ? undefined : Number(opts.buyer),
          overdue: opts.overdue,
          asOf: opts.asOf,
        });
        process.stdout.write(
          `${opts.json ? JSON.stringify(a, null, 2) : formatKpis(a.asOf, a.kpis, opts.overdue)}\n`,
        );
      });
    });
}
