// The collaboration finder as CSV: one row per contract of every group (all pages), group by group in rank order,
// each row carrying its group's figures, so a spreadsheet can filter by group or by buyer. Streamed.
import type { Readable } from 'node:stream';
import { anchorName, type GroupMemberRow } from '../../analytics/collaboration/index.js';
import { itl1Name } from '../../domain/itl-adjacency.js';
import { sumDecimals } from '../../domain/decimal.js';
import { csvSafe, csvStream } from '../contracts/contracts-csv.js';

export const COLLABORATION_CSV_COLUMNS = [
  'rank',
  'group',
  'cpv_level',
  'cpv_market',
  'cpv_label',
  'anchor_region',
  'anchor_name',
  'group_buyers',
  'group_contracts',
  'group_value_gbp',
  'group_first_decision_due',
  'group_last_decision_due',
  'group_shared_incumbents',
  'ocid',
  'title',
  'buyer_id',
  'buyer',
  'regions',
  'value_gbp',
  'decision_due_by',
  'horizon_date',
  'horizon_date_is',
  'incumbents',
  'synthetic',
  'url',
] as const;

export interface GroupFigures {
  buyers: number;
  contracts: number;
  valueGbp: string;
  firstDue: string;
  lastDue: string;
  /** Suppliers (merged organisations followed) on contracts of two or more of the group's buyers, by name. */
  sharedIncumbents: { id: number; name: string; buyers: number }[];
}

/** A group's figures from all its member contracts (the same the page shows from SQL). Pure. */
export function groupFigures(members: readonly GroupMemberRow[]): GroupFigures {
  const buyersBySupplier = new Map<number, { name: string; buyers: Set<number> }>();
  for (const m of members)
    for (const s of m.suppliers) {
      const e = buyersBySupplier.get(s.id) ?? { name: s.name, buyers: new Set<number>() };
      e.buyers.add(m.buyer_id);
      buyersBySupplier.set(s.id, e);
    }
  const dues = members.map((m) => m.due).sort();
  return {
    buyers: new Set(members.map((m) => m.buyer_id)).size,
    contracts: members.length,
    valueGbp: sumDecimals(members.flatMap((m) => (m.value === null ? [] : [m.value]))),
    firstDue: dues[0] ?? '',
    lastDue: dues.at(-1) ?? '',
    sharedIncumbents: [...buyersBySupplier]
      .filter(([, e]) => e.buyers.size >= 2)
      .map(([id, e]) => ({ id, name: e.name, buyers: e.buyers.size }))
      .sort((a, b) => b.buyers - a.buyers || a.name.localeCompare(b.name) || a.id - b.id),
  };
}

export interface CsvGroup {
  level: string;
  label: string | null;
  members: GroupMemberRow[];
}

export function collaborationCsvRows(g: CsvGroup, baseUrl: string): string[][] {
  const f = groupFigures(g.members);
  return g.members.map((m) => [
    String(m.rank),
    `${m.market}-${m.anchor}`,
    g.level,
    m.market,
    csvSafe(g.label),
    m.anchor,
    csvSafe(anchorName(m.anchor)),
    String(f.buyers),
    String(f.contracts),
    f.valueGbp,
    f.firstDue,
    f.lastDue,
    csvSafe(f.sharedIncumbents.map((s) => s.name).join('; ')),
    csvSafe(m.ocid),
    csvSafe(m.title),
    String(m.buyer_id),
    csvSafe(m.buyer_name),
    csvSafe(m.area.map(itl1Name).join('; ') || 'national or no region'),
    m.value ?? '',
    m.due,
    m.horizon_day,
    m.from,
    csvSafe(m.suppliers.map((s) => s.name).join('; ')),
    m.synthetic ? 'true' : 'false',
    `${baseUrl}/contracts/${encodeURIComponent(m.ocid)}`,
  ]);
}

/** Groups (each with all its contracts) as a CSV byte stream (UTF-8 with BOM). */
export function collaborationCsvStream(groups: AsyncIterable<CsvGroup>, baseUrl: string): Readable {
  async function* rows(): AsyncGenerator<string[]> {
    for await (const g of groups) yield* collaborationCsvRows(g, baseUrl);
  }
  return csvStream(rows(), COLLABORATION_CSV_COLUMNS, (r) => r);
}
