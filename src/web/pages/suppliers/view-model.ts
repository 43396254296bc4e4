// Supplier pages → parameters for govuk-frontend macros: the supplier list and the unresolved-payee review list
// (sortable headers, pagination), and one supplier with its names, identifiers, sources, the evidence of each
// match, overrides and their history, and the merge/split form for those who may use it (docs/suppliers.md).
import type { OverrideField } from '../../../services/suppliers/suppliers-input.js';
import type {
  Page,
  SupplierDetail,
  SupplierSourceRow,
  SupplierSummary,
} from '../../../services/suppliers/suppliers.service.js';
import { formatAmount, formatDateTime, formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { pagination, sortHeader } from '../shared/table-nav.js';

const KIND_LABELS = {
  ocds: 'OCDS party',
  register: 'Contract register',
  notice: 'Contracts Finder notice export',
  spend: 'Spend payee',
} as const;
const RULE_LABELS: Record<string, string> = {
  'override-merge': 'Merged by an admin',
  identifier: 'Same identifier',
  'buyer-supplier-id': 'Same supplier id at the buyer',
  'name-postcode': 'Same name and postcode',
  'name-same-buyer': 'Same name at the same buyer',
  'trading-name': 'Trading name',
  name: 'Same name (no postcode or number)',
};

const money = (v: string | null) => (v === null ? '–' : formatAmount(v, 'GBP'));
const confidence = (c: number | null) => (c === null ? '–' : c.toFixed(2));
const num = (n: number) => ({ text: formatNumber(n), format: 'numeric' });

function describeEvidence(s: SupplierSourceRow): string {
  const e = s.evidence as { rule?: string; values?: Record<string, string>; with?: string } | null;
  if (!e) return s.split ? 'Split out by an admin: matched to nothing' : 'Matched no other source';
  const values = Object.entries(e.values ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${RULE_LABELS[e.rule ?? ''] ?? e.rule}: ${values}`;
}

function refusedText(s: SupplierSourceRow): string {
  const refused = (s.refused as { values?: Record<string, string> }[] | null) ?? [];
  return refused.map((r) => `not joined: ${r.values?.conflict ?? ''}`).join('; ');
}

/**
 * Links and sortable headers of a list page at `path` sorted by `sort`, keeping `kept` (the filter, left out when
 * empty). Sorting by name is ascending, by anything else descending.
 */
function listNav(path: string, kept: Record<string, string>, sort: string) {
  const href = (over: Record<string, string | number>) => {
    const filter = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== ''));
    const params = new URLSearchParams({ ...filter, sort, ...over } as Record<string, string>);
    return `${path}?${params.toString()}`;
  };
  const header = (label: string, by: string, numeric = false) =>
    sortHeader({
      label,
      href: href({ sort: by }),
      current: sort === by ? (by === 'name' ? 'asc' : 'desc') : null,
      nextOrder: by === 'name' ? 'asc' : 'desc',
      numeric,
    });
  return { href, header };
}

export function supplierListViewModel(p: Page<SupplierSummary>, q: { sort: string; q: string }) {
  const { href, header } = listNav('/suppliers', { q: q.q }, q.sort);
  return {
    title: 'Suppliers',
    q: q.q,
    total: p.total,
    csvHref: `/suppliers.csv?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), sort: q.sort }).toString()}`,
    breadcrumbs: { items: [{ text: 'Home', href: '/' }, { text: 'Suppliers' }] },
    table:
      p.rows.length === 0
        ? null
        : {
            caption: `Suppliers, page ${p.page}`,
            captionClasses: 'govuk-visually-hidden',
            head: [
              header('Supplier', 'name'),
              { text: 'Identifiers' },
              header('Sources', 'sources', true),
              { text: 'OCDS awards', format: 'numeric' },
              { text: 'Register rows', format: 'numeric' },
              header('Payments', 'payments', true),
              header('Paid', 'paid', true),
              { text: 'Weakest match', format: 'numeric' },
            ],
            rows: p.rows.map((r) => [
              { html: link(`/suppliers/${r.id}`, r.name).toString() },
              { text: r.identifiers.join(', ') || 'None' },
              num(r.sourceCount),
              num(r.awards),
              num(r.registerRows),
              num(r.payments),
              { text: money(r.paidAmount), format: 'numeric' },
              { text: confidence(r.confidence), format: 'numeric' },
            ]),
          },
    pagination: pagination({
      total: p.total,
      page: p.page,
      pageSize: p.pageSize,
      href: (page) => href({ page }),
      label: 'Suppliers pages',
    }),
  };
}

export function unresolvedViewModel(p: Page<SupplierSourceRow>, q: { sort: string; buyerId: string }) {
  const { href, header } = listNav('/suppliers/unresolved', { buyerId: q.buyerId }, q.sort);
  return {
    title: 'Unresolved payees',
    total: p.total,
    buyerId: q.buyerId,
    csvHref: `/suppliers/unresolved.csv?${new URLSearchParams({ ...(q.buyerId ? { buyerId: q.buyerId } : {}), sort: q.sort }).toString()}`,
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: 'Suppliers', href: '/suppliers' },
        { text: 'Unresolved payees' },
      ],
    },
    table:
      p.rows.length === 0
        ? null
        : {
            caption: `Unresolved payees, page ${p.page}`,
            captionClasses: 'govuk-visually-hidden',
            head: [
              header('Payee', 'name'),
              { text: 'Buyer' },
              header('Payments', 'payments', true),
              header('Paid', 'amount', true),
              { text: 'Matched so far' },
              { text: 'Review' },
            ],
            rows: p.rows.map((r) => [
              { text: r.name },
              { text: r.buyerName ?? '–' },
              num(r.rows),
              { text: money(r.amount), format: 'numeric' },
              { text: describeEvidence(r) },
              {
                html: link(
                  `/suppliers/${r.supplierId}#override`,
                  `Review supplier ${r.supplierId}`,
                ).toString(),
              },
            ]),
          },
    pagination: pagination({
      total: p.total,
      page: p.page,
      pageSize: p.pageSize,
      href: (page) => href({ page }),
      label: 'Unresolved payees pages',
    }),
  };
}

export interface OverrideFormValues {
  kind: string;
  sourceKey: string;
  otherKey: string;
  reason: string;
}

export function supplierViewModel(
  d: SupplierDetail,
  form: { mayResolve: boolean; values?: OverrideFormValues; errors?: OverrideField[] },
) {
  const s = d.supplier;
  const names = [...new Set(d.sources.flatMap((x) => x.names))];
  const errors = form.errors ?? [];
  const errorFor = (field: OverrideField['field']) => {
    const e = errors.find((x) => x.field === field);
    return e ? { text: e.text } : undefined;
  };
  const v = form.values ?? { kind: 'split', sourceKey: '', otherKey: '', reason: '' };
  return {
    title: s.name,
    supplier: s,
    redirectedFrom: d.redirectedFrom,
    names,
    breadcrumbs: {
      items: [{ text: 'Home', href: '/' }, { text: 'Suppliers', href: '/suppliers' }, { text: s.name }],
    },
    summary: {
      rows: [
        { key: { text: 'Identifiers' }, value: { text: s.identifiers.join(', ') || 'None known' } },
        { key: { text: 'Postcodes' }, value: { text: s.postcodes.join(', ') || 'None known' } },
        {
          key: { text: 'Sources' },
          value: {
            text: d.sources
              .map((x) => KIND_LABELS[x.kind])
              .filter((x, i, a) => a.indexOf(x) === i)
              .join(', '),
          },
        },
        { key: { text: 'OCDS awards' }, value: { text: formatNumber(s.awards) } },
        { key: { text: 'Contract register rows' }, value: { text: formatNumber(s.registerRows) } },
        {
          key: { text: 'Payments' },
          value: { text: `${formatNumber(s.payments)} (${money(s.paidAmount)})` },
        },
        { key: { text: 'Weakest match' }, value: { text: confidence(s.confidence) } },
      ],
    },
    sources: {
      caption: `The ${d.sources.length} source(s) resolved to this supplier`,
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'Source' },
        { text: 'Name as published' },
        { text: 'Buyer' },
        { text: 'Identifiers, postcode' },
        { text: 'Rows', format: 'numeric' },
        { text: 'Evidence' },
        { text: 'Confidence', format: 'numeric' },
      ],
      rows: d.sources.map((x) => [
        { html: html`${KIND_LABELS[x.kind]}<br /><span class="govuk-body-s">${x.key}</span>`.toString() },
        { text: x.names.join(' · ') },
        { text: x.buyerName ?? '–' },
        { text: [...x.identifiers, x.postcode].filter(Boolean).join(', ') || '–' },
        num(x.rows),
        { text: [describeEvidence(x), refusedText(x)].filter(Boolean).join('. ') },
        { text: confidence(x.confidence), format: 'numeric' },
      ]),
    },
    history:
      d.history.length === 0
        ? null
        : {
            caption: 'Overrides',
            captionClasses: 'govuk-table__caption--m',
            head: [{ text: 'When' }, { text: 'Who' }, { text: 'Change' }, { text: 'Reason' }],
            rows: d.history.map((h) => {
              const after = h.after as {
                kind?: string;
                sourceKey?: string;
                otherKey?: string;
                reason?: string;
              };
              return [
                { text: formatDateTime(h.at) },
                { text: h.actor },
                {
                  text: `${after.kind} ${after.sourceKey}${after.otherKey ? ` with ${after.otherKey}` : ''}`,
                },
                { text: after.reason ?? '' },
              ];
            }),
          },
    form: form.mayResolve
      ? {
          action: `/suppliers/${s.id}/overrides`,
          errorSummary:
            errors.length > 0
              ? {
                  titleText: 'There is a problem',
                  errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
                }
              : null,
          kind: {
            idPrefix: 'kind',
            name: 'kind',
            fieldset: { legend: { text: 'Change', classes: 'govuk-fieldset__legend--s' } },
            errorMessage: errorFor('kind'),
            items: [
              { value: 'split', text: 'Split the source out of this supplier', checked: v.kind === 'split' },
              {
                value: 'merge',
                text: 'Merge the source with another supplier or source',
                checked: v.kind === 'merge',
              },
            ],
          },
          source: {
            id: 'sourceKey',
            name: 'sourceKey',
            label: { text: 'Source' },
            errorMessage: errorFor('sourceKey'),
            items: d.sources.map((x) => ({
              value: x.key,
              text: `${KIND_LABELS[x.kind]}: ${x.name}${x.buyerName ? ` (${x.buyerName})` : ''}`,
              selected: x.key === v.sourceKey,
            })),
          },
          other: {
            id: 'otherKey',
            name: 'otherKey',
            label: { text: 'Merge with (supplier number or source key; only for a merge)' },
            hint: {
              text: 'For example 1234, or spend:… / ocds:GB-COH-… as shown in a supplier’s sources table',
            },
            value: v.otherKey,
            errorMessage: errorFor('otherKey'),
            classes: 'govuk-!-width-two-thirds',
          },
          reason: {
            id: 'reason',
            name: 'reason',
            label: { text: 'Reason (recorded with your name)' },
            value: v.reason,
            errorMessage: errorFor('reason'),
          },
        }
      : null,
  };
}
