// The supplier profile page → parameters for govuk-frontend macros: the period form, the supplier's published flags
// (unknown shown as "Not known"), its figures, and three server-side SVG charts (buyers, markets, financial years),
// each with a table of the same figures beside it; every buyer (paginated) links to the buyer's market profile.
import type { SupplierProfile } from '../../../services/index.js';
import { CPV_LEVEL_KEYS } from '../../../services/market/supplier-query.js';
import { barChart } from '../../charts/bar-chart.js';
import { formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { fyLabel, money, pct, type FormProblem } from '../market/view-model.js';
import { pagination, queryString, showing } from '../shared/table-nav.js';

export const SUPPLIER_FIELDS = ['from', 'to', 'level'] as const;
export type SupplierForm = Partial<Record<(typeof SUPPLIER_FIELDS)[number], string>>;
export const BUYERS_PAGE_SIZE = 25;
const CHART_BARS = 10;
const num = { format: 'numeric' };

const known = (v: boolean | null, yes: string, no: string) => (v === null ? 'Not known' : v ? yes : no);
const marketName = (m: SupplierProfile['figures']['markets'][number]) =>
  m.cpvPrefix === null ? 'No CPV published' : `CPV ${m.cpvPrefix}${m.label ? ` ${m.label}` : ''}`;

function inputs(form: SupplierForm, problems: FormProblem[]) {
  const error = (id: string) => {
    const p = problems.find((x) => x.field === id);
    return p ? { errorMessage: { text: p.message } } : {};
  };
  const input = (id: 'from' | 'to', label: string, hint: string) => ({
    id,
    name: id,
    label: { text: label },
    hint: { text: hint },
    value: form[id] ?? '',
    classes: 'govuk-input--width-10',
    ...error(id),
  });
  return {
    from: input('from', 'From', 'First award day, YYYY-MM-DD'),
    to: input('to', 'To', 'Last award day, YYYY-MM-DD'),
    level: {
      id: 'level',
      name: 'level',
      label: { text: 'Markets by CPV' },
      items: CPV_LEVEL_KEYS.map((k) => ({
        value: k,
        text: k === 'group' ? 'group (default)' : k,
        selected: (form.level ?? 'group') === k,
      })),
      ...error('level'),
    },
  };
}

/** A chart and the table of its figures, side by side on the page. */
function chartWithTable(
  id: string,
  title: string,
  description: string,
  bars: { label: string; value: number; cells: string[] }[],
  head: string[],
) {
  return {
    chart: barChart({ id, title, description, bars, format: money }).toString(),
    table: {
      caption: `${title} (the chart’s figures)`,
      captionClasses: 'govuk-table__caption--s',
      head: head.map((t, i) => ({ text: t, ...(i > 0 ? num : {}) })),
      rows: bars.map((b) => [{ text: b.label }, ...b.cells.map((c) => ({ text: c, ...num }))]),
    },
  };
}

function results(p: SupplierProfile, form: SupplierForm, page: number) {
  const f = p.figures;
  const base = `/organisations/${p.supplier.id}/supplier`;
  const marketHref = (extra: Record<string, string>) =>
    `/market${queryString({ from: p.from, to: p.to, ...extra })}`;
  const topBuyers = f.buyers.slice(0, CHART_BARS);
  const topMarkets = f.markets.slice(0, CHART_BARS);
  const start = (page - 1) * BUYERS_PAGE_SIZE;
  const pageBuyers = f.buyers.slice(start, start + BUYERS_PAGE_SIZE);
  const first = (xs: { share: number | null }[], name: string) =>
    xs.length === 0
      ? 'No value in pounds to show.'
      : `${name} is the largest, ${pct(xs[0]!.share)} of the supplier’s value.`;
  return {
    heading: `Awards from ${p.from} to ${p.to}`,
    figures: {
      caption: 'Supplier figures',
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: 'Figure' }, { text: 'Value' }],
      rows: [
        [
          'Value won',
          `${money(f.valueGbp)} in ${formatNumber(f.awards)} awards (${formatNumber(f.processes)} procedures)`,
        ],
        [
          'Left out of value',
          `${f.excluded.otherCurrency} in other currencies, ${f.excluded.noValue} with no value`,
        ],
        ['Buyers', formatNumber(f.buyers.filter((b) => b.id !== null).length)],
        [
          'Direct-award share',
          `${pct(f.directAward.byValue.share)} of value, ${pct(f.directAward.byCount.share)} of awards; ` +
            `${f.directAward.unknownCount} with procedure not known`,
        ],
        [
          'Single-bid rate',
          `${pct(f.singleBid.rate.share)} (${f.singleBid.rate.numerator} of ${f.singleBid.rate.denominator} competitive procedures with bid data); ` +
            `${f.singleBid.noBidData} without bid data`,
        ],
      ].map(([k, v]) => [{ text: k! }, { text: v! }]),
    },
    buyers: chartWithTable(
      'supplier-buyers',
      `Largest ${topBuyers.length} buyers by value won`,
      first(topBuyers, topBuyers[0]?.name ?? ''),
      topBuyers.map((b) => ({
        label: b.name,
        value: Math.round(b.value),
        cells: [money(b.value), pct(b.share)],
      })),
      ['Buyer', 'Value', 'Share'],
    ),
    markets: chartWithTable(
      'supplier-markets',
      `Largest ${topMarkets.length} markets (CPV ${p.level}) by value won`,
      first(topMarkets, topMarkets[0] ? marketName(topMarkets[0]) : ''),
      topMarkets.map((m) => ({
        label: marketName(m),
        value: Math.round(m.value),
        cells: [money(m.value), pct(m.marketShare)],
      })),
      ['Market', 'Value', 'Share of market'],
    ),
    years: chartWithTable(
      'supplier-years',
      'Value won per financial year',
      f.years.length === 0 ? 'No years.' : `Value won in each financial year from ${p.from} to ${p.to}.`,
      f.years.map((y) => ({
        label: fyLabel(y.from),
        value: Math.round(y.value),
        cells: [money(y.value), formatNumber(y.awards)],
      })),
      ['Year', 'Value', 'Awards'],
    ),
    marketsTable: {
      caption: 'Every market',
      captionClasses: 'govuk-table__caption--m',
      head: ['Market', 'Value won', 'Awards', 'Market value', 'Share of market'].map((t, i) => ({
        text: t,
        ...(i > 0 ? num : {}),
      })),
      rows: f.markets.map((m) => [
        {
          html:
            m.cpvPrefix === null
              ? html`${marketName(m)}`.toString()
              : link(marketHref({ cpv: m.cpvPrefix }), marketName(m)).toString(),
        },
        { text: money(m.value), ...num },
        { text: formatNumber(m.awards), ...num },
        { text: m.marketValue === null ? 'Not known' : money(m.marketValue), ...num },
        { text: pct(m.marketShare), ...num },
      ]),
    },
    buyersTable: {
      caption: 'Every buyer',
      captionClasses: 'govuk-table__caption--m',
      head: ['Buyer', 'Value won', 'Share', 'Awards', 'Contracts'].map((t, i) => ({
        text: t,
        ...(i > 0 && i < 4 ? num : {}),
      })),
      rows: pageBuyers.map((b) => [
        {
          html: (b.id === null
            ? html`${b.name}`
            : link(marketHref({ buyerId: String(b.id) }), b.name)
          ).toString(),
        },
        { text: money(b.value), ...num },
        { text: pct(b.share), ...num },
        { text: formatNumber(b.awards), ...num },
        {
          html:
            b.id === null
              ? ''
              : link(
                  `/contracts${queryString({ buyerId: b.id, supplierId: p.supplier.id })}`,
                  'Contracts',
                  html`<span class="govuk-visually-hidden"> with ${b.name}</span>`,
                ).toString(),
        },
      ]),
    },
    showing: showing(f.buyers.length, page, BUYERS_PAGE_SIZE, pageBuyers.length, 'buyer'),
    pagination: pagination({
      total: f.buyers.length,
      page,
      pageSize: BUYERS_PAGE_SIZE,
      href: (n) => `${base}${queryString({ ...form, page: n })}`,
      label: 'Buyer pages',
    }),
    contractsHref: `/contracts?supplierId=${p.supplier.id}`,
    apiHref: `/api/market/suppliers/${p.supplier.id}${queryString({ ...form })}`,
    empty: f.awards === 0,
  };
}

export function supplierViewModel(input: {
  id: number;
  name: string;
  form: SupplierForm;
  problems: FormProblem[];
  page?: number;
  profile?: SupplierProfile;
}) {
  const { form, problems, profile } = input;
  const s = profile?.supplier;
  return {
    title: `Supplier: ${input.name}`,
    name: input.name,
    action: `/organisations/${input.id}/supplier`,
    inputs: inputs(form, problems),
    errorSummary:
      problems.length > 0 ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined,
    flags: s
      ? {
          rows: [
            ['SME', s.scale === null ? 'Not known (not published)' : s.scale === 'sme' ? 'Yes' : 'No'],
            ['VCSE', known(s.vcse, 'Yes', 'No').replace('Not known', 'Not known (not published)')],
            ['Address', [s.locality, s.postalCode].filter(Boolean).join(', ') || 'Not known'],
          ].map(([k, v]) => ({ key: { text: k! }, value: { text: v! } })),
        }
      : undefined,
    results: profile ? results(profile, form, input.page ?? 1) : undefined,
  };
}
