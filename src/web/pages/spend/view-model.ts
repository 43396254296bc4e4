// The paid-money page (/organisations/:id/spend, /places/:code) → parameters for govuk-frontend macros: the period
// form, paid shares beside awarded shares (unknown apart), a bar chart of the largest suppliers with its table,
// the breakdown by period, category and region, spend on and off contract, every supplier (paginated) and, for a
// buyer, LM3 per financial year.
import type { FlagShare } from '../../../analytics/market/index.js';
import type { PaidTotal } from '../../../analytics/paid/index.js';
import type { PaidProfile } from '../../../services/index.js';
import { barChart } from '../../charts/bar-chart.js';
import { formatNumber } from '../../format.js';
import { link } from '../../html.js';
import { money, pct, type FormProblem } from '../market/view-model.js';
import { errorFor, textInput } from '../shared/query-form-view.js';
import { pagination, showing } from '../shared/table-nav.js';

export const SPEND_FIELDS = ['from', 'to', 'period', 'slack'] as const;
export type SpendForm = Partial<Record<(typeof SPEND_FIELDS)[number], string>>;
export const SPEND_PAGE_SIZE = 25;
const CHART_BARS = 10;
const num = { format: 'numeric' };
const yesNo = (b: boolean | null) => (b === null ? 'Not known' : b ? 'Yes' : 'No');

export function spendQueryString(form: SpendForm, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const f of SPEND_FIELDS) if (form[f]) q.set(f, form[f]);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

function inputs(form: SpendForm, problems: FormProblem[]) {
  const input = (id: keyof SpendForm, label: string, hint: string) =>
    textInput(form, problems, id, label, hint, { classes: 'govuk-input--width-10' });
  return {
    from: input('from', 'From', 'First payment day, YYYY-MM-DD'),
    to: input('to', 'To', 'Last payment day, YYYY-MM-DD'),
    slack: input(
      'slack',
      'Contract slack (days)',
      'Days either side of a contract period that still match; 31 if blank',
    ),
    period: {
      id: 'period',
      name: 'period',
      label: { text: 'Breakdown by' },
      items: [
        { value: 'month', text: 'Month' },
        { value: 'quarter', text: 'Quarter' },
        { value: 'fy', text: 'Financial year' },
      ].map((i) => ({ ...i, selected: (form.period ?? 'month') === i.value })),
      errorMessage: errorFor(problems, 'period'),
    },
  };
}

const flagRow = (name: string, paid: FlagShare, awarded: FlagShare) => [
  { text: name },
  { text: pct(paid.byValue.share), ...num },
  { text: money(paid.unknownValue), ...num },
  { text: pct(awarded.byValue.share), ...num },
  { text: pct(awarded.unknownValueShare), ...num },
];

const totalsTable = (caption: string, head: string, list: readonly PaidTotal[], limit = 15) => ({
  caption,
  captionClasses: 'govuk-table__caption--s',
  head: [{ text: head }, { text: 'Paid', ...num }, { text: 'Payments', ...num }],
  rows: list
    .slice(0, limit)
    .map((t) => [
      { text: t.label },
      { text: money(t.amount), ...num },
      { text: formatNumber(t.payments), ...num },
    ]),
});

function results(p: PaidProfile, form: SpendForm, page: number, base: string, csvPath: string) {
  const f = p.figures;
  const m = p.matching;
  const top = f.suppliers.slice(0, CHART_BARS);
  const start = (page - 1) * SPEND_PAGE_SIZE;
  const pageRows = f.suppliers.slice(start, start + SPEND_PAGE_SIZE);
  return {
    heading: `${p.scope.label}: payments from ${p.from} to ${p.to}`,
    summary: {
      caption: 'Paid money',
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: 'Figure' }, { text: 'Value' }],
      rows: [
        ['Paid (net of credits)', `${money(f.amount)} in ${formatNumber(f.payments)} payments`],
        ['Credits', `${money(f.credits.amount)} in ${formatNumber(f.credits.rows)} groups of payments`],
        ['Paid to payees in no resolved supplier', money(f.unresolvedAmount)],
        [`On contract (±${m.slackDays} days)`, money(m.onContract.amount)],
        ['Off contract', money(m.offContract.amount)],
        [
          'Register contracts live in the period',
          `${formatNumber(p.registers.contracts)}, ${money(p.registers.value)}`,
        ],
        [
          'Awarded (OCDS) in the period',
          `${money(p.awarded.valueGbp)} in ${formatNumber(p.awarded.awards)} awards`,
        ],
      ].map(([a, b]) => [{ text: a! }, { text: b! }]),
    },
    shares: {
      caption: 'Shares of paid money beside shares of awarded value',
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Share' },
        { text: 'Paid, of known', ...num },
        { text: 'Paid, not known', ...num },
        { text: 'Awarded, of known', ...num },
        { text: 'Awarded value not known', ...num },
      ],
      rows: [
        flagRow('SME', f.sme, p.awarded.sme),
        flagRow('VCSE', f.vcse, p.awarded.vcse),
        flagRow(`Local (ITL${p.localItlLevel})`, f.local, p.awarded.local),
      ],
    },
    chart: barChart({
      id: 'paid-suppliers',
      title: `Largest ${top.length} suppliers by money paid`,
      description:
        top.length === 0
          ? 'Nothing was paid in this period.'
          : `${top[0]!.label} was paid the most, ${money(top[0]!.amount)}. The table beside the chart gives the same figures.`,
      bars: top.map((s) => ({ label: s.label, value: Math.round(s.amount) })),
      format: money,
    }).toString(),
    chartTable: totalsTable('Largest suppliers (the chart’s figures)', 'Supplier', top, CHART_BARS),
    periods: {
      caption: `Per ${p.periodKind === 'fy' ? 'financial year' : p.periodKind}`,
      captionClasses: 'govuk-table__caption--m',
      head: ['Period', 'Paid', 'Payments', 'SME share', 'VCSE share', 'Local share'].map((t, i) => ({
        text: t,
        ...(i > 0 ? num : {}),
      })),
      rows: p.periods.map((x) => [
        { text: x.period },
        { text: money(x.amount), ...num },
        { text: formatNumber(x.payments), ...num },
        { text: pct(x.sme.byValue.share), ...num },
        { text: pct(x.vcse.byValue.share), ...num },
        { text: pct(x.local.byValue.share), ...num },
      ]),
    },
    expenseTypes: totalsTable('By expense type', 'Expense type', f.byExpenseType),
    serviceAreas: totalsTable('By service area', 'Service area', f.byServiceArea),
    categories: totalsTable('By category', 'Category', f.byCategory),
    regions: totalsTable(`By supplier region (ITL${p.localItlLevel})`, 'Region', f.byRegion),
    offContract: totalsTable('Largest off-contract suppliers', 'Supplier', m.topOffContract, 10),
    contracts: totalsTable('Paid on each contract', 'Contract', m.contracts, 10),
    suppliers: {
      caption: 'Every supplier',
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Supplier' },
        { text: 'Paid', ...num },
        { text: 'Payments', ...num },
        { text: 'SME' },
        { text: 'VCSE' },
        { text: 'Region' },
        { text: 'Local' },
      ],
      rows: pageRows.map((s) => [
        s.supplierId === null
          ? { text: s.label }
          : { html: link(`/suppliers/${s.supplierId}`, s.label).toString() },
        { text: money(s.amount), ...num },
        { text: formatNumber(s.payments), ...num },
        { text: yesNo(s.sme) },
        { text: yesNo(s.vcse) },
        { text: s.region ?? 'Not known' },
        { text: yesNo(s.local) },
      ]),
    },
    showing: showing(f.suppliers.length, page, SPEND_PAGE_SIZE, pageRows.length, 'supplier'),
    pagination: pagination({
      total: f.suppliers.length,
      page,
      pageSize: SPEND_PAGE_SIZE,
      href: (n) => `${base}?${spendQueryString(form, { page: String(n) })}`,
      label: 'Supplier pages',
    }),
    lm3:
      p.lm3.length === 0
        ? undefined
        : {
            caption: 'Local multiplier (LM3) per financial year',
            captionClasses: 'govuk-table__caption--m',
            head: ['Year', 'R1', 'R2', 'R3', 'LM3', 'R3 from the default share'].map((t, i) => ({
              text: t,
              ...(i > 0 ? num : {}),
            })),
            rows: p.lm3.map((y) => [
              { text: `${y.financialYear}–${String((y.financialYear + 1) % 100).padStart(2, '0')}` },
              { text: money(y.r1), ...num },
              { text: money(y.r2), ...num },
              { text: money(y.r3), ...num },
              { text: y.lm3 === null ? 'Not computable' : y.lm3.toFixed(2), ...num },
              {
                text: `${money(y.r3FromDefault)} at ${pct(y.defaultShare)}${y.entered ? '' : ' (no survey figures)'}`,
                ...num,
              },
            ]),
          },
    csvHref: `${csvPath}?${spendQueryString(form)}`,
    /** The other tables as CSV (routes/spend.ts). */
    csvLinks: (
      [
        ['categories', 'Paid by category'],
        ['periods', 'Paid by period, with the shares'],
        ['regions', 'Paid by supplier region'],
        ['off-contract', 'Off-contract suppliers'],
      ] as const
    ).map(([table, text]) => ({
      text,
      href: `${csvPath.replace(/\.csv$/, '')}/${table}.csv?${spendQueryString(form)}`,
    })),
    empty: f.payments === 0,
    buyers: p.buyers,
  };
}

export function spendViewModel(input: {
  form: SpendForm;
  problems: FormProblem[];
  base: string;
  csvPath: string;
  title: string;
  apiHref: string;
  page?: number;
  profile?: PaidProfile;
  lm3Href?: string;
}) {
  const { form, problems } = input;
  return {
    title: input.title,
    action: input.base,
    apiHref: input.apiHref,
    lm3Href: input.lm3Href,
    inputs: inputs(form, problems),
    errorSummary:
      problems.length > 0
        ? problems.map((p) => ({ text: p.message, href: `#${p.field === 'scope' ? 'from' : p.field}` }))
        : undefined,
    results: input.profile
      ? results(input.profile, form, input.page ?? 1, input.base, input.csvPath)
      : undefined,
  };
}
