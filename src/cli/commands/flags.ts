// missionbuy flags [--buyer ID | --ocid OCID] [--status S] [--page N] [--page-size N] [--json]: red flags for a
// buyer or one record (docs/red-flags.md); without either, the national list of every buyer's flagged results
// (--flag, --severity, --cpv, --region, --sort); --definitions: every flag's definition and thresholds in force.
import type { Command } from 'commander';
import { createRedFlagsService, type FlagsAnswer } from '../../services/redflags.service.js';
import { FLAG_STATUSES } from '../../services/redflags-input.js';
import {
  NATIONAL_SEVERITIES,
  NATIONAL_SORTS,
  type NationalFlagsAnswer,
} from '../../services/redflags-national.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

export function formatFlags(a: FlagsAnswer): string {
  if (a.kind === 'definitions')
    return [
      `Red flags (thresholds in force on ${a.asOf}; [?] = configurable default). Definitions: docs/red-flags.md`,
      ...a.flags.flatMap((f) => [
        '',
        `${f.id} — ${f.title} (${f.scope}, ${f.severity})`,
        `  ${f.definition}`,
        ...f.thresholds.map((t) => `  ${t.id} = ${t.value}${t.configurableDefault ? ' [?]' : ''}`),
        ...f.gaps.map((g) => `  Not in the data: ${g}`),
      ]),
    ].join('\n');
  const who = a.kind === 'record' ? `${a.ocid}` : `${a.buyer!.name} (organisation ${a.buyer!.id})`;
  const pages = Math.max(1, Math.ceil(a.total / a.pageSize));
  const summary = a.summary.map((s) => [
    s.flagId,
    s.scope,
    s.severity,
    s.flagged,
    s.notComputable,
    s.clear,
    s.outOfScope,
  ]);
  const items = a.items.flatMap((r) => [
    `  ${r.flagId}${r.ocid ? ` ${r.ocid}` : ''}${r.subject ? ` (${r.subject})` : ''}: ${r.detail}`,
    ...(r.missing ? [`    missing: ${r.missing.join(', ')}`] : []),
    ...r.evidence.map((e) => `    ${e.label}: ${e.value}`),
    ...r.rules.map((u) => `    rule ${u.id} = ${u.value}${u.configurableDefault ? ' [?]' : ''}`),
  ]);
  return [
    `Red flags for ${who}: ${a.records} record(s) judged`,
    '',
    formatTable(['flag', 'scope', 'severity', 'flagged', 'not computable', 'clear', 'out of scope'], summary),
    '',
    `${a.status} results (page ${a.page} of ${pages}, ${a.total} in all):`,
    ...(items.length > 0 ? items : ['  none']),
  ].join('\n');
}

export function formatNationalFlags(a: NationalFlagsAnswer): string {
  const pages = Math.max(1, Math.ceil(a.total / a.pageSize));
  const q = a.query;
  const filters = [
    q.flag && `flag ${q.flag}`,
    q.severity && `severity ${q.severity}`,
    q.buyerId && `buyer ${q.buyerId}`,
    q.cpv && `CPV ${q.cpv}`,
    q.region && `region ${q.region}`,
  ].filter(Boolean);
  const items = a.items.flatMap((r) => [
    `  ${r.flagId}${r.ocid ? ` ${r.ocid}` : ''}${r.subject ? ` (${r.subject})` : ''} — ${r.buyer.name} (organisation ${
      r.buyer.id
    })${r.stale ? ' [stale: buyer waiting to be judged again]' : ''}: ${r.detail}`,
    ...r.evidence.map((e) => `    ${e.label}: ${e.value}`),
  ]);
  return [
    `National red flags${filters.length > 0 ? ` (${filters.join(', ')})` : ''}, sorted by ${q.sort}: ` +
      `${a.capped ? `more than ${a.total}` : a.total} flagged result(s), page ${a.page} of ${pages}`,
    ...(a.queuedBuyers > 0
      ? [
          `${a.queuedBuyers} buyer(s) wait to be judged again: their results are from their last refresh ` +
            '(marked stale), or not listed yet (run missionbuy ingest or sync to refresh).',
        ]
      : []),
    '',
    ...(items.length > 0 ? items : ['  none']),
  ].join('\n');
}

export function registerFlags(program: Command): void {
  program
    .command('flags')
    .description(
      'Red flags for a buyer (--buyer) or one record (--ocid); without either, every buyer’s flagged results ' +
        '(the national list); --definitions: the flags and their thresholds',
    )
    .option('--definitions', 'every flag’s definition and thresholds in force', false)
    .option('--flag <id>', 'national list: one flag')
    .option('--severity <s>', `national list: ${NATIONAL_SEVERITIES.join(', ')}`)
    .option('--cpv <code>', 'national list: main CPV code prefix (2 to 8 digits)')
    .option('--region <code>', 'national list: ITL or NUTS region prefix (place of performance or buyer)')
    .option('--sort <sort>', `national list: ${NATIONAL_SORTS.join(', ')}`, 'severity')
    .option('--buyer <id>', 'organisation id of the buyer')
    .option('--ocid <ocid>', 'one record')
    .option('--status <status>', `results shown (buyer or record): ${FLAG_STATUSES.join(', ')}`, 'flagged')
    .option('--page <n>', 'page of results', '1')
    .option('--page-size <n>', 'results per page (at most 200)', '50')
    .option('--json', 'print JSON on stdout', false)
    .action(
      async (opts: {
        buyer?: string;
        ocid?: string;
        status: string;
        page: string;
        pageSize: string;
        json: boolean;
        definitions: boolean;
        flag?: string;
        severity?: string;
        cpv?: string;
        region?: string;
        sort: string;
      }) => {
        await withDatabase(async ({ handle }) => {
          const service = createRedFlagsService({ db: handle.db });
          const print = (a: unknown, text: string) =>
            process.stdout.write(`${opts.json ? JSON.stringify(a, null, 2) : text}\n`);
          if (opts.buyer === undefined && opts.ocid === undefined && !opts.definitions) {
            const n = await service.national({
              flag: opts.flag,
              severity: opts.severity,
              cpv: opts.cpv,
              region: opts.region,
              sort: opts.sort,
              page: opts.page,
              pageSize: opts.pageSize,
            });
            return print(n, formatNationalFlags(n));
          }
          const a = await service.flags({
            buyerId: opts.buyer,
            ocid: opts.ocid,
            status: opts.status,
            page: opts.page,
            pageSize: opts.pageSize,
          });
          print(a, formatFlags(a));
        });
      },
    );
}
