// Import runs → govuk-frontend macro parameters: the list of runs (file, kind, organisation, counts, each linking to
// its run page) and one run (summary, the column mapping, reasons with counts, every rejected row page by page).
import { basename } from 'node:path';
import type { ImportRunDetail, ImportRunList, ImportRunSummary } from '../../../services/imports.service.js';
import { IMPORT_KINDS } from '../../../services/imports.service.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';

export const KIND_LABELS: Record<string, string> = {
  spend: 'Payments (spend) file',
  register: 'Contract register',
  notices: 'Contracts Finder notice export',
};

const num = (n: number) => ({ text: formatNumber(n), format: 'numeric' });

const skippedText = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${formatNumber(v)} ${k}`)
    .join(', ') || 'none';

export function importListViewModel(list: ImportRunList) {
  const query = (over: { page?: number; kind?: string | null }) => {
    const q = new URLSearchParams();
    const kind = over.kind === undefined ? list.kind : over.kind;
    if (kind) q.set('kind', kind);
    if (list.organisationId !== null) q.set('organisationId', String(list.organisationId));
    if (over.page && over.page > 1) q.set('page', String(over.page));
    const s = q.toString();
    return `/imports${s ? `?${s}` : ''}`;
  };
  return {
    title: 'Import runs',
    scopeText:
      list.scope === 'all'
        ? 'Every organisation’s imports.'
        : 'Imports of the organisations you are a member of.',
    total: list.total,
    kindLinks: [null, ...IMPORT_KINDS].map((k) => ({
      text: k === null ? 'All kinds' : KIND_LABELS[k]!,
      href: query({ kind: k, page: 1 }),
      current: k === list.kind,
    })),
    table: list.runs.length
      ? {
          caption: `Import runs, newest first (${formatNumber(list.total)})`,
          captionClasses: 'govuk-table__caption--m',
          firstCellIsHeader: true,
          head: [
            { text: 'File' },
            { text: 'Kind' },
            { text: 'Organisation' },
            { text: 'Finished' },
            { text: 'Rows', format: 'numeric' },
            { text: 'Kept', format: 'numeric' },
            { text: 'Quarantined', format: 'numeric' },
          ],
          rows: list.runs.map((r: ImportRunSummary) => [
            { html: link(`/imports/${r.id}`, basename(r.file)).toString() },
            { text: KIND_LABELS[r.kind] ?? r.kind },
            { text: r.organisation.name },
            { text: formatDateTime(new Date(r.finishedAt)) },
            num(r.rows),
            num(r.kept),
            num(r.quarantined),
          ]),
        }
      : undefined,
    pagination: pagination({
      total: list.total,
      page: list.page,
      pageSize: list.pageSize,
      href: (page) => query({ page }),
      label: 'Import runs pages',
    }),
    jsonHref: `/api${query({ page: list.page })}`,
    csvHref: query({}).replace(/^\/imports/, '/imports.csv'),
    breadcrumbs: { items: [{ text: 'Home', href: '/' }, { text: 'Import runs' }] },
  };
}

export function importRunViewModel(d: ImportRunDetail) {
  const r = d.run;
  const { page, pageSize, total } = d.rejected;
  const base = `/imports/${r.id}`;
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  return {
    title: `Import run ${r.id}: ${basename(r.file)}`,
    run: r,
    fileName: basename(r.file),
    summary: {
      rows: [
        row('Kind', KIND_LABELS[r.kind] ?? r.kind),
        row('Organisation', `${r.organisation.name} (${r.organisation.id})`),
        row('File', r.file),
        row('Content (sha256)', r.sha256),
        row('Size', `${formatNumber(r.bytes)} bytes`),
        row('Encoding', r.encoding ?? 'not recorded'),
        row('Finished', formatDateTime(new Date(r.finishedAt))),
        row('Records read', formatNumber(r.records)),
        row('Skipped (not rows)', skippedText(r.skipped)),
        row('Rows', formatNumber(r.rows)),
        row('Kept', formatNumber(r.kept)),
        row('Quarantined', formatNumber(r.quarantined)),
      ],
    },
    balanced: r.kept + r.quarantined === r.rows,
    mapping: {
      caption: 'How each column was mapped',
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Column', format: 'numeric' },
        { text: 'Header as published' },
        { text: 'Field' },
        { text: 'Why' },
      ],
      rows: d.mapping.map((m) => [
        { text: String(m.index + 1), format: 'numeric' },
        { text: m.header.trim() === '' ? '(blank)' : m.header },
        { text: m.field ?? 'not used' },
        { text: m.note },
      ]),
    },
    reasons: d.reasons.length
      ? {
          caption: 'Rejected rows by reason',
          captionClasses: 'govuk-table__caption--m',
          head: [{ text: 'Reason' }, { text: 'Rows', format: 'numeric' }],
          rows: d.reasons.map((x) => [{ text: x.reason }, num(x.rows)]),
        }
      : undefined,
    rejected: d.rejected.rows.length
      ? {
          caption: `Every rejected row, by line (${formatNumber(total)})`,
          captionClasses: 'govuk-table__caption--m',
          head: [{ text: 'Line', format: 'numeric' }, { text: 'Reason' }, { text: 'Row as published' }],
          rows: d.rejected.rows.map((q) => [
            { text: String(q.line), format: 'numeric' },
            { text: q.reason },
            { html: html`<code>${q.excerpt}</code>`.toString() },
          ]),
        }
      : undefined,
    rejectedRange:
      total === 0
        ? ''
        : `Rows ${formatNumber((page - 1) * pageSize + 1)} to ${formatNumber(Math.min(total, page * pageSize))} of ${formatNumber(total)}.`,
    pagination: pagination({
      total,
      page,
      pageSize,
      href: (p) => `${base}${p > 1 ? `?page=${p}` : ''}#rejected`,
      label: 'Rejected rows pages',
    }),
    jsonHref: `/api${base}${page > 1 ? `?page=${page}` : ''}`,
    csvHref: `${base}/rejected.csv`,
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: 'Import runs', href: '/imports' },
        { text: `Run ${r.id}` },
      ],
    },
  };
}
