// missionbuy quality [--org ID] [--as-of DAY] [--buyer-type T] [--csv] [--json] : the data-quality league table, or one organisation's
// scorecard. missionbuy officer set --org ID --name … --role … --email … : names the accountable officer (audited).
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { createQualityService, type League, type Scorecard } from '../../services/quality.service.js';
import { withDatabase } from '../run.js';

export function organisationId(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new AppError('BAD_REQUEST', `--org must be an organisation id (a whole number), got "${v}"`);
  return Number(v);
}

/** Left-aligned text columns and right-aligned numbers, two spaces apart. */
export function formatTable(head: string[], rows: (string | number | null)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? '–' : String(c))))];
  const numeric = head.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'),
  );
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const pct = (x: number | null) => (x === null ? null : `${Math.round(x * 100)}%`);

export function formatLeague(l: League): string {
  const rows = l.items.map((r) => [r.rank, r.name, r.buyerType, r.score, r.failures, r.notComputable, r.id]);
  const pages = Math.max(1, Math.ceil(l.total / l.pageSize));
  return [
    `Data-quality league table as of ${l.asOf} (sorted by ${l.sort} ${l.order}${l.buyerType ? `; buyer type ${l.buyerType}` : ''}; page ${l.page} of ${pages}, ${l.total} organisations)`,
    '',
    formatTable(['rank', 'organisation', 'type', 'score', 'failures', 'not computable', 'id'], rows),
  ].join('\n');
}

export function formatScorecard(s: Scorecard): string {
  const o = s.officer;
  const checks = s.checks
    .filter((c) => c.applicable + c.notComputable + c.notYetDue > 0)
    .map((c) => [c.checkId, c.severity, c.applicable, c.passed, c.failed, c.notComputable, pct(c.passRate)]);
  const failing = s.checks.flatMap((c) =>
    [...c.failingOcids, ...c.failingSubjects].map((x) => `  ${c.checkId}: ${x}`),
  );
  const p = s.peers;
  return [
    `${s.organisation.name} (organisation ${s.organisation.id}) — data-quality score as of ${s.asOf}: ${s.score ?? 'not scored'}`,
    `Accountable officer: ${o ? `${o.name}, ${o.role} <${o.email}>${o.phone ? `, ${o.phone}` : ''}` : 'not named'}`,
    `Peers (${p.buyerType ?? 'buyer type unknown'}): ${p.peers === 0 ? 'none' : `${p.peers}, median ${p.median}, this organisation at percentile ${p.percentile ?? '–'}`}`,
    `Trend: ${s.trend.map((t) => `${t.quarter} ${t.score ?? '–'}`).join(' · ')}`,
    '',
    formatTable(
      ['check', 'severity', 'applicable', 'passed', 'failed', 'not computable', 'pass rate'],
      checks,
    ),
    ...(failing.length > 0 ? ['', 'Failing records:', ...failing] : []),
  ].join('\n');
}

export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description(
      'Data-quality scores: the league table of buyers, or one organisation’s scorecard with --org',
    )
    .option('--org <id>', 'one organisation’s scorecard')
    .option('--as-of <day>', 'judge as of this day, YYYY-MM-DD (default: today)')
    .option('--sort <key>', 'league order: score, name or failures', 'score')
    .option('--order <dir>', 'asc or desc (default: best first)')
    .option('--page <n>', 'league page', '1')
    .option('--page-size <n>', 'league rows per page (at most 100)', '25')
    .option(
      '--buyer-type <type>',
      'league: only buyers of this type (as published, e.g. publicAuthorityCentralGovernment)',
    )
    .option('--csv', 'league: every row (not one page) as CSV on stdout', false)
    .option('--base-url <url>', 'with --csv: where the scorecards are served', 'http://localhost:3000')
    .option('--json', 'print JSON on stdout', false)
    .action(
      async (opts: {
        org?: string;
        asOf?: string;
        sort: string;
        order?: string;
        page: string;
        pageSize: string;
        buyerType?: string;
        csv: boolean;
        baseUrl: string;
        json: boolean;
      }) => {
        const org = organisationId(opts.org);
        if (opts.csv && (org !== undefined || opts.json))
          throw new AppError('BAD_REQUEST', '--csv is for the league table: use it without --org and --json');
        await withDatabase(async ({ handle }) => {
          const quality = createQualityService({ db: handle.db });
          const asOf = opts.asOf === undefined ? {} : { asOf: opts.asOf };
          if (org !== undefined) {
            const s = await quality.scorecard(org, asOf);
            process.stdout.write(`${opts.json ? JSON.stringify(s, null, 2) : formatScorecard(s)}\n`);
            return;
          }
          const query = {
            sort: opts.sort,
            page: opts.page,
            pageSize: opts.pageSize,
            ...(opts.order === undefined ? {} : { order: opts.order }),
            ...(opts.buyerType === undefined ? {} : { buyerType: opts.buyerType }),
            ...asOf,
          };
          if (opts.csv) {
            process.stdout.write((await quality.leagueCsv(query, opts.baseUrl.replace(/\/+$/, ''))).csv);
            return;
          }
          const l = await quality.league(query);
          process.stdout.write(`${opts.json ? JSON.stringify(l, null, 2) : formatLeague(l)}\n`);
        });
      },
    );

  const officer = program
    .command('officer')
    .description('The accountable officer for an organisation’s data');
  officer
    .command('set')
    .description('Name the accountable officer of an organisation (recorded in the audit log)')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'role, e.g. "Director of Finance"')
    .requiredOption('--email <email>', 'contact email')
    .option('--phone <phone>', 'contact phone')
    .option('--by <who>', 'who is making the change (default: the system user name)')
    .option('--json', 'print JSON on stdout', false)
    .action(
      async (opts: {
        org: string;
        name: string;
        role: string;
        email: string;
        phone?: string;
        by?: string;
        json: boolean;
      }) => {
        const org = organisationId(opts.org)!;
        const actor = opts.by ?? `cli:${userInfo().username}`;
        await withDatabase(async ({ handle }) => {
          const quality = createQualityService({ db: handle.db });
          const saved = await quality.setOfficer(
            org,
            { name: opts.name, role: opts.role, email: opts.email, phone: opts.phone ?? null },
            actor,
          );
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(saved, null, 2)}\n`
              : `Accountable officer of organisation ${org}: ${saved.name}, ${saved.role} <${saved.email}> (set by ${saved.updatedBy})\n`,
          );
        });
      },
    );
}
