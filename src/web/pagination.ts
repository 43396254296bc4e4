// GOV.UK pagination parameters for a list of `total` results: first, last, and the pages either side of the
// current one, with ellipses between.
export function paginationFor(
  total: number,
  page: number,
  pageSize: number,
  href: (n: number) => string,
  landmarkLabel: string,
) {
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
    landmarkLabel,
  };
}
