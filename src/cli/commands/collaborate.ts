// missionbuy collaborate [--window-months N] [--buyer ID] [--level group|class] [--cpv CODE] [--region CODE]
// [--min-buyers N] [--as-of DAY] [--json|--csv]: groups of buyers who could buy together, with the figures the
// /collaborate page shows (docs/collaboration.md).
import type { Command } from 'commander';
import type { CollaborationGroup } from '../../analytics/collaboration/index.js';
import { wholePounds } from '../../domain/words.js';
import {
  createCollaborationService,
  type CollaborationResult,
} from '../../services/collaboration/collaboration.service.js';
import { COLLABORATION_DEFAULT_WINDOW } from '../../services/collaboration/collaboration-query.js';
import { loadCpvLabels } from '../../services/reference/cpv-labels.js';
import { withDatabase } from '../run.js';
import { addListOptions, checkListOutput, listInput, printList, type ListOptions } from './list-output.js';

function formatGroup(g: CollaborationGroup, rank: number): string {
  const unknown = g.valueNotKnown > 0 ? ` (+${g.valueNotKnown} of unknown value)` : '';
  const lines = [
    `${rank}. CPV ${g.market.level} ${g.market.code}${g.market.label ? ` ${g.market.label}` : ''} — ${g.anchor.name}` +
      ` (${g.id})`,
    `   ${g.buyerCount} buyers, ${g.contractCount} contracts, ${wholePounds(g.valueGbp)}${unknown};` +
      ` decisions due ${g.firstDecisionDue} to ${g.lastDecisionDue}`,
    `   buyers: ${g.buyers.map((b) => `${b.name} [${b.id}]`).join('; ')}` +
      (g.buyerCount > g.buyers.length ? `; +${g.buyerCount - g.buyers.length} more` : ''),
    `   shared incumbents: ${g.sharedIncumbents.map((s) => `${s.name} (${s.buyers} buyers)`).join('; ') || 'none'}`,
    ...g.contracts.map(
      (c) =>
        `   - ${c.decisionDueBy} due  ${c.valueGbp === null ? 'value not known' : wholePounds(c.valueGbp)}  ${c.ocid}` +
        `  ${(c.title ?? '').slice(0, 60)}`,
    ),
    `   why: ${g.explanation}`,
  ];
  return lines.join('\n');
}

export function formatCollaboration(r: CollaborationResult): string {
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const who = r.buyer ? ` for ${r.buyer.name} [${r.buyer.id}]` : '';
  const head =
    `Collaboration finder${who} as of ${r.asOf}: decisions due by ${r.windowEnd} (${r.windowMonths} months), ` +
    `CPV ${r.level}, at least ${r.minBuyers} buyers; ${r.total} groups (page ${r.page} of ${pages}, sorted by ` +
    `${r.sort} ${r.order}).`;
  if (r.groups.length === 0) return `${head}\nNo groups match.`;
  const first = (r.page - 1) * r.pageSize;
  return [head, ...r.groups.map((g, i) => formatGroup(g, first + i + 1))].join('\n\n');
}

interface CollaborateOptions extends ListOptions {
  windowMonths?: string;
  level?: string;
  buyer?: string;
  cpv?: string;
  region?: string;
  minBuyers?: string;
}

export function registerCollaborate(program: Command): void {
  const command = program
    .command('collaborate')
    .description(
      'Collaboration finder: buyers with contracts in the same market and area whose decisions fall due together',
    )
    .option(
      '--window-months <n>',
      'decisions due within this many months, 1 to 60',
      String(COLLABORATION_DEFAULT_WINDOW),
    )
    .option('--level <level>', 'match by CPV group (3 digits) or class (4 digits)', 'group')
    .option('--buyer <id>', 'only the groups this buyer is in ("who could it buy with?")')
    .option('--cpv <code>', 'CPV division, group, class or code (85, 853, 85311000)')
    .option('--region <code>', 'ITL or NUTS code (TLE, UKE42): groups with a contract there')
    .option('--min-buyers <n>', 'fewest buyers in a group, 2 to 50', '2');
  addListOptions(command, {
    asOf: 'as of this day',
    sorts: 'value, buyers, contracts or decision',
    defaultSort: 'value',
    defaultOrder: '(default: largest or soonest first)',
    perPage: 'groups per page',
    json: 'the groups',
    apiPath: '/api/collaborate',
    csv: 'every contract of every group',
  })
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy collaborate --window-months 18\n  missionbuy collaborate --buyer 433 --json\n  missionbuy collaborate --level class --region TLH --csv > groups.csv',
    )
    .action(async (opts: CollaborateOptions) => {
      checkListOutput(opts);
      await withDatabase(async ({ handle }) => {
        const service = createCollaborationService({ db: handle.db, cpv: loadCpvLabels() });
        const query = service.queryOrThrow({
          windowMonths: opts.windowMonths,
          level: opts.level,
          buyerId: opts.buyer,
          cpv: opts.cpv,
          region: opts.region,
          minBuyers: opts.minBuyers,
          ...listInput(opts),
        });
        await printList(
          opts,
          () => service.exportCsv(query, ''),
          () => service.find(query),
          formatCollaboration,
        );
      });
    });
}
