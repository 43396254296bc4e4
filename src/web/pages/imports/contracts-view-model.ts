// A buyer's contracts from local files → govuk-frontend table parameters: source, reference or notice id, title,
// supplier, value, dates, and for a Contracts Finder notice also published as OCDS the link to that process.
import { basename } from 'node:path';
import type { LocalContractList } from '../../../services/imports.service.js';
import { formatAmount, formatNumber } from '../../format.js';
import { link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';

const SOURCE_LABELS: Record<string, string> = {
  register: 'Contract register',
  'contracts-finder-export': 'Contracts Finder export',
};

export function localContractsViewModel(l: LocalContractList) {
  const base = `/organisations/${l.organisation.id}/local-contracts`;
  return {
    title: 'Contracts from registers and notice exports',
    organisation: l.organisation,
    total: l.total,
    table: l.contracts.length
      ? {
          caption: `Contracts from local files, newest first (${formatNumber(l.total)})`,
          captionClasses: 'govuk-table__caption--m',
          head: [
            { text: 'Title' },
            { text: 'Source' },
            { text: 'Reference or notice' },
            { text: 'Supplier' },
            { text: 'Value', format: 'numeric' },
            { text: 'Date' },
            { text: 'Expiry' },
            { text: 'Also in OCDS' },
          ],
          rows: l.contracts.map((c) => [
            { text: c.title },
            {
              text: `${SOURCE_LABELS[c.source] ?? c.source} (${basename(c.source_file)} line ${c.source_line})`,
            },
            { text: c.reference ?? '—' },
            { text: c.supplier_name ?? '—' },
            { text: c.value === null ? '—' : formatAmount(c.value, c.currency), format: 'numeric' },
            { text: c.date ?? '—' },
            { text: c.expiry ?? '—' },
            c.ocds_ocid
              ? { html: link(`/contracts/${encodeURIComponent(c.ocds_ocid)}`, c.ocds_ocid).toString() }
              : { text: c.source === 'register' ? 'Not linked' : 'No' },
          ]),
        }
      : undefined,
    pagination: pagination({
      total: l.total,
      page: l.page,
      pageSize: l.pageSize,
      href: (p) => `${base}${p > 1 ? `?page=${p}` : ''}`,
      label: 'Contracts pages',
    }),
    jsonHref: `/api${base}${l.page > 1 ? `?page=${l.page}` : ''}`,
    csvHref: `${base}.csv`,
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: l.organisation.name, href: `/organisations/${l.organisation.id}/quality` },
        { text: 'Contracts from local files' },
      ],
    },
  };
}
