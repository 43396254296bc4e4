// One check: for one organisation (its definition, counts and the records failing it or that it could not judge,
// sortable and paginated), and across every buyer. Definitions are shared with the method page.
import type { CheckAcross, CheckDefinition, CheckDetail, CheckRecord } from '../../../services/index.js';
import { formatDate, formatNumber, isoDay } from '../../format.js';
import { html, link } from '../../html.js';
import { nextOrder, pagination, queryString, showing, sortHeader, type Order } from '../shared/table-nav.js';
import {
  buyerTypeText,
  formatDay,
  qualityHref,
  rateText,
  SEVERITY_TEXT,
  qualityBreadcrumbs,
  COUNT_HEADS,
} from './common.js';

/** Summary-list rows that define a check (also on the method page). */
export function definitionRows(c: CheckDefinition) {
  const code = (xs: string[]) =>
    html`${xs.map((x, i) => html`${i > 0 ? ', ' : ''}<code>${x}</code>`)}`.toString();
  return [
    { key: { text: 'What it checks' }, value: { text: c.definition } },
    { key: { text: 'Applies to' }, value: { text: c.appliesTo } },
    {
      key: { text: 'Severity' },
      value: { text: `${SEVERITY_TEXT[c.severity] ?? c.severity}: weight ${c.weight} in the score` },
    },
    { key: { text: 'Category' }, value: { text: c.category } },
    { key: { text: 'Rule source' }, value: { text: c.source } },
    { key: { text: 'Fields read' }, value: { html: code(c.fields) } },
    ...(c.gaps.length > 0 ? [{ key: { text: 'Known gaps' }, value: { text: c.gaps.join(' ') } }] : []),
    { key: { text: 'Check id' }, value: { html: code([c.id]) } },
  ];
}

type Sort = CheckDetail['records']['sort'];
const LABELS: Record<Sort, string> = {
  title: 'Record',
  ocid: 'Open Contracting ID',
  published: 'First published',
};
const PREFERRED: Record<Sort, Order> = { title: 'asc', ocid: 'asc', published: 'desc' };

function recordRow(r: CheckRecord) {
  const name =
    r.ocid === null
      ? html`${r.subject ?? 'The organisation'}`
      : link(`/contracts/${encodeURIComponent(r.ocid)}`, r.title ?? r.ocid);
  const reasons = html`<ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
    ${r.reasons.map(
      (x) =>
        html`<li>
          ${x.subject ? html`<strong>${x.subject}:</strong> ` : ''}${x.detail}${
            x.missing.length > 0 ? html` Missing: ${x.missing.join(', ')}.` : ''
          }
        </li>`,
    )}
  </ul>`;
  return [
    { html: name.toString() },
    { html: html`<span class="app-break">${r.ocid ?? '–'}</span>`.toString() },
    {
      html: (r.firstPublished
        ? html`<time datetime="${isoDay(r.firstPublished)}">${formatDate(r.firstPublished)}</time>`
        : html`Not known`
      ).toString(),
    },
    { html: reasons.toString() },
  ];
}

export function checkDetailViewModel(d: CheckDetail) {
  const { organisation: org, check, counts, records } = d;
  const base = qualityHref.check(org.id, check.id);
  const state = { status: records.status === 'failed' ? undefined : records.status, asOf: undefined };
  const header = (key: Sort) => {
    const current = records.sort === key ? records.order : null;
    const order = nextOrder(current, PREFERRED[key]);
    const href = `${base}${queryString({ ...state, sort: key, order, pageSize: records.pageSize })}`;
    return sortHeader({ label: LABELS[key], href, current, nextOrder: order });
  };
  const failing = records.status === 'failed';
  return {
    title: `${check.title}: ${org.name}`,
    heading: check.title,
    organisation: org,
    wide: true,
    breadcrumbs: qualityBreadcrumbs({ text: org.name, href: qualityHref.scorecard(org.id) }),
    asOf: formatDay(d.asOf),
    definition: { rows: definitionRows(check) },
    methodHref: qualityHref.method(check.id),
    acrossHref: qualityHref.across(check.id),
    counts: {
      rows: [
        ['Passed', counts.passed],
        ['Failed', counts.failed],
        ['Not computable', counts.notComputable],
        ['Not yet due', counts.notYetDue],
        ['Out of scope', counts.outOfScope],
      ]
        .map(([k, v]) => ({ key: { text: String(k) }, value: { text: formatNumber(Number(v)) } }))
        .concat([{ key: { text: 'Pass rate' }, value: { text: rateText(counts.passRate) } }]),
    },
    tabs: [
      { text: `Failing (${formatNumber(counts.failed)})`, href: base, current: failing },
      {
        text: `Not computable (${formatNumber(counts.notComputable)})`,
        href: `${base}${queryString({ status: 'not-computable' })}`,
        current: !failing,
      },
    ],
    listHeading: failing ? 'Records failing this check' : 'Records this check could not judge',
    missing: d.missing.map((m) => `${m.field}: missing on ${formatNumber(m.units)}`),
    showing: showing(records.total, records.page, records.pageSize, records.items.length, 'records'),
    total: records.total,
    emptyText: failing ? 'No record fails this check.' : 'This check could judge every record it applies to.',
    table:
      records.items.length > 0
        ? {
            caption: failing ? 'Records failing this check' : 'Records not computable',
            captionClasses: 'govuk-visually-hidden',
            head: [header('title'), header('ocid'), header('published'), { text: 'Why' }],
            rows: records.items.map(recordRow),
          }
        : undefined,
    firstPageHref: `${base}${queryString({ ...state, sort: records.sort, order: records.order })}`,
    pagination: pagination({
      ...records,
      href: (page) =>
        `${base}${queryString({ ...state, sort: records.sort, order: records.order, page, pageSize: records.pageSize })}`,
      label: 'Record pages',
    }),
    jsonHref: `${qualityHref.api.check(org.id, check.id)}${queryString({
      status: state.status,
      sort: records.sort,
      order: records.order,
      page: records.page,
      pageSize: records.pageSize,
      asOf: d.asOf,
    })}`,
  };
}

export function checkAcrossViewModel(a: CheckAcross) {
  const num = (n: number) => ({ text: formatNumber(n), format: 'numeric' });
  return {
    title: `${a.check.title}: every buyer`,
    heading: a.check.title,
    wide: true,
    breadcrumbs: qualityBreadcrumbs(),
    asOf: formatDay(a.asOf),
    definition: { rows: definitionRows(a.check) },
    methodHref: qualityHref.method(a.check.id),
    showing: showing(a.total, a.page, a.pageSize, a.items.length, 'organisations'),
    total: a.total,
    table:
      a.items.length > 0
        ? {
            caption: 'Buyers by pass rate of this check, lowest first',
            captionClasses: 'govuk-table__caption--s',
            head: [{ text: 'Organisation' }, { text: 'Buyer type' }, ...COUNT_HEADS],
            rows: a.items.map((r) => [
              { html: link(qualityHref.check(r.id, a.check.id), r.name).toString() },
              { text: buyerTypeText(r.buyerType) },
              num(r.passed),
              num(r.failed),
              num(r.notComputable),
              { text: rateText(r.passRate), format: 'numeric' },
            ]),
          }
        : undefined,
    pagination: pagination({
      ...a,
      href: (page) => `${qualityHref.across(a.check.id)}${queryString({ page, pageSize: a.pageSize })}`,
      label: 'Organisation pages',
    }),
    jsonHref: `${qualityHref.api.across(a.check.id)}${queryString({ page: a.page, pageSize: a.pageSize, asOf: a.asOf })}`,
  };
}
