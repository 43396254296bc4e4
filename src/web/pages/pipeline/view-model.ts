// A buyer's pipeline page, one entry's page and the change log → govuk-frontend macro parameters. The same page is
// the editors' workspace (every entry, Add and Change links) and the public page (published entries only).
import {
  PROCUREMENT_ROUTES,
  STATUS_LABELS,
  type PipelineStatus,
  type ProcurementRoute,
  missionTags,
} from '../../../domain/pipeline.js';
import type { Uk1Duty } from '../../../services/pipeline/pipeline-duty.js';
import type { EntryView, Page, PipelineView } from '../../../services/pipeline/pipeline.service.js';
import type {
  FieldChange,
  PipelineChangeRecord,
  PipelineEntryRecord,
} from '../../../services/pipeline/pipeline.service.js';
import { formatAmount, formatDateTime, NOT_KNOWN } from '../../format.js';
import { html, link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';
import { FIELD_LABELS } from './form-view-model.js';

const STATUS_COLOURS: Record<PipelineStatus, string> = {
  idea: 'grey',
  planned: 'blue',
  'in-market': 'purple',
  awarded: 'green',
  cancelled: 'red',
};

export const tag = (text: string, colour: string) =>
  html`<strong class="govuk-tag govuk-tag--${colour}">${text}</strong>`;

export const statusTag = (s: string) =>
  tag(STATUS_LABELS[s as PipelineStatus] ?? s, STATUS_COLOURS[s as PipelineStatus] ?? 'grey');

const gbp = (d: string) => formatAmount(d, 'GBP');

export function valueRange(e: Pick<PipelineEntryRecord, 'valueMin' | 'valueMax'>): string {
  if (e.valueMin && e.valueMax)
    return e.valueMin === e.valueMax ? gbp(e.valueMin) : `${gbp(e.valueMin)} to ${gbp(e.valueMax)}`;
  if (e.valueMax) return `up to ${gbp(e.valueMax)}`;
  if (e.valueMin) return `from ${gbp(e.valueMin)}`;
  return NOT_KNOWN;
}

export const dayText = (d: string | null) => {
  if (!d) return NOT_KNOWN;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${d}T00:00:00Z`));
};

export const routeText = (r: string | null) =>
  r === null ? NOT_KNOWN : (PROCUREMENT_ROUTES[r as ProcurementRoute]?.label ?? r);

export const entryHref = (id: number) => `/pipeline/entries/${id}`;
export const pipelineHref = (orgId: number) => `/organisations/${orgId}/pipeline`;

/** A table of entries (one financial-year group); members see whether each is published. */
export function entryTable(
  caption: string,
  items: readonly PipelineEntryRecord[],
  opts: { members: boolean; buyer?: boolean },
) {
  const head = [
    { text: 'Entry' },
    ...(opts.buyer ? [{ text: 'Buyer' }] : []),
    { text: 'Procurement start' },
    { text: 'Estimated value', format: 'numeric' },
    { text: 'Status' },
    { text: 'Route' },
    ...(opts.members ? [{ text: 'Public' }] : []),
  ];
  const rows = items.map((e) => [
    {
      html: html`${link(entryHref(e.id), e.title)}${e.innovation ? html` ${tag('Innovation', 'turquoise')}` : ''}${
        e.cpvCode ? html`<br /><span class="govuk-body-s">CPV ${e.cpvCode}</span>` : ''
      }`.toString(),
    },
    ...(opts.buyer ? [{ html: link(pipelineHref(e.organisationId), e.organisationName).toString() }] : []),
    { text: dayText(e.procurementStart) },
    { text: valueRange(e), format: 'numeric' },
    { html: statusTag(e.status).toString() },
    { text: routeText(e.route) },
    ...(opts.members ? [{ text: e.published ? 'Published' : 'Not published' }] : []),
  ]);
  return { caption, captionClasses: 'govuk-table__caption--m', head, rows, firstCellIsHeader: false };
}

export function uk1Panel(uk1: Uk1Duty | null) {
  if (!uk1) return undefined;
  return {
    applies: uk1.applies,
    heading: uk1.applies
      ? `UK1 pipeline duty applies (${uk1.year ?? ''})`
      : 'UK1 pipeline duty does not apply',
    detail: uk1.detail,
  };
}

export function pipelineViewModel(v: PipelineView, query: string) {
  const orgHref = pipelineHref(v.organisation.id);
  return {
    title: v.publishedOnly
      ? `Pipeline – ${v.organisation.name}`
      : `Pipeline (workspace) – ${v.organisation.name}`,
    caption: v.organisation.name,
    heading: v.publishedOnly ? 'Procurement pipeline' : 'Procurement pipeline: workspace',
    publishedOnly: v.publishedOnly,
    mayEdit: v.mayEdit,
    newHref: `${orgHref}/new`,
    changesHref: `${orgHref}/changes`,
    engagementHref: `/organisations/${v.organisation.id}/engagement`,
    years: v.years.map((y) => y.label).join(', '),
    asOf: dayText(v.asOf),
    total: v.total,
    uk1: uk1Panel(v.uk1),
    downloads: [
      { href: `${orgHref}.csv`, text: 'All entries (CSV)' },
      { href: `${orgHref}.uk1.csv`, text: 'UK1-ready pipeline notice (CSV)' },
      { href: `${orgHref}.ocds.json`, text: 'OCDS planning releases (JSON)' },
      { href: `${orgHref}.atom`, text: 'Changes (Atom feed)' },
    ],
    tables: v.groups.map((g) => entryTable(g.label, g.items, { members: !v.publishedOnly })),
    pagination: pagination({
      total: v.total,
      page: v.page,
      pageSize: v.pageSize,
      href: (n) => `${orgHref}?page=${n}${query}`,
      label: 'Pipeline pages',
    }),
    breadcrumbs: { items: [{ text: 'Pipelines', href: '/pipeline' }, { text: v.organisation.name }] },
  };
}

const CHANGE_LABELS: Record<FieldChange['field'], string> = {
  ...FIELD_LABELS,
  missions: 'Missions and outcomes',
};

const show = (field: FieldChange['field'], v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  if (field === 'missions') {
    const t = missionTags(v);
    return [...t.missionIds, ...t.outcomeIds].join(', ') || '–';
  }
  if (Array.isArray(v)) return v.length ? v.join(', ') : '–';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (field === 'status') return STATUS_LABELS[v as PipelineStatus] ?? String(v);
  if (field === 'route') return routeText(String(v));
  if (field === 'valueMin' || field === 'valueMax') return gbp(String(v));
  return String(v);
};

export const changeLines = (changes: readonly FieldChange[], created: boolean) =>
  changes.map((c) =>
    created
      ? `${CHANGE_LABELS[c.field]}: ${show(c.field, c.after)}`
      : `${CHANGE_LABELS[c.field]}: ${show(c.field, c.before)} → ${show(c.field, c.after)}`,
  );

export function changesTable(
  items: readonly PipelineChangeRecord[],
  opts: { withEntry: boolean; withActor: boolean },
) {
  return {
    caption: 'Changes, newest first',
    captionClasses: 'govuk-table__caption--m',
    head: [
      { text: 'When' },
      ...(opts.withEntry ? [{ text: 'Entry' }] : []),
      { text: 'Version', format: 'numeric' },
      ...(opts.withActor ? [{ text: 'By' }] : []),
      { text: 'What changed' },
    ],
    rows: items.map((c) => [
      { text: formatDateTime(c.at) },
      ...(opts.withEntry ? [{ html: link(entryHref(c.entryId), c.entryTitle).toString() }] : []),
      { text: String(c.version), format: 'numeric' },
      ...(opts.withActor ? [{ text: c.actor }] : []),
      {
        html: html`${c.action === 'created' ? 'Created. ' : ''}${changeLines(
          c.changes,
          c.action === 'created',
        ).map((l) => html`<span class="app-break">${l}</span><br />`)}`.toString(),
      },
    ]),
  };
}

/** The change log's "Changed since" GET form and its pages, on the pipeline's and an entry's change log. */
function changeLogNav(
  action: string,
  log: { total: number; page: number; pageSize: number },
  since: string,
  error: string | undefined,
) {
  const q = since ? `&since=${encodeURIComponent(since)}` : '';
  return {
    since,
    action,
    errorSummary: error ? [{ text: error, href: '#since' }] : undefined,
    sinceError: error ? { text: error } : undefined,
    total: log.total,
    pagination: pagination({
      total: log.total,
      page: log.page,
      pageSize: log.pageSize,
      href: (n) => `${action}?page=${n}${q}`,
      label: 'Change log pages',
    }),
  };
}

export function entryViewModel(v: EntryView, members: boolean, since = '', error?: string) {
  const e = v.entry;
  const row = (key: string, value: string | ReturnType<typeof html>) => ({
    key: { text: key },
    value: typeof value === 'string' ? { text: value } : { html: value.toString() },
  });
  return {
    title: `${e.title} – pipeline – ${e.organisationName}`,
    heading: e.title,
    caption: e.organisationName,
    mayEdit: v.mayEdit,
    editHref: `${entryHref(e.id)}/edit`,
    engagementHref: `${entryHref(e.id)}/engagement`,
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: e.organisationName, href: pipelineHref(e.organisationId) },
        { text: e.title },
      ],
    },
    summary: {
      rows: [
        row('Status', statusTag(e.status)),
        row('Description', e.description ?? NOT_KNOWN),
        row('Main CPV code', e.cpvCode ?? NOT_KNOWN),
        row('Delivery region', e.deliveryRegion ?? NOT_KNOWN),
        row('Estimated value (incl. VAT)', valueRange(e)),
        row('Estimated procurement start', dayText(e.procurementStart)),
        row('Contract period', `${dayText(e.contractStart)} to ${dayText(e.contractEnd)}`),
        row('Procurement route', routeText(e.route)),
        row('Confidence', e.confidence ?? NOT_KNOWN),
        row('Innovation', e.innovation ? 'Yes' : 'No'),
        row(
          'Linked contracts',
          e.linkedOcids.length
            ? html`${e.linkedOcids.map((o) => html`${link(`/contracts/${encodeURIComponent(o)}`, o)}<br />`)}`
            : 'None',
        ),
        ...(members ? [row('Published', e.published ? 'Yes' : 'No')] : []),
        row('Version', `${e.version}, last changed ${formatDateTime(e.updatedAt)}`),
      ],
    },
    ...(error ? { errorSummary: [{ text: error, href: '#since' }] } : {}),
    log: changeLogNav(entryHref(e.id), v.changes, since, error),
    changes: v.changes.items.length
      ? changesTable(v.changes.items, { withEntry: false, withActor: members })
      : undefined,
  };
}

export function changesViewModel(
  v: Page<PipelineChangeRecord> & { organisation: { id: number; name: string }; publishedOnly: boolean },
  since: string,
  error?: string,
) {
  const orgHref = pipelineHref(v.organisation.id);
  return {
    title: `Pipeline changes – ${v.organisation.name}`,
    caption: v.organisation.name,
    feedHref: `${orgHref}.atom`,
    ...changeLogNav(`${orgHref}/changes`, v, since, error),
    table: v.items.length
      ? changesTable(v.items, { withEntry: true, withActor: !v.publishedOnly })
      : undefined,
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: v.organisation.name, href: orgHref },
        { text: 'Changes' },
      ],
    },
  };
}
