// The market analytics page → parameters for govuk-frontend macros: the form, the figures (each linked to its
// definition, #def-…), a bar chart of the largest suppliers with the same figures in a table beside it, every
// supplier (paginated, linked to its contracts), and the figures per financial year.
import type { FlagShare, Share } from '../../../analytics/market/index.js';
import type { MarketProfile } from '../../../services/index.js';
import { barChart } from '../../charts/bar-chart.js';
import { formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { pagination, showing } from '../shared/table-nav.js';

export const MARKET_FIELDS = ['buyerId', 'cpv', 'region', 'from', 'to', 'bands'] as const;
export type MarketForm = Partial<Record<(typeof MARKET_FIELDS)[number], string>>;
export interface FormProblem {
  field: string;
  message: string;
}

export const SUPPLIERS_PAGE_SIZE = 25;
export const CHART_BARS = 10;

export const money = (n: number) =>
  `£${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(n)}`;
export const pct = (s: number | null) => (s === null ? 'Not computable' : `${(s * 100).toFixed(1)}%`);
/** Financial year starting on `from`'s year: 2024-04-01 → "2024–25". */
export const fyLabel = (from: string) => {
  const start = Number(from.slice(0, 4)) - (from.slice(5) < '04-01' ? 1 : 0);
  return `${start}–${String((start + 1) % 100).padStart(2, '0')}`;
};
const def = (id: string, text: string) => link(`#def-${id}`, text);

export function marketQueryString(form: MarketForm, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const f of MARKET_FIELDS) if (form[f]) q.set(f, form[f]);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

function flagText(f: FlagShare): string {
  return (
    `${pct(f.byValue.share)} of value (${pct(f.byCount.share)} of awards) with the answer known; ` +
    `not known: ${money(f.unknownValue)}, ${formatNumber(f.unknownCount)} awards`
  );
}
const shareText = (s: Share, unit: (n: number) => string) =>
  `${pct(s.share)} (${unit(s.numerator)} of ${unit(s.denominator)})`;

function inputs(form: MarketForm, problems: FormProblem[]) {
  const error = (id: string) => {
    const p = problems.find((x) => x.field === id || (x.field === 'scope' && id === 'buyerId'));
    return p ? { errorMessage: { text: p.message } } : {};
  };
  const input = (id: keyof MarketForm, label: string, hint: string, classes = 'govuk-input--width-10') => ({
    id,
    name: id,
    label: { text: label },
    hint: { text: hint },
    value: form[id] ?? '',
    classes,
    ...error(id),
  });
  return {
    buyerId: input('buyerId', 'Buyer ID', 'An organisation id'),
    cpv: input(
      'cpv',
      'CPV code',
      'Division, group or class, like 72 or 4521; alone or with a buyer or region',
    ),
    region: input('region', 'Region', 'ITL or NUTS code, like TLE or UKE42'),
    from: input('from', 'From', 'First award day, YYYY-MM-DD'),
    to: input('to', 'To', 'Last award day, YYYY-MM-DD'),
    bands: {
      id: 'bands',
      name: 'bands',
      label: { text: 'HHI bands' },
      items: [
        { value: '', text: 'US 2023 (default)' },
        { value: 'us-2010', text: 'US 2010' },
        { value: 'cma-2010', text: 'UK CMA 2010' },
      ].map((i) => ({ ...i, selected: (form.bands ?? '') === i.value })),
      ...error('bands'),
    },
  };
}

function contractsHref(p: MarketProfile, supplierId?: number): string {
  const q = new URLSearchParams();
  if (p.scope.kind === 'buyer') q.set('buyerId', String(p.scope.buyerId));
  if (p.scope.cpvPrefix !== undefined) q.set('cpv', p.scope.cpvPrefix);
  if (supplierId !== undefined) q.set('supplierId', String(supplierId));
  return `/contracts?${q.toString()}`;
}

function results(p: MarketProfile, form: MarketForm, page: number) {
  const f = p.figures;
  const band = f.hhiBand ? `${f.hhiBand.label} (${p.policy.hhiBandSet})` : 'Not computable';
  const figures: [ReturnType<typeof def>, string][] = [
    [def('value', 'Value awarded'), `${money(f.valueGbp)} in ${formatNumber(f.awards)} awards`],
    [
      def('excluded', 'Left out of value'),
      `${f.excluded.otherCurrency} in other currencies, ${f.excluded.noValue} with no value, ` +
        `${f.excluded.noSupplier} naming no supplier, ${p.undatedAwards} undated`,
    ],
    [def('hhi', 'HHI'), f.hhi === null ? 'Not computable' : `${formatNumber(Math.round(f.hhi))}: ${band}`],
    [def('top', 'Top-1 / top-3 share'), `${pct(f.top1Share)} / ${pct(f.top3Share)}`],
    [def('sme', 'SME share'), flagText(f.sme)],
    [def('vcse', 'VCSE share'), flagText(f.vcse)],
    [def('local', `Local share (ITL${p.policy.localItlLevel})`), flagText(f.local)],
    [
      def('new', 'New entrants'),
      `${f.newEntrants.count} of ${f.newEntrants.ofSuppliers} suppliers, ${pct(f.newEntrants.valueShare.share)} of value`,
    ],
    [
      def('single', 'Single-bid rate'),
      `${shareText(f.singleBid.rate, formatNumber)}; ${f.singleBid.noBidData} competitive without bid data`,
    ],
    [
      def('direct', 'Direct-award share'),
      `${pct(f.directAward.byValue.share)} of value, ${pct(f.directAward.byCount.share)} of awards; ` +
        `${f.directAward.unknownCount} with procedure not known`,
    ],
  ];
  // The service gives this page of the supplier list, and the largest suppliers for the chart.
  const top = p.largestSuppliers;
  const pageRows = f.suppliers;
  const yesNo = (b: boolean | null) => (b === null ? 'Not known' : b ? 'Yes' : 'No');
  const num = { format: 'numeric' };
  return {
    heading: `${p.scope.label}: awards from ${p.from} to ${p.to}`,
    figures: {
      caption: 'Market figures',
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: 'Figure' }, { text: 'Value' }],
      rows: figures.map(([name, value]) => [{ html: name.toString() }, { text: value }]),
    },
    chart: barChart({
      id: 'market-suppliers',
      title: `Largest ${top.length} suppliers by value awarded`,
      description:
        top.length === 0
          ? 'No supplier was awarded a value in pounds in this market and period.'
          : `${top[0]!.name} has the largest share, ${pct(top[0]!.share)}. The table beside the chart gives the same figures.`,
      bars: top.map((s) => ({ label: s.name, value: Math.round(s.value) })),
      format: money,
    }).toString(),
    chartTable: {
      caption: 'Largest suppliers (the chart’s figures)',
      captionClasses: 'govuk-table__caption--s',
      head: [{ text: 'Supplier' }, { text: 'Value', ...num }, { text: 'Share', ...num }],
      rows: top.map((s) => [
        { text: s.name },
        { text: money(s.value), ...num },
        { text: pct(s.share), ...num },
      ]),
    },
    suppliers: {
      caption: 'Every supplier',
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Supplier' },
        { text: 'Value', ...num },
        { text: 'Share', ...num },
        { text: 'Awards', ...num },
        { text: 'SME' },
        { text: 'VCSE' },
        { text: 'New entrant' },
        { text: 'Profile' },
      ],
      rows: pageRows.map((s) => [
        { html: link(contractsHref(p, s.id), s.name).toString() },
        { text: money(s.value), ...num },
        { text: pct(s.share), ...num },
        { text: formatNumber(s.awards), ...num },
        { text: s.scale === null ? 'Not known' : s.scale === 'sme' ? 'Yes' : 'No' },
        { text: yesNo(s.vcse) },
        { text: s.newEntrant ? 'Yes' : 'No' },
        {
          html: link(
            `/organisations/${s.id}/supplier?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`,
            'Profile',
            html`<span class="govuk-visually-hidden"> of ${s.name}</span>`,
          ).toString(),
        },
      ]),
    },
    showing: showing(p.supplierCount, page, SUPPLIERS_PAGE_SIZE, pageRows.length, 'supplier'),
    pagination: pagination({
      total: p.supplierCount,
      page,
      pageSize: SUPPLIERS_PAGE_SIZE,
      href: (n) => `/market?${marketQueryString(form, { page: String(n) })}`,
      label: 'Supplier pages',
    }),
    years: {
      caption: 'Per financial year',
      captionClasses: 'govuk-table__caption--m',
      head: [
        'Year',
        'Value',
        'Awards',
        'HHI',
        'SME share',
        'Local share',
        'New entrants',
        'Direct awards',
      ].map((t, i) => ({ text: t, ...(i > 0 ? num : {}) })),
      rows: p.periods.map((y) => [
        {
          html: html`<abbr title="${y.from} to ${y.to}">${fyLabel(y.from)}</abbr>`.toString(),
        },
        { text: money(y.valueGbp), ...num },
        { text: formatNumber(y.awards), ...num },
        { text: y.hhi === null ? 'Not computable' : formatNumber(Math.round(y.hhi)), ...num },
        { text: pct(y.sme.byValue.share), ...num },
        { text: pct(y.local.byValue.share), ...num },
        { text: formatNumber(y.newEntrants.count), ...num },
        { text: pct(y.directAward.byCount.share), ...num },
      ]),
    },
    contractsHref: contractsHref(p),
    csvHref: `/market.csv?${marketQueryString(form)}`,
    apiHref: `/api/market?${marketQueryString(form)}`,
    policy: p.policy,
    empty: f.awards === 0,
  };
}

export function marketViewModel(input: {
  form: MarketForm;
  problems: FormProblem[];
  page?: number;
  profile?: MarketProfile;
}) {
  const { form, problems } = input;
  return {
    title: input.profile ? `Market: ${input.profile.scope.label}` : 'Market analytics',
    inputs: inputs(form, problems),
    errorSummary:
      problems.length > 0
        ? problems.map((p) => ({ text: p.message, href: `#${p.field === 'scope' ? 'buyerId' : p.field}` }))
        : undefined,
    results: input.profile ? results(input.profile, form, input.page ?? 1) : undefined,
  };
}
