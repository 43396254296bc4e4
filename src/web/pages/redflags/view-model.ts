// A buyer's red-flags page → parameters for govuk-frontend macros: the summary per flag (each count links to the
// results with that status), the results table with record links, status links, pagination, the CSV link, and
// each flag's definition with its thresholds in force ([?] = configurable default).
import { FLAG_STATUSES, type FlagStatusFilter } from '../../../services/redflags-input.js';
import type { FlagDefinition, FlagsReport } from '../../../services/redflags.service.js';
import type { FlagOutcome } from '../../../analytics/redflags/index.js';
import { link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';

const STATUS_LABELS: Record<FlagStatusFilter, string> = {
  flagged: 'Flagged',
  'not-computable': 'Not computable',
  clear: 'Clear',
  'out-of-scope': 'Out of scope',
  all: 'All results',
};

const resultLabel = (status: string, reason?: string) =>
  status === 'not-applicable'
    ? STATUS_LABELS[reason === 'not-computable' ? 'not-computable' : 'out-of-scope']
    : STATUS_LABELS[status as FlagStatusFilter];

/** A result's evidence and the dated rules it used, as one cell of text ([?] marks a configurable default). */
export const evidenceText = (i: Pick<FlagOutcome, 'evidence' | 'rules'>): string =>
  [
    ...i.evidence.map((e) => `${e.label}: ${e.value}`),
    ...i.rules.map((u) => `${u.id} = ${u.value}${u.configurableDefault ? ' [?]' : ''}`),
  ].join('; ');

/** The record a result is about (a link to its contract page), or the buyer for a buyer-level result. */
export const recordCell = (i: {
  ocid: string | null;
  subject?: string | undefined;
}): { text: string } | { html: string } =>
  i.ocid === null
    ? { text: i.subject ? `Buyer (${i.subject})` : 'Buyer' }
    : {
        html: link(
          `/contracts/${encodeURIComponent(i.ocid)}`,
          i.subject ? `${i.ocid} (${i.subject})` : i.ocid,
        ).toString(),
      };

export function redFlagsViewModel(r: FlagsReport, definitions: FlagDefinition[], base: string) {
  const href = (status: string, page = 1) => `${base}?status=${status}${page > 1 ? `&page=${page}` : ''}`;
  const title = (id: string) => definitions.find((d) => d.id === id)?.title ?? id;
  const count = (status: string, n: number) =>
    n === 0
      ? { text: '0', format: 'numeric' }
      : { html: link(`${href(status)}#results`, String(n)).toString(), format: 'numeric' };
  return {
    title: 'Red flags',
    organisation: r.buyer!,
    records: r.records,
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: r.buyer!.name, href: `/organisations/${r.buyer!.id}/quality` },
        { text: 'Red flags' },
      ],
    },
    summary: {
      caption: 'Results per flag',
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Flag' },
        { text: 'Scope' },
        { text: 'Severity' },
        { text: 'Flagged', format: 'numeric' },
        { text: 'Not computable', format: 'numeric' },
        { text: 'Clear', format: 'numeric' },
        { text: 'Out of scope', format: 'numeric' },
      ],
      rows: r.summary.map((s) => [
        { html: link(`#flag-${s.flagId}`, s.title).toString() },
        { text: s.scope === 'buyer' ? 'Buyer' : 'Record' },
        { text: s.severity },
        count('flagged', s.flagged),
        count('not-computable', s.notComputable),
        count('clear', s.clear),
        count('out-of-scope', s.outOfScope),
      ]),
    },
    status: r.status,
    statusLabel: STATUS_LABELS[r.status as FlagStatusFilter],
    statusLinks: FLAG_STATUSES.map((s) => ({
      text: STATUS_LABELS[s],
      href: `${href(s)}#results`,
      current: s === r.status,
    })),
    total: r.total,
    table:
      r.items.length === 0
        ? undefined
        : {
            caption: `${STATUS_LABELS[r.status as FlagStatusFilter]}: page ${r.page}`,
            captionClasses: 'govuk-visually-hidden',
            head: [
              { text: 'Flag' },
              { text: 'Record' },
              { text: 'Result' },
              { text: 'Found' },
              { text: 'Evidence' },
            ],
            rows: r.items.map((i) => [
              { html: link(`#flag-${i.flagId}`, title(i.flagId)).toString() },
              recordCell(i),
              { text: resultLabel(i.status, i.reason) },
              { text: i.missing ? `${i.detail} Missing: ${i.missing.join(', ')}.` : i.detail },
              {
                text: evidenceText(i),
              },
            ]),
          },
    pagination: pagination({
      total: r.total,
      page: r.page,
      pageSize: r.pageSize,
      href: (p) => `${href(r.status, p)}#results`,
      label: 'Red flag results pages',
    }),
    csvHref: `${base}.csv?status=${r.status}`,
    jsonHref: `/api/flags?buyerId=${r.buyer!.id}&status=${r.status}`,
    definitions: definitions.map((d) => ({
      ...d,
      thresholdText: d.thresholds.map(
        (t) => `${t.id} = ${t.value} ${t.unit}${t.configurableDefault ? ' [?]' : ''}`,
      ),
    })),
  };
}
