// Table navigation shared by list pages: sortable column headers (links with aria-sort, GOV.UK table pattern) and
// govuk-frontend pagination parameters (first, last and neighbouring pages, ellipses between).
import { html } from '../../html.js';

export type Order = 'asc' | 'desc';

export interface SortHeaderInput {
  label: string;
  /** The address that sorts by this column in `nextOrder`. */
  href: string;
  /** Is the table sorted by this column now, and how. */
  current: Order | null;
  nextOrder: Order;
  numeric?: boolean;
}

/** A header cell for govukTable: a link that sorts, the current order in aria-sort, the next order for readers. */
export function sortHeader({ label, href, current, nextOrder, numeric }: SortHeaderInput) {
  const hidden = ` (sort ${nextOrder === 'asc' ? 'ascending' : 'descending'})`;
  return {
    html: html`<a class="govuk-link app-sort-link" href="${href}"
      >${label}<span class="govuk-visually-hidden">${hidden}</span></a
    >`.toString(),
    attributes: { 'aria-sort': current === null ? 'none' : current === 'asc' ? 'ascending' : 'descending' },
    ...(numeric ? { format: 'numeric' } : {}),
  };
}

/** The order a click on a column gives: the other order when it is current, else the column's default. */
export const nextOrder = (current: Order | null, preferred: Order): Order =>
  current === null ? preferred : current === 'asc' ? 'desc' : 'asc';

export interface PaginationInput {
  total: number;
  page: number;
  pageSize: number;
  href: (page: number) => string;
  /** The landmark's name, e.g. "Contracts results pages". */
  label: string;
}

/** govukPagination parameters, or undefined when everything fits on one page. */
export function pagination({ total, page, pageSize, href, label }: PaginationInput) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return undefined;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const items: object[] = [];
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: href(n), current: n === page });
    last = n;
  }
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    items,
    landmarkLabel: label,
  };
}

/** "Showing 1 to 25 of 296 organisations" (or undefined on an empty page). */
export function showing(total: number, page: number, pageSize: number, shown: number, noun: string) {
  if (shown === 0) return undefined;
  const fmt = new Intl.NumberFormat('en-GB');
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `Showing ${fmt.format(from)} to ${fmt.format(to)} of ${fmt.format(total)} ${noun}`;
}

/** A query string from the given parameters, leaving out empty ones ("" when none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
