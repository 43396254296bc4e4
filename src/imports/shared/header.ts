// Layout detection by header synonyms: each field of our model lists the header texts publishers use for it, in
// order of preference. Headers are compared in a normal form (lower case, letters and digits only), so
// `Net Amount(£)`, `Net Amount (£)`, `ï»¿Net Amount` and `NET AMOUNT` are one header. See docs/local-data.md.

export interface FieldSpec<F extends string> {
  field: F;
  /** Normalised header texts, most specific first: the earliest synonym present wins. */
  synonyms: readonly string[];
}

export interface ColumnMapping<F extends string> {
  index: number;
  header: string;
  /** The field this column feeds, or null (kept in the raw excerpt only). */
  field: F | null;
  /** Why: the synonym matched, or why the column was left out. */
  note: string;
}

export interface HeaderMapping<F extends string> {
  /** Column index of each mapped field. */
  columns: Partial<Record<F, number>>;
  report: ColumnMapping<F>[];
}

/** `Net Amount (£)` → `netamount`; letters outside a-z (`£`, `ï»¿`, `œ`) and punctuation go. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Maps a header row onto fields. For a field the earliest synonym in its list wins; when the same header appears
 * twice (Harrogate's `Supplier Name,Supplier Name`: code then name) the last column wins, the publisher's text
 * column after its code column.
 */
export function mapHeader<F extends string>(
  cells: readonly string[],
  specs: readonly FieldSpec<F>[],
): HeaderMapping<F> {
  const normal = cells.map(normaliseHeader);
  const columns: Partial<Record<F, number>> = {};
  const matched = new Map<number, { field: F; synonym: string }>();
  for (const spec of specs) {
    for (const synonym of spec.synonyms) {
      const at = normal.lastIndexOf(synonym);
      if (at < 0 || matched.has(at)) continue;
      columns[spec.field] = at;
      matched.set(at, { field: spec.field, synonym });
      break;
    }
  }
  const report = cells.map((header, index): ColumnMapping<F> => {
    const m = matched.get(index);
    if (m) return { index, header, field: m.field, note: `header "${m.synonym}"` };
    const note =
      normal[index] === ''
        ? 'blank column'
        : normal.lastIndexOf(normal[index]!) !== index
          ? 'repeated header: the later column is used'
          : 'not used';
    return { index, header, field: null, note };
  });
  return { columns, report };
}

/** How many of the required fields a row maps: a header row maps them all, a data row almost never any. */
export function headerScore<F extends string>(
  cells: readonly string[],
  specs: readonly FieldSpec<F>[],
  required: readonly F[],
): number {
  const { columns } = mapHeader(cells, specs);
  return required.filter((f) => columns[f] !== undefined).length;
}
