// One collaboration group as pages, API, CSV and CLI show it: the query's row shaped, the regions named, and a
// plain-language explanation of why these buyers match (docs/collaboration.md). Pure.
import { longDay } from '../../domain/dates.js';
import { count, wholePounds } from '../../domain/words.js';
import { itl1Name, itl1Neighbours, isItl1 } from '../../domain/itl-adjacency.js';
import type { Day } from '../../domain/rules/index.js';
import type { CollaborationGroupRow } from './query.js';
import { NATIONAL, type Anchor, type CollaborationLevel } from './rules.js';

export interface NamedRegion {
  code: string;
  name: string;
}

export interface CollaborationGroup {
  /** Stable id within a query: market and anchor, like `853-UKH` or `720-national`. */
  id: string;
  market: { code: string; level: CollaborationLevel; label: string | null };
  anchor: { code: Anchor; name: string; neighbours: NamedRegion[] };
  buyerCount: number;
  contractCount: number;
  /** Sum of the values in pounds (incl. VAT where published), exact decimal. */
  valueGbp: string;
  /** Contracts whose value is not known in pounds (not in the sum). */
  valueNotKnown: number;
  firstDecisionDue: Day;
  lastDecisionDue: Day;
  /** The group's buyers, the asking buyer first, then by value (at most GROUP_LIST_LIMIT). */
  buyers: { id: number; name: string; contracts: number; valueGbp: string; regions: NamedRegion[] }[];
  /** The group's contracts, the asking buyer's first, then by value (at most GROUP_LIST_LIMIT). */
  contracts: {
    ocid: string;
    title: string | null;
    buyerId: number;
    valueGbp: string | null;
    decisionDueBy: Day;
    horizon: { day: Day; from: 'end' | 'max-extent' };
    regions: NamedRegion[];
    synthetic: boolean;
  }[];
  /** Suppliers holding let contracts with two or more of the group's buyers. */
  sharedIncumbentCount: number;
  sharedIncumbents: { id: number; name: string; buyers: number; contracts: number }[];
  explanation: string;
}

const named = (code: string): NamedRegion => ({ code, name: itl1Name(code) });

/** An organisation's name, or "Organisation 441" when the data has none. */
const orgName = (o: { id: number; name: string | null }): string => o.name ?? `Organisation ${o.id}`;

export const anchorName = (a: Anchor): string => (a === NATIONAL ? 'National or no region' : itl1Name(a));

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Why these buyers match, in plain words, from what the group shows. */
export function explainGroup(g: Omit<CollaborationGroup, 'explanation'>): string {
  const what = `CPV ${g.market.level} ${g.market.code}${g.market.label ? ` (${g.market.label})` : ''}`;
  const when =
    g.firstDecisionDue === g.lastDecisionDue
      ? `on ${longDay(g.firstDecisionDue)}`
      : `between ${longDay(g.firstDecisionDue)} and ${longDay(g.lastDecisionDue)}`;
  const parts = [
    `${count(g.buyerCount, 'buyer')} have ${count(g.contractCount, 'let contract')} in ${what} whose decisions ` +
      `on what follows are due ${when}.`,
  ];
  const whereOf = (b: CollaborationGroup['buyers'][number]) =>
    b.regions.length === 0
      ? `${b.name} (no region: national)`
      : `${b.name} (${b.regions.map((r) => r.name).join(', ')})`;
  const others = g.buyerCount - g.buyers.length;
  const named = (names: string[]) => list(others > 0 ? [...names, count(others, 'other')] : names);
  if (g.anchor.code === NATIONAL) {
    parts.push(
      `None of these contracts names a region (national buyers, or contracts delivered across the UK), so they ` +
        `can be bought together anywhere: ${named(g.buyers.map((b) => b.name))}.`,
    );
  } else {
    const next = g.anchor.neighbours.map((r) => r.name);
    parts.push(
      `They are in ${g.anchor.name} or a region next to it${next.length ? ` (${list(next)})` : ''}, or name no ` +
        `region: ${named(g.buyers.map(whereOf))}.`,
    );
  }
  const unknown =
    g.valueNotKnown > 0 ? ` (${count(g.valueNotKnown, 'contract')} of unknown value not counted)` : '';
  parts.push(`Together they are worth ${wholePounds(g.valueGbp)}${unknown}.`);
  if (g.sharedIncumbentCount > 0) {
    const s = g.sharedIncumbents.map((x) => `${x.name} (${x.buyers} buyers)`);
    const rest = g.sharedIncumbentCount - g.sharedIncumbents.length;
    parts.push(
      `${list(s)}${rest > 0 ? ` and ${count(rest, 'other supplier')}` : ''} already ` +
        `${g.sharedIncumbentCount === 1 ? 'supplies' : 'supply'} more than one of them.`,
    );
  } else parts.push('No supplier holds contracts with more than one of them.');
  return parts.join(' ');
}

/** The query's row as the group pages, API, CSV and CLI show. `cpvLabel` names the market (or null). */
export function toCollaborationGroup(
  r: CollaborationGroupRow,
  level: CollaborationLevel,
  cpvLabel: (market: string) => string | null,
): CollaborationGroup {
  const anchor = r.anchor;
  const g: Omit<CollaborationGroup, 'explanation'> = {
    id: `${r.market}-${anchor}`,
    market: { code: r.market, level, label: cpvLabel(r.market) },
    anchor: {
      code: anchor,
      name: anchorName(anchor),
      neighbours: isItl1(anchor) ? itl1Neighbours(anchor).map(named) : [],
    },
    buyerCount: r.buyer_count,
    contractCount: r.contract_count,
    valueGbp: r.value_gbp,
    valueNotKnown: r.value_not_known,
    firstDecisionDue: r.first_due,
    lastDecisionDue: r.last_due,
    buyers: r.buyers.map((b) => ({
      id: b.id,
      name: orgName(b),
      contracts: b.contracts,
      valueGbp: b.value,
      regions: b.area.map(named),
    })),
    contracts: r.contracts.map((c) => ({
      ocid: c.ocid,
      title: c.title,
      buyerId: c.buyer_id,
      valueGbp: c.value,
      decisionDueBy: c.due,
      horizon: { day: c.horizon_day, from: c.from },
      regions: c.area.map(named),
      synthetic: c.synthetic,
    })),
    sharedIncumbentCount: r.shared_count,
    sharedIncumbents: r.shared.map((s) => ({
      id: s.id,
      name: orgName(s),
      buyers: s.buyers,
      contracts: s.contracts,
    })),
  };
  return { ...g, explanation: explainGroup(g) };
}
