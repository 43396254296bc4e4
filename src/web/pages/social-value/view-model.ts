// The social value pages (docs/social-value.md): a contract's commitments and delivery reports with the roll-up
// per metric; a buyer's roll-up; the national and regional roll-up with filters. Every table is one row per group
// and metric id: figures of different metrics are never added, and shares are counted, not summed.
import { shareOf, type RollUpRow } from '../../../analytics/social-value/index.js';
import type {
  CommitmentView,
  ContractSocialValue,
  DeliveryRow,
  RollUpResult,
} from '../../../services/social-value/social-value.service.js';
import { formatDateTime } from '../../format.js';
import { html, link, type SafeHtml } from '../../html.js';
import { pagination, queryString, showing } from '../shared/table-nav.js';

export const contractSocialValueHref = (ocid: string): string =>
  `/contracts/${encodeURIComponent(ocid)}/social-value`;

export const timingText = (c: {
  due_date: string | null;
  period_start: string | null;
  period_end: string | null;
}): string => (c.due_date ? `By ${c.due_date}` : `${c.period_start ?? '?'} to ${c.period_end ?? '?'}`);

export const evidenceList = (urls: readonly string[]): SafeHtml =>
  html`<ul class="govuk-list">
    ${urls.map((u) => html`<li>${link(u, u)}</li>`)}
  </ul>`;

const num = { format: 'numeric' } as const;
const figure = (v: string | null, additive: boolean) => ({
  text: v ?? (additive ? '0' : 'Not added up'),
  ...num,
});
const pct = (r: RollUpRow) => {
  const s = shareOf(r.delivered, r.committed);
  return { text: s === null ? '–' : `${s}%`, ...num };
};

export interface RollUpLinks {
  /** Where the figures are defined: each header links to it. */
  definitionHref?: string;
  /** The metric's place in the catalogue. */
  metricHref?: (r: RollUpRow) => string;
  /** The records behind a row (its commitments by contract). */
  recordsHref?: (r: RollUpRow) => string;
}

/** The roll-up table: one row per group and metric id (with links to definitions and records when given). */
export function rollUpTable(
  rows: readonly RollUpRow[],
  caption: string,
  showGroup: boolean,
  links: RollUpLinks = {},
) {
  const head = (text: string, numeric = true) => ({
    ...(links.definitionHref ? { html: link(links.definitionHref, text).toString() } : { text }),
    ...(numeric ? num : {}),
  });
  const metric = (r: RollUpRow) =>
    html`${links.metricHref ? link(links.metricHref(r), r.metricName) : r.metricName}<br /><span
        class="govuk-body-s app-break"
        >${r.metricId}</span
      >`;
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    firstCellIsHeader: false,
    head: [
      ...(showGroup ? [{ text: 'Group' }] : []),
      head('Metric', false),
      head('Unit', false),
      head('Contracts'),
      head('Committed'),
      head('Delivered'),
      head('Verified'),
      head('Delivered of committed'),
    ],
    rows: rows.map((r) => [
      ...(showGroup ? [groupCell(r)] : []),
      { html: metric(r) },
      { text: r.unit },
      links.recordsHref
        ? { html: link(links.recordsHref(r), String(r.contracts)).toString(), ...num }
        : { text: String(r.contracts), ...num },
      figure(r.committed, r.additive),
      figure(r.delivered, r.additive),
      figure(r.verified, r.additive),
      pct(r),
    ]),
  };
}

function groupCell(r: RollUpRow) {
  if (r.by === 'contract' && r.groupKey)
    return { html: link(contractSocialValueHref(r.groupKey), r.groupName) };
  if (r.by === 'buyer' && r.groupKey)
    return { html: link(`/organisations/${r.groupKey}/social-value`, r.groupName) };
  if (r.by === 'region' && r.groupKey)
    return { html: link(`/social-value${queryString({ region: r.groupKey })}`, r.groupName) };
  return { text: r.groupName };
}

const STATUS = {
  unverified: { text: 'Unverified', classes: 'govuk-tag--yellow' },
  verified: { text: 'Verified', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
} as const;

function deliveryRows(c: CommitmentView, mayVerify: boolean) {
  return c.deliveries.map((d: DeliveryRow) => [
    { text: `${d.period_start} to ${d.period_end}` },
    { text: `${d.quantity} ${c.unit}` },
    { html: evidenceList(d.evidence) },
    {
      html: html`<strong class="govuk-tag ${STATUS[d.status].classes}">${STATUS[d.status].text}</strong>${
          d.verified_by
            ? html`<br /><span class="govuk-body-s"
                  >by ${d.verified_by},
                  ${formatDateTime(d.verified_at)}${
                    d.verification_note ? html`: ${d.verification_note}` : ''
                  }</span
                >`
            : ''
        }`,
    },
    {
      html:
        mayVerify && d.status === 'unverified'
          ? link(
              `/social-value/deliveries/${d.id}/verify`,
              'Verify',
              html`<span class="govuk-visually-hidden">
                the report for ${d.period_start} to ${d.period_end}</span
              >`,
            )
          : html`${d.created_by}`,
    },
  ]);
}

export function contractViewModel(v: ContractSocialValue) {
  const c = v.contract;
  const name = c.title ?? c.ocid;
  return {
    title: `Social value – ${name}`,
    breadcrumbs: {
      items: [
        { text: 'Contracts', href: '/contracts' },
        { text: name, href: `/contracts/${encodeURIComponent(c.ocid)}` },
        { text: 'Social value' },
      ],
    },
    caption: name,
    buyer: c.buyer
      ? {
          name: c.buyer.name ?? `Organisation ${c.buyer.id}`,
          href: `/organisations/${c.buyer.id}/social-value`,
        }
      : null,
    region: c.region,
    summary: v.rollUp.rows.length
      ? rollUpTable(v.rollUp.rows, 'Committed, delivered and verified', false)
      : undefined,
    commitments: v.commitments.map((x) => ({
      id: `commitment-${x.id}`,
      heading: `${x.metric?.name ?? x.metric_id}: ${x.target} ${x.unit}`,
      meta: `${x.metric_id} · ${timingText(x)} · recorded by ${x.created_by}, ${formatDateTime(x.created_at)}`,
      note: x.note,
      reportHref: v.mayRecord ? `/social-value/commitments/${x.id}/report` : null,
      table: x.deliveries.length
        ? {
            caption: `Delivery reports: ${x.metric?.name ?? x.metric_id}`,
            captionClasses: 'govuk-visually-hidden',
            head: [
              { text: 'Period' },
              { text: 'Quantity' },
              { text: 'Evidence' },
              { text: 'Status' },
              { text: v.mayVerify ? 'Action' : 'Reported by' },
            ],
            rows: deliveryRows(x, v.mayVerify),
          }
        : undefined,
    })),
    commitHref: v.mayRecord ? `${contractSocialValueHref(c.ocid)}/commit` : null,
    api: `/api/contracts/${encodeURIComponent(c.ocid)}/social-value`,
    excluded: v.rollUp.excluded.map((e) => `${e.metricId}: ${e.reason}`),
  };
}

const BY_LABEL = {
  total: 'Total',
  region: 'Region',
  mission: 'Mission',
  buyer: 'Buyer',
  contract: 'Contract',
} as const;

export const PAGE_SIZE = 50;

/** The buyer page and the national/regional page share this: filters (when shown), the table, pagination, CSV. */
export function rollUpViewModel(
  r: RollUpResult,
  opts: {
    page: number;
    path: string;
    heading: string;
    filters?: {
      regions: Array<{ code: string; name: string }>;
      missions: Array<{ id: string; name: string }>;
    };
  },
) {
  const q = {
    buyer: r.filters.buyer,
    region: r.filters.region,
    mission: r.filters.mission,
    metric: r.filters.metric,
    by: r.by === 'total' ? undefined : r.by,
  };
  const pageRows = r.rows.slice((opts.page - 1) * PAGE_SIZE, opts.page * PAGE_SIZE);
  const scope = [r.named.region, r.named.mission, r.filters.metric && `metric ${r.filters.metric}`]
    .filter(Boolean)
    .join(', ');
  return {
    title: opts.heading,
    heading: opts.heading,
    scope: scope || null,
    table: pageRows.length
      ? rollUpTable(pageRows, `By ${BY_LABEL[r.by].toLowerCase()} and metric`, r.by !== 'total')
      : undefined,
    showing: showing(r.rows.length, opts.page, PAGE_SIZE, pageRows.length, 'rows'),
    pagination: pagination({
      total: r.rows.length,
      page: opts.page,
      pageSize: PAGE_SIZE,
      href: (p) =>
        `${opts.path}${queryString({ ...q, ...(opts.path.startsWith('/organisations') ? { buyer: undefined } : {}), page: p })}`,
      label: 'Social value results pages',
    }),
    csvHref: `/social-value.csv${queryString(q)}`,
    apiHref: `/api/social-value${queryString(q)}`,
    excluded: r.excluded.map((e) => `${e.ocid} ${e.metricId}: ${e.reason}`),
    filterForm: opts.filters
      ? {
          action: opts.path,
          region: {
            id: 'region',
            name: 'region',
            label: { text: 'Region of the buyer' },
            items: [
              { value: '', text: 'All regions' },
              ...opts.filters.regions.map((x) => ({
                value: x.code,
                text: `${x.name} (${x.code})`,
                selected: x.code === r.filters.region,
              })),
            ],
          },
          mission: {
            id: 'mission',
            name: 'mission',
            label: { text: 'Mission' },
            items: [
              { value: '', text: 'All missions' },
              ...opts.filters.missions.map((x) => ({
                value: x.id,
                text: x.name,
                selected: x.id === r.filters.mission,
              })),
            ],
          },
          by: {
            id: 'by',
            name: 'by',
            label: { text: 'Group by' },
            items: (Object.keys(BY_LABEL) as Array<keyof typeof BY_LABEL>).map((k) => ({
              value: k,
              text: k === 'total' ? 'Total (one row per metric)' : BY_LABEL[k],
              selected: k === r.by,
            })),
          },
        }
      : undefined,
  };
}
