// Rules as dated configuration (design.md §5): every threshold, deadline and definition the checks use is a rule
// with versions, each valid over a span of UK calendar days and carrying its source. A record is judged by the
// version in force on the date that matters for it (a procurement's start, a contract's signature or end).
// Pure data and lookups: no I/O, no clock.

/** A UK calendar day, `YYYY-MM-DD` (days compare as text). */
export type Day = string;

/** How sure the value is, in domain.md's terms: [V] primary source, [S] secondary, [?] unverified. */
export type Evidence = 'V' | 'S' | '?';

export interface RuleVersion<T> {
  value: T;
  /** First day the version applies (inclusive). */
  validFrom: Day;
  /** Last day it applies (inclusive); null while it is still in force. */
  validTo: Day | null;
  /** Where the value was read: the domain.md section and the source it cites. */
  source: string;
  evidence: Evidence;
  /**
   * True when the value is not verified ([?] in domain.md) or is missionbuy's own choice: a configurable default,
   * to be shown as such wherever a result depends on it.
   */
  configurableDefault: boolean;
}

export interface Rule<T> {
  title: string;
  /** What the value is counted in. */
  unit: 'GBP incl. VAT' | 'days' | 'working days' | 'months' | 'count' | 'date' | 'text' | 'flag';
  versions: readonly RuleVersion<T>[];
}

/** A rule's only version, in force from `validFrom` with no end; [?] values are configurable defaults. */
export function inForceFrom<T>(
  value: T,
  validFrom: Day,
  source: string,
  evidence: Evidence,
  configurableDefault = evidence === '?',
): RuleVersion<T>[] {
  return [{ value, validFrom, validTo: null, source, evidence, configurableDefault }];
}

/** The version in force on `day`, or null when none is (before the first, after the last, or in a gap). */
export function versionOn<T>(rule: Rule<T>, day: Day): RuleVersion<T> | null {
  for (const v of rule.versions) {
    if (day >= v.validFrom && (v.validTo === null || day <= v.validTo)) return v;
  }
  return null;
}

/** Problems with a rule's versions: overlapping spans, or a span that ends before it starts. */
export function ruleProblems(id: string, rule: Rule<unknown>): string[] {
  const problems: string[] = [];
  const sorted = [...rule.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  sorted.forEach((v, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.validFrom))
      problems.push(`${id}: validFrom ${v.validFrom} is not a day`);
    if (v.validTo !== null && v.validTo < v.validFrom) problems.push(`${id}: ends before it starts`);
    const next = sorted[i + 1];
    if (next && (v.validTo === null || v.validTo >= next.validFrom))
      problems.push(`${id}: versions from ${v.validFrom} and ${next.validFrom} overlap`);
  });
  return problems;
}

/** The version in force on `day`; throws naming `what` when none is (a catalogue must cover every day it serves). */
export function requireVersionOn<T>(rule: Rule<T>, day: Day, what: string): RuleVersion<T> {
  const v = versionOn(rule, day);
  if (!v) throw new Error(`no ${what} is in force on ${day}`);
  return v;
}
