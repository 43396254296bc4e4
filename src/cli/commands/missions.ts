// missionbuy missions [--mission ID] [--region CODE] [--buyer ID] [--page N | --all] [--refresh] [--json]: the
// mission dashboard (docs/mission-dashboard.md) — all five missions, or one by region, buyer (20 a page, or every
// buyer with --all) and quarter with its KPI rating mix and social value per outcome and metric id. The same data
// as GET /api/missions and /api/missions/{id}.
import { wholePounds } from '../../domain/words.js';
import type { Command } from 'commander';
import type { MissionFigures } from '../../analytics/missions/index.js';
import {
  createMissionDashboardService,
  type MissionDashboard,
  type MissionsOverview,
} from '../../services/missions/dashboard.service.js';
import { createSocialValueService } from '../../services/social-value/social-value.service.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

const pct = (s: number | null): string => (s === null ? 'not known' : `${(s * 100).toFixed(1)}%`);

const HEAD = ['group', 'award value', 'awards', 'contracts', 'SME', 'VCSE', 'local', 'flag not known (SME)'];
const cells = (label: string, f: MissionFigures) => [
  label,
  wholePounds(f.value),
  f.awards,
  f.contracts,
  pct(f.sme.share),
  pct(f.vcse.share),
  pct(f.local.share),
  wholePounds(f.sme.unknownValue),
];

const scopeText = (n: { region: string | null; buyer: string | null }) =>
  [n.region && `region ${n.region}`, n.buyer && `buyer ${n.buyer}`].filter(Boolean).join(', ') || 'national';

const refreshed = (s: MissionsOverview['state']) =>
  s ? `Summary refreshed ${s.refreshedAt}.` : 'The summary has not been refreshed yet: run with --refresh.';

export function formatOverview(o: MissionsOverview): string {
  return [
    `Missions (${scopeText(o.named)}): a contract mapped to several missions counts in full in each`,
    '',
    formatTable(HEAD, [
      ...o.missions.map((m) => cells(`${m.name} [${m.id}]`, m.figures)),
      cells('Any mission (each award once)', o.anyMission),
      cells('No mission mapped', o.noMission),
    ]),
    '',
    'KPI ratings (met / slightly below / below / significantly below / other / no code):',
    ...o.missions.map((m) => {
      const c = m.kpis.counts;
      return `  ${m.id}: ${c.met} / ${c.slightlyBelow} / ${c.below} / ${c.significantlyBelow} / ${c.other} / ${c.unknown}`;
    }),
    refreshed(o.state),
  ].join('\n');
}

export function formatMission(d: MissionDashboard): string {
  const sv = d.socialValue.outcomes.flatMap((o) =>
    o.rows.map((r) => [o.outcomeName, r.metricId, r.unit, r.committed, r.delivered, r.verified]),
  );
  const c = d.kpis.counts;
  return [
    `${d.mission.name} [${d.mission.id}] (${scopeText(d.named)})`,
    '',
    `Buyers ${d.byBuyer.rows.length === 0 ? 0 : (d.byBuyer.page - 1) * d.byBuyer.pageSize + 1}–` +
      `${(d.byBuyer.page - 1) * d.byBuyer.pageSize + d.byBuyer.rows.length} of ${d.byBuyer.total}` +
      (d.byBuyer.rows.length < d.byBuyer.total ? ' (--page N for more, --all for every buyer)' : ''),
    '',
    formatTable(HEAD, [
      cells('Total', d.totals),
      ...d.byRegion.map((f) => cells(`region ${f.key ?? 'not known'}`, f)),
      ...d.byBuyer.rows.map((f) => cells(`buyer ${f.name ?? f.key ?? 'not known'}`, f)),
      ...d.trend.map((f) => cells(`quarter ${f.key ?? 'undated'}`, f)),
    ]),
    '',
    `KPI ratings: met ${c.met}, slightly below ${c.slightlyBelow}, below ${c.below}, significantly below ` +
      `${c.significantlyBelow}, other ${c.other}, no code ${c.unknown} (${d.kpis.kpis} KPIs)`,
    '',
    sv.length === 0
      ? 'Social value: no commitments on this mission’s metrics.'
      : formatTable(['outcome', 'metric', 'unit', 'committed', 'delivered', 'verified'], sv),
    refreshed(d.state),
  ].join('\n');
}

interface Options {
  mission?: string;
  region?: string;
  buyer?: string;
  page?: string;
  all: boolean;
  refresh: boolean;
  json: boolean;
}

export function registerMissions(program: Command): void {
  program
    .command('missions')
    .description(
      'Mission dashboard: spend, contracts, KPI ratings, social value and SME/VCSE/local share per mission',
    )
    .option('--mission <id>', 'one mission (growth, clean-energy, safer-streets, opportunity, nhs)')
    .option('--region <code>', 'ITL1 region of the buyer (UKC … UKN)')
    .option('--buyer <id>', 'buyer organisation id')
    .option('--page <n>', 'with --mission: the page of buyers (20 a page)')
    .option('--all', 'with --mission: every buyer, not a page of 20', false)
    .option('--refresh', 'rebuild the stored summary first (as after ingest or sync)', false)
    .option('--json', 'print as JSON (the same as GET /api/missions or /api/missions/{id})', false)
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy missions\n  missionbuy missions --mission nhs --region UKE\n  missionbuy missions --mission nhs --all\n  missionbuy missions --refresh --json',
    )
    .action(async (opts: Options) => {
      await withDatabase(async ({ handle }) => {
        const missions = createMissionDashboardService({
          db: handle.db,
          socialValue: createSocialValueService({ db: handle.db }),
        });
        const q = missions.query({ region: opts.region, buyer: opts.buyer, page: opts.page });
        if (opts.refresh) await missions.refresh();
        const out = opts.mission
          ? await missions
              .mission(opts.mission, q, { allBuyers: opts.all })
              .then((d) => (opts.json ? d : formatMission(d)))
          : await missions.overview(q).then((o) => (opts.json ? o : formatOverview(o)));
        process.stdout.write(`${typeof out === 'string' ? out : JSON.stringify(out, null, 2)}\n`);
      });
    });
}
