// missionbuy horizon [--months N] [--buyer ID] [--cpv CODE] [--region CODE] [--supplier ID] [--mission ID]
// [--as-of DAY] [--json|--csv]: let contracts ending in the next months, with the figures the /horizon page shows
// (docs/horizon-scan.md).
import { wholePounds } from '../../domain/words.js';
import type { Command } from 'commander';
import { horizonSupplierNames, type HorizonItem } from '../../analytics/horizon/index.js';
import { createHorizonService, type HorizonScan } from '../../services/horizon/horizon.service.js';
import { withDatabase } from '../run.js';
import { addListOptions, checkListOutput, listInput, printList, type ListOptions } from './list-output.js';
import { formatTable } from './quality.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function valueText(i: HorizonItem): string | null {
  if (!i.value) return null;
  const amount =
    i.value.currency === 'GBP' ? wholePounds(i.value.amount) : `${i.value.currency ?? ''} ${i.value.amount}`;
  return `${amount}${i.value.basis === 'tender' ? ' (est.)' : ''}`;
}

/** The ocid, or for a register contract where it came from: `register S1417 (line 2)`. */
function sourceText(i: HorizonItem): string {
  if (i.source.kind === 'ocds') return i.ocid ?? '';
  return `register ${i.source.reference ?? ''} (line ${i.source.line})`.replace('  ', ' ');
}

function procedureText(i: HorizonItem): string {
  const p = i.procedure;
  const what = clip(p.details ?? p.method ?? 'not known', 34);
  return p.directAward ? `${what} [direct award]` : what;
}

export function formatHorizon(s: HorizonScan): string {
  const pages = Math.max(1, Math.ceil(s.total / s.pageSize));
  const windows = s.summary.map(
    (w) =>
      `  ${String(w.months).padStart(2)} months (to ${w.last}): ${w.contracts} contracts, ${wholePounds(w.valueGbp)}` +
      (w.valueNotKnown > 0 ? ` (+${w.valueNotKnown} of unknown value)` : ''),
  );
  const lead = s.leadTimes.bands.map((b) => `${b.label}: ${b.months} months`).join('; ');
  const rows = s.items.map((i) => [
    `${i.decisionDueBy}${i.decisionOverdue ? ' (late)' : ''}`,
    i.horizon.from === 'end' ? i.horizon.day : `${i.horizon.day} (max)`,
    i.maxExtent,
    valueText(i),
    clip(i.buyer?.name ?? 'not known', 30),
    clip(horizonSupplierNames(i).join('; ') || 'not known', 30),
    procedureText(i),
    i.numberOfTenderers,
    clip(i.title ?? '', 40),
    i.missions.map((m) => m.id).join(' '),
    sourceText(i),
  ]);
  return [
    `Horizon scan as of ${s.asOf}: contracts whose ${s.basis === 'next' ? 'next end date' : s.basis === 'end' ? 'end date' : 'latest possible end'} falls by ${s.windowEnd} (${s.months} months; page ${s.page} of ${pages}, ${s.total} contracts, sorted by ${s.sort} ${s.order})`,
    ...windows,
    `Decision due by = end minus a lead time by value (${lead}; value not known: ${s.leadTimes.unknownValueMonths} months)${s.leadTimes.configurableDefault ? ' — configurable defaults' : ''}.`,
    '',
    s.items.length === 0
      ? 'No contracts match.'
      : formatTable(
          [
            'decision due',
            'ends',
            'max extent',
            'value',
            'buyer',
            'supplier(s)',
            'procedure',
            'tenderers',
            'title',
            'missions',
            'ocid / source',
          ],
          rows,
        ),
  ].join('\n');
}

interface HorizonOptions extends ListOptions {
  months?: string;
  basis?: string;
  buyer?: string;
  cpv?: string;
  region?: string;
  supplier?: string;
  minValue?: string;
  mission?: string;
}

export function registerHorizon(program: Command): void {
  const command = program
    .command('horizon')
    .description('Horizon scan: let contracts whose end falls in the next months, with decision-due dates')
    .option('--months <n>', 'window in months, 1 to 60 (6, 12, 18, 24 are summarised anyway)', '12')
    .option(
      '--basis <date>',
      'which end counts: next (end, else latest possible end), end, max-extent',
      'next',
    )
    .option('--buyer <id>', 'buyer organisation id')
    .option('--cpv <code>', 'CPV division, group, class or code (72, 4521, 45210000)')
    .option('--region <code>', 'ITL or NUTS code prefix (TLE, UKE42): delivery region or buyer region')
    .option('--supplier <id>', 'incumbent supplier organisation id')
    .option('--min-value <pounds>', 'only contracts worth at least this (pounds incl. VAT where published)')
    .option(
      '--mission <id>',
      'mission id (growth, clean-energy, safer-streets, opportunity, nhs): contracts mapped to it; register rows left out',
    );
  addListOptions(command, {
    asOf: 'scan as of this day',
    sorts: 'decision, end or value',
    defaultSort: 'decision',
    defaultOrder: '(default: soonest or largest first)',
    perPage: 'rows per page',
    json: 'the scan',
    apiPath: '/api/horizon',
    csv: 'every contract of the scan',
  })
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy horizon --months 18 --region TLE\n  missionbuy horizon --buyer 441 --as-of 2026-06-01 --json\n  missionbuy horizon --months 24 --mission nhs\n  missionbuy horizon --months 24 --csv > horizon.csv',
    )
    .action(async (opts: HorizonOptions) => {
      checkListOutput(opts);
      await withDatabase(async ({ handle }) => {
        const horizon = createHorizonService({ db: handle.db });
        const query = horizon.queryOrThrow({
          months: opts.months,
          basis: opts.basis,
          buyerId: opts.buyer,
          cpv: opts.cpv,
          region: opts.region,
          supplierId: opts.supplier,
          minValue: opts.minValue,
          mission: opts.mission,
          ...listInput(opts),
        });
        await printList(
          opts,
          () => horizon.exportCsv(query, ''),
          () => horizon.scan(query),
          formatHorizon,
        );
      });
    });
}
