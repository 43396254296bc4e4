// missionbuy spend (--buyer ID | --place CODE) [--from DAY] [--to DAY] [--period month|quarter|fy] [--slack DAYS]
// [--json]: paid-money analytics (docs/paid-money.md): what was paid, SME/VCSE/local shares of paid money beside
// the awarded-value shares, spend on and off contract, the largest suppliers and, for a buyer, LM3.
import { wholePounds } from '../../domain/words.js';
import type { Command } from 'commander';
import type { FlagShare } from '../../analytics/market/index.js';
import { createPaidService, type PaidProfile } from '../../services/paid/paid.service.js';
import { withDatabase } from '../run.js';
import { formatTable } from './quality.js';

const pct = (s: number | null): string => (s === null ? 'not computable' : `${(s * 100).toFixed(1)}%`);

const flag = (name: string, paid: FlagShare, awarded: FlagShare): string =>
  `${name}: paid ${pct(paid.byValue.share)} of ${wholePounds(paid.byValue.denominator)} known, not known ${wholePounds(paid.unknownValue)}` +
  ` | awarded ${pct(awarded.byValue.share)}, not known ${pct(awarded.unknownValueShare)} of value`;

export function formatSpend(p: PaidProfile, top = 10): string {
  const f = p.figures;
  const m = p.matching;
  const periods = p.periods.map(
    (x) =>
      `  ${x.period}: ${wholePounds(x.amount)} in ${x.payments} payments; SME ${pct(x.sme.byValue.share)}, ` +
      `VCSE ${pct(x.vcse.byValue.share)}, local ${pct(x.local.byValue.share)}`,
  );
  const lm3 = p.lm3.map(
    (y) =>
      `  FY${y.financialYear}: LM3 ${y.lm3 === null ? 'not computable' : y.lm3.toFixed(2)} (R1 ${wholePounds(y.r1)}, R2 ${wholePounds(y.r2)}, ` +
      `R3 ${wholePounds(y.r3)}; ${wholePounds(y.r3FromDefault)} of R3 from the default share ${pct(y.defaultShare)}` +
      `${y.entered ? '' : '; no figures entered'})`,
  );
  const rows = f.suppliers
    .slice(0, top)
    .map((s) => [
      s.label,
      s.supplierId ?? '–',
      Math.round(s.amount),
      s.payments,
      s.sme === null ? 'not known' : s.sme ? 'yes' : 'no',
      s.local === null ? 'not known' : s.local ? 'yes' : 'no',
    ]);
  return [
    `Paid money: ${p.scope.label}, payments dated ${p.from} to ${p.to} (${p.buyers.length} buyer(s))`,
    `Paid: ${wholePounds(f.amount)} net in ${f.payments} payments; credits ${wholePounds(f.credits.amount)}; ` +
      `payees in no resolved supplier ${wholePounds(f.unresolvedAmount)}`,
    flag('SME share', f.sme, p.awarded.sme),
    flag('VCSE share', f.vcse, p.awarded.vcse),
    flag(`Local share (ITL${p.localItlLevel})`, f.local, p.awarded.local),
    `On contract (±${m.slackDays} days): ${wholePounds(m.onContract.amount)}; off contract ${wholePounds(m.offContract.amount)}; ` +
      `not matchable (no supplier) ${wholePounds(m.unresolved.amount)}`,
    `Top off-contract: ${
      m.topOffContract
        .slice(0, 5)
        .map((s) => `${s.label} ${wholePounds(s.amount)}`)
        .join('; ') || 'none'
    }`,
    `Register contracts live in the period: ${p.registers.contracts} (${wholePounds(p.registers.value)})`,
    `Per ${p.periodKind}:`,
    ...periods,
    ...(lm3.length > 0 ? ['LM3 per financial year:', ...lm3] : []),
    '',
    rows.length === 0
      ? 'No payments in this period.'
      : formatTable(['supplier', 'id', 'paid £', 'payments', 'SME', 'local'], rows),
  ].join('\n');
}

interface SpendOptions {
  buyer?: string;
  place?: string;
  from?: string;
  to?: string;
  period?: string;
  slack?: string;
  top: string;
  json: boolean;
}

export function registerSpend(program: Command): void {
  program
    .command('spend')
    .description('Paid-money analytics for a buyer or a place (ITL region or local authority)')
    .option('--buyer <id>', 'buyer organisation id')
    .option(
      '--place <code>',
      'ITL or NUTS code (TLD, UKD34): the buyers in that region; or a local authority code (E08000006, 00CY)',
    )
    .option(
      '--from <day>',
      'first payment day, YYYY-MM-DD (default: start of the financial year two years back)',
    )
    .option('--to <day>', 'last payment day, YYYY-MM-DD (default: today)')
    .option('--period <kind>', 'breakdown: month (default), quarter or fy')
    .option('--slack <days>', 'days either side of a contract period that still match (default 31)')
    .option('--top <n>', 'suppliers listed in the table', '10')
    .option('--json', 'print the profile as JSON (the same as GET /api/spend)', false)
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy spend --buyer 42 --from 2022-06-01 --to 2022-06-30\n  missionbuy spend --place TLD --period fy --json',
    )
    .action(async (opts: SpendOptions) => {
      await withDatabase(async ({ handle }) => {
        const paid = createPaidService({ db: handle.db });
        const query = paid.queryOrThrow({
          buyerId: opts.buyer,
          place: opts.place,
          from: opts.from,
          to: opts.to,
          period: opts.period,
          slack: opts.slack,
        });
        const profile = await paid.profile(query);
        const top = Math.max(1, Number.parseInt(opts.top, 10) || 10);
        process.stdout.write(`${opts.json ? JSON.stringify(profile, null, 2) : formatSpend(profile, top)}\n`);
      });
    });
}
