// The league table computed live from scores (any past as-of day; today's comes from the stored snapshot): ranked
// among every buyer, then filtered by buyer type and sorted as the stored query sorts (quality-read.repository.ts).
import type { OrganisationScore } from '../analytics/quality/scorecard.js';
import type { Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { StoredLeagueRow } from '../store/quality-read.repository.js';
import type { LeagueQuery } from './quality-input.js';

/** One organisation's row of the league table (rank: 1 + organisations scoring higher; null when not scored). */
export type LeagueRow = StoredLeagueRow;

export type BuyerTypeCount = { buyerType: string; organisations: number };

export interface Scored {
  org: { id: number; name: string; buyer_type: string | null };
  score: OrganisationScore;
}

/** The buyer types among scored organisations, A–Z, with how many organisations have each. */
export function buyerTypesOf(scored: readonly Scored[]): BuyerTypeCount[] {
  const counts = new Map<string, number>();
  for (const { org } of scored)
    if (org.buyer_type !== null) counts.set(org.buyer_type, (counts.get(org.buyer_type) ?? 0) + 1);
  return [...counts]
    .map(([buyerType, organisations]) => ({ buyerType, organisations }))
    .sort((a, b) => a.buyerType.localeCompare(b.buyerType, 'en-GB'));
}

/** A buyer-type filter must name a type some scored buyer has. */
export function checkBuyerType(q: LeagueQuery, types: readonly BuyerTypeCount[], asOf: Day): void {
  if (q.buyerType === undefined || types.some((t) => t.buyerType === q.buyerType)) return;
  throw new AppError(
    'BAD_REQUEST',
    `buyerType: no buyer has the type "${q.buyerType}" as of ${asOf}; the types are ${
      types.map((t) => t.buyerType).join(', ') || '(none published)'
    }`,
  );
}

export function rankLeague(scored: readonly Scored[], q: LeagueQuery): LeagueRow[] {
  // Rank = 1 + organisations scoring higher: the index of the first equal score in descending order.
  const descending = scored.map((o) => o.score.score ?? -1).sort((a, b) => b - a);
  const rankOf = (score: number) => 1 + descending.findIndex((x) => x <= score);
  const rows: LeagueRow[] = scored
    .filter(({ org }) => q.buyerType === undefined || org.buyer_type === q.buyerType)
    .map(({ org, score: s }) => ({
      rank: s.score === null ? null : rankOf(s.score),
      id: org.id,
      name: org.name,
      buyerType: org.buyer_type,
      score: s.score,
      failures: s.failures,
      notComputable: s.notComputable,
      checksScored: s.checksScored,
    }));
  const dir = q.order === 'asc' ? 1 : -1;
  const byName = (a: LeagueRow, b: LeagueRow) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id;
  const compare = (a: LeagueRow, b: LeagueRow): number => {
    if (q.sort === 'name') return dir * byName(a, b);
    const key = q.sort === 'score' ? 'score' : 'failures';
    const x = a[key];
    const y = b[key];
    // Organisations without a score come last whatever the order.
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return dir * (x - y) || byName(a, b);
  };
  return rows.sort(compare);
}
