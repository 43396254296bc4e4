// missionbuy market (--buyer ID | --cpv CODE | --region CODE, or --cpv with --buyer or --region) [--from DAY] [--to DAY] [--json]: market-shaping
// figures for one market slice (docs/market-analytics.md): value, concentration, SME/VCSE, local, new entrants,
// single bids and direct awards, over the period and per financial year, with the largest suppliers.
import { wholePounds } from '../../domain/words.js';
import type { Command } from 'commander';
import type { FlagShare, Share } from '../../analytics/market/index.js';
import { MARKET_API_PAGE_SIZE } from '../../services/market/market-query.js';
import { createMarketService, type MarketProfile } from '../../services/market/market.service.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

const pct = (s: number | null): string => (s === null ? 'not computable' : `${(s * 100).toFixed(1)}%`);
const ofShare = (s: Share, unit: (n: number) => string): string =>
  `${pct(s.share)} (${unit(s.numerator)} of ${unit(s.denominator)})`;
const count = (n: number) => String(n);

function flagLine(name: string, f: FlagShare): string {
  return (
    `${name}: ${ofShare(f.byValue, wholePounds)} by value, ${ofShare(f.byCount, count)} by count; ` +
    `not known: ${wholePounds(f.unknownValue)} (${pct(f.unknownValueShare)} of value), ${f.unknownCount} awards`
  );
}

export function formatMarket(p: MarketProfile, top = 10): string {
  const f = p.figures;
  const band = f.hhiBand ? `${f.hhiBand.label} — ${p.policy.hhiBandSet}` : 'not computable';
  const rows = f.suppliers
    .slice(0, top)
    .map((s) => [
      s.name,
      s.id,
      Math.round(s.value),
      pct(s.share),
      s.awards,
      s.scale ?? 'not known',
      s.vcse === null ? 'not known' : s.vcse ? 'yes' : 'no',
      s.newEntrant ? 'yes' : 'no',
    ]);
  const years = p.periods.map(
    (y) =>
      `  ${y.from} to ${y.to}: ${wholePounds(y.valueGbp)}, ${y.awards} awards, HHI ${y.hhi === null ? '–' : Math.round(y.hhi)}, ` +
      `SME ${pct(y.sme.byValue.share)}, local ${pct(y.local.byValue.share)}, new entrants ${y.newEntrants.count}`,
  );
  return [
    `Market: ${p.scope.label} (${p.scope.kind}), awards dated ${p.from} to ${p.to}`,
    `Value: ${wholePounds(f.valueGbp)} in ${f.awards} awards (${f.processes} processes); left out of value: ` +
      `${f.excluded.otherCurrency} in other currencies, ${f.excluded.noValue} with no value; ` +
      `${f.excluded.noSupplier} with no supplier; ${p.undatedAwards} undated awards in no period`,
    `HHI: ${f.hhi === null ? 'not computable' : Math.round(f.hhi)} (${band}); top 1: ${pct(f.top1Share)}; top 3: ${pct(f.top3Share)}`,
    flagLine('SME share', f.sme),
    flagLine('VCSE share', f.vcse),
    flagLine(`Local share (ITL${p.policy.localItlLevel})`, f.local),
    `New entrants (no award in the prior ${p.policy.newEntrantLookbackYears} years): ${f.newEntrants.count} of ` +
      `${f.newEntrants.ofSuppliers} suppliers, ${pct(f.newEntrants.valueShare.share)} of value`,
    `Single-bid rate (open/selective with bid data): ${ofShare(f.singleBid.rate, count)}; ` +
      `${f.singleBid.noBidData} competitive without bid data`,
    `Direct awards: ${ofShare(f.directAward.byValue, wholePounds)} by value, ${ofShare(f.directAward.byCount, count)} by count; ` +
      `procedure not known: ${f.directAward.unknownCount}`,
    `Per financial year:`,
    ...years,
    p.policy.configurableDefault ? `Definitions are configurable defaults: ${p.policy.source}` : '',
    '',
    rows.length === 0
      ? 'No awards in this market and period.'
      : formatTable(['supplier', 'id', 'value £', 'share', 'awards', 'scale', 'VCSE', 'new entrant'], rows),
  ].join('\n');
}

interface MarketOptions {
  buyer?: string;
  cpv?: string;
  region?: string;
  from?: string;
  to?: string;
  bands?: string;
  top: string;
  json: boolean;
  refresh: boolean;
}

export function registerMarket(program: Command): void {
  program
    .command('market')
    .description('Market-shaping analytics for a buyer, a CPV division/group/class or a region')
    .option('--buyer <id>', 'buyer organisation id')
    .option(
      '--cpv <code>',
      'CPV division, group, class or code of the main classification (72, 4521, 45210000)',
    )
    .option('--region <code>', 'ITL or NUTS code prefix (TLE, UKE42): buyer region or place of performance')
    .option(
      '--from <day>',
      'first award day, YYYY-MM-DD (default: start of the financial year two years back)',
    )
    .option('--to <day>', 'last award day, YYYY-MM-DD (default: today)')
    .option('--bands <set>', 'HHI band set: us-2023 (default), us-2010, cma-2010')
    .option('--top <n>', 'suppliers listed in the table', '10')
    .option('--json', 'print the profile as JSON (the same as GET /api/market)', false)
    .option('--refresh', 'rebuild the summary table first (as after ingest or sync)', false)
    .addHelpText(
      'after',
      '\nGive one of --buyer, --cpv and --region, or --cpv with --buyer or --region.\n\nExamples:\n  missionbuy market --cpv 72\n  missionbuy market --region TLE --from 2024-04-01 --to 2025-03-31\n  missionbuy market --buyer 441 --json\n  missionbuy market --buyer 441 --cpv 45',
    )
    .action(async (opts: MarketOptions) => {
      await withDatabase(async ({ handle }) => {
        const market = createMarketService({ db: handle.db });
        const query = market.queryOrThrow({
          buyerId: opts.buyer,
          cpv: opts.cpv,
          region: opts.region,
          from: opts.from,
          to: opts.to,
          bands: opts.bands,
        });
        if (opts.refresh) await market.refreshSummary();
        const top = Math.max(1, Number.parseInt(opts.top, 10) || 10);
        // As GET /api/market gives it (its first page of suppliers), or the --top largest for the table.
        const profile = await market.profile(
          query,
          opts.json ? { offset: 0, limit: MARKET_API_PAGE_SIZE } : { offset: 0, limit: top },
        );
        process.stdout.write(
          `${opts.json ? JSON.stringify(profile, null, 2) : formatMarket(profile, top)}\n`,
        );
      });
    });
}
