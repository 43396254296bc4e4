// A pipeline's entries grouped by the financial year their procurement starts in: before the three rolling years,
// each of them, after them, and undated.
import { rollingYears, yearGroup } from '../../domain/pipeline.js';
import type { Day } from '../../domain/rules/index.js';

export interface YearGroupOf<T> {
  /** A financial year's first day, or earlier / later / undated. */
  key: string;
  label: string;
  items: T[];
}

/** Entries in procurement-start order, grouped: earlier, each of the three years, later, undated. */
export function groupByYear<T extends { procurementStart: string | null }>(
  items: readonly T[],
  asOf: Day,
): YearGroupOf<T>[] {
  const years = rollingYears(asOf);
  const order: { key: string; label: string }[] = [
    { key: 'earlier', label: `Procurement starting before ${years[0]!.label}` },
    ...years.map((y) => ({ key: y.start, label: y.label })),
    { key: 'later', label: `Procurement starting after ${years[years.length - 1]!.label}` },
    { key: 'undated', label: 'Procurement start not yet known' },
  ];
  return order
    .map((g) => ({ ...g, items: items.filter((i) => yearGroup(i.procurementStart, years) === g.key) }))
    .filter((g) => g.items.length > 0);
}
