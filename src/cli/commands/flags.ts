// missionbuy flags [--buyer ID | --ocid OCID] [--status S] [--page N] [--page-size N] [--json]: red flags for a
// buyer or one record (docs/red-flags.md); without either, every flag's definition and thresholds in force.
import type { Command } from 'commander';
import { createRedFlagsService, type FlagsAnswer } from '../../services/redflags.service.js';
import { FLAG_STATUSES } from '../../services/redflags-input.js';
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

export function registerFlags(program: Command): void {
  program
    .command('flags')
    .description(
      'Red flags for a buyer (--buyer) or one record (--ocid); without either, the flag definitions',
    )
    .option('--buyer <id>', 'organisation id of the buyer')
    .option('--ocid <ocid>', 'one record')
    .option('--status <status>', `results shown: ${FLAG_STATUSES.join(', ')}`, 'flagged')
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
      }) => {
        await withDatabase(async ({ handle }) => {
          const a = await createRedFlagsService({ db: handle.db }).flags({
            buyerId: opts.buyer,
            ocid: opts.ocid,
            status: opts.status,
            page: opts.page,
            pageSize: opts.pageSize,
          });
          process.stdout.write(`${opts.json ? JSON.stringify(a, null, 2) : formatFlags(a)}\n`);
        });
      },
    );
}
