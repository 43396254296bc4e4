// The collaboration finder's matching rules as pure functions (docs/collaboration.md): which market a CPV code is
// in, which area a contract is in, which areas a group around an anchor region takes in, and when a contract's
// decision falls in the window. The query (query.ts) applies the same rules in SQL; these say what they are.
import { itl1Neighbours, isItl1, type Itl1Code } from '../../domain/itl-adjacency.js';
import { addMonths, leadTimeMonths, type Day, type LeadTimePolicy } from '../../domain/rules/index.js';
import { decisionDueBy, horizonDate } from '../horizon/index.js';

/** CPV level a market is read at: group (3 digits, `452`) or class (4 digits, `4521`): domain/cpv.ts. */
export const COLLABORATION_LEVELS = ['group', 'class'] as const;
export type CollaborationLevel = (typeof COLLABORATION_LEVELS)[number];
export const LEVEL_DIGITS: Record<CollaborationLevel, number> = { group: 3, class: 4 };

/** The anchor of a group of contracts with no ITL1 region (national, or no region published). */
export const NATIONAL = 'national';
export type Anchor = Itl1Code | typeof NATIONAL;

/**
 * The markets a contract is in: the distinct prefixes at the level of those of its CPV codes that are at least that
 * specific (the digits after a level are zeros when a code stops there: 85000000 is a division, in no group).
 */
export function marketsOf(cpvCodes: readonly string[], level: CollaborationLevel): string[] {
  const n = LEVEL_DIGITS[level];
  const specific = cpvCodes.filter((c) => /^\d{8}$/.test(c) && c.replace(/0+$/, '').length >= n);
  return [...new Set(specific.map((c) => c.slice(0, n)))].sort();
}

/**
 * The ITL1 regions a contract is in: those of its delivery regions and its buyer's region (NUTS form, any level).
 * Empty = national: no region published, or only the whole UK.
 */
export function areaOf(regions: readonly string[]): Itl1Code[] {
  const out = new Set<Itl1Code>();
  for (const r of regions) {
    const code = r.slice(0, 3);
    if (isItl1(code)) out.add(code);
  }
  return [...out].sort();
}

/** What a group around an anchor takes in: the anchor region and those sharing a land border with it. */
export function neighbourhood(anchor: Anchor): Itl1Code[] {
  return anchor === NATIONAL ? [] : [anchor, ...itl1Neighbours(anchor)].sort();
}

/** A contract joins the group around an anchor when its area meets the neighbourhood, or when it is national. */
export function joinsGroup(area: readonly Itl1Code[], anchor: Anchor): boolean {
  if (area.length === 0) return true;
  const hood = neighbourhood(anchor);
  return area.some((r) => hood.includes(r));
}

/** The anchors a market's groups are formed around: every region a contract is in, and national when one is. */
export function anchorsOf(areas: readonly (readonly Itl1Code[])[]): Anchor[] {
  const out = new Set<Anchor>();
  for (const a of areas) {
    if (a.length === 0) out.add(NATIONAL);
    for (const r of a) out.add(r);
  }
  return [...out].sort();
}

/**
 * The decision-due day of a let contract as the horizon scan gives it (basis `next`: the end while ahead, else the
 * latest possible end; minus the lead time of its value band), or null when neither end is ahead.
 */
export function decisionDue(
  end: Day | null,
  maxExtent: Day | null,
  valueGbp: string | null,
  asOf: Day,
  policy: LeadTimePolicy,
): Day | null {
  const h = horizonDate(end, maxExtent, asOf, 'next');
  return h === null ? null : decisionDueBy(h.day, leadTimeMonths(valueGbp, policy));
}

/** The longest window a query may ask for (months), and so the stored summary's reach (summary-query.ts). */
export const COLLABORATION_MAX_MONTHS = 60;

/** The window: decisions due from the as-of day to the same day `months` later (both included). */
export const windowLast = (asOf: Day, months: number): Day => addMonths(asOf, months);

export const dueInWindow = (due: Day | null, asOf: Day, last: Day): boolean =>
  due !== null && due >= asOf && due <= last;
