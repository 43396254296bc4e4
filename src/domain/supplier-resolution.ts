// One supplier across OCDS parties, register rows and spend payees (issue 9 item 4; docs/suppliers.md). Pure: the
// store loads the sources and overrides, this groups them, the store writes the groups.
//
// Links are tried strongest first and a link joins two groups unless it would put two different values of a
// single-valued identifier (two Companies House numbers, two charity numbers, two PPONs) in one group, or — for
// links by name alone — two groups whose postcodes are known and disjoint. An admin's merge always joins; an
// admin's split isolates a source from every automatic link (it can still be merged by hand). Every source keeps
// the strongest link it took part in as its evidence (rule, values, the other source) and that link's confidence.
import { SINGLE_VALUED_SCHEMES, identifierKey, type OrgIdentifier } from './org-id.js';
import { isPlaceholderName, namesAgree } from './supplier-name.js';

export type SourceKind = 'ocds' | 'register' | 'spend' | 'notice';

export const MATCH_RULES = [
  'override-merge',
  'identifier',
  'buyer-supplier-id',
  'name-postcode',
  'name-same-buyer',
  'trading-name',
  'name',
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** Confidence of each rule, 0–1 (docs/suppliers.md explains each figure). */
export const RULE_CONFIDENCE: Readonly<Record<MatchRule, number>> = {
  'override-merge': 1,
  identifier: 1,
  'buyer-supplier-id': 0.95,
  'name-postcode': 0.9,
  'name-same-buyer': 0.7,
  'trading-name': 0.6,
  name: 0.5,
};

export interface SupplierSource {
  /** Stable key (same data → same key on every run); overrides refer to it. */
  key: string;
  kind: SourceKind;
  /** The buyer whose register, spend file or notice export named this supplier (null for OCDS organisations). */
  buyerId: number | null;
  /** Display name as published. */
  name: string;
  /** Matching form of the legal name (org-name.ts), or null. */
  normalisedName: string | null;
  /** Matching form of the trading name after `t/a`, or null. */
  tradingName: string | null;
  /** Canonical postcode, or null. */
  postcode: string | null;
  identifiers: OrgIdentifier[];
  /** The buyer's own supplier or vendor id (spend files), or null. */
  localId: string | null;
}

export interface SupplierOverride {
  id: number;
  kind: 'merge' | 'split';
  sourceKey: string;
  /** merge: the source to join; split: null. */
  otherKey: string | null;
}

export interface MatchEvidence {
  rule: MatchRule;
  confidence: number;
  /** The other source of the link. */
  with: string;
  /** The values that matched: identifier, name, postcode, buyer, supplier id, override id. */
  values: Record<string, string>;
}

export interface SourceResolution {
  /** Index of the group in `groups`. */
  group: number;
  /** Strongest accepted link this source took part in; null when it matched nothing. */
  evidence: MatchEvidence | null;
  /** Links refused because identifiers or postcodes conflict (at most 3, for review). */
  refused: MatchEvidence[];
  /** True when the payee name stands for nobody in particular (never matched by name). */
  placeholder: boolean;
  /** True when an admin split this source out. */
  split: boolean;
}

export interface SupplierResolution {
  /** Per source, in input order. */
  sources: SourceResolution[];
  /** Groups of source indexes; one group = one supplier. */
  groups: number[][];
  /** Overrides whose sources are not (or no longer) in the data. */
  dormantOverrides: number[];
}

interface Candidate {
  a: number;
  b: number;
  rule: MatchRule;
  values: Record<string, string>;
}

/** Union-find over sources, each root holding its single-valued identifiers and its postcodes. */
class Groups {
  private readonly parent: number[];
  private readonly ids: Map<string, string>[];
  private readonly postcodes: Set<string>[];

  constructor(sources: readonly SupplierSource[]) {
    this.parent = sources.map((_, i) => i);
    this.ids = sources.map((s) => {
      const m = new Map<string, string>();
      for (const id of s.identifiers)
        if (SINGLE_VALUED_SCHEMES.has(id.scheme) && !m.has(id.scheme)) m.set(id.scheme, id.id);
      return m;
    });
    this.postcodes = sources.map((s) => new Set(s.postcode ? [s.postcode] : []));
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    for (let x = i; this.parent[x] !== r;) {
      const next = this.parent[x] ?? r;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }

  /** Why a and b's groups cannot be one supplier, or null when they can. */
  conflict(a: number, b: number, byNameOnly: boolean): string | null {
    const [ra, rb] = [this.find(a), this.find(b)];
    const [ia, ib] = [this.ids[ra], this.ids[rb]];
    if (ia && ib) {
      for (const [scheme, id] of ia) {
        const other = ib.get(scheme);
        if (other !== undefined && other !== id) return `${scheme}-${id} ≠ ${scheme}-${other}`;
      }
    }
    if (byNameOnly) {
      const [pa, pb] = [this.postcodes[ra], this.postcodes[rb]];
      if (pa && pb && pa.size > 0 && pb.size > 0 && ![...pa].some((p) => pb.has(p)))
        return `postcodes ${[...pa].join(', ')} ≠ ${[...pb].join(', ')}`;
    }
    return null;
  }

  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    const [ik, id] = [this.ids[keep], this.ids[drop]];
    if (ik && id) for (const [scheme, v] of id) if (!ik.has(scheme)) ik.set(scheme, v);
    const [pk, pd] = [this.postcodes[keep], this.postcodes[drop]];
    if (pk && pd) for (const p of pd) pk.add(p);
  }
}

/** Adds a link from every member of a bucket to the bucket's first member (sources in stable order). */
function starLinks(
  buckets: Map<string, number[]>,
  rule: MatchRule,
  values: (key: string) => Record<string, string>,
  out: Candidate[],
): void {
  for (const [key, members] of buckets) {
    const first = members[0];
    if (first === undefined) continue;
    for (const m of members.slice(1)) {
      out.push({ a: first, b: m, rule, values: values(key) });
    }
  }
}

/**
 * Links sources that share an identifier, each to the first earlier source of the bucket whose name agrees (an
 * identifier typed beside another organisation's name is not trusted: namesAgree). Sources with no agreeing partner
 * get a refused link to the first, so the disagreement shows in their evidence.
 */
function identifierLinks(
  sources: readonly SupplierSource[],
  byId: Map<string, number[]>,
  out: Candidate[],
): void {
  for (const [key, members] of byId) {
    members.forEach((m, i) => {
      if (i === 0) return;
      const name = sources[m]?.normalisedName ?? null;
      const partner = members.slice(0, i).find((p) => namesAgree(sources[p]?.normalisedName ?? null, name));
      if (partner !== undefined)
        out.push({ a: partner, b: m, rule: 'identifier', values: { identifier: key } });
      else
        out.push({
          a: members[0] as number,
          b: m,
          rule: 'identifier',
          values: { identifier: key, conflict: 'names differ' },
        });
    });
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Candidate links, strongest rule first (automatic ones only; overrides are applied before them). */
function candidates(sources: readonly SupplierSource[], isolated: ReadonlySet<number>): Candidate[] {
  const byId = new Map<string, number[]>();
  const byLocalId = new Map<string, number[]>();
  const byNamePostcode = new Map<string, number[]>();
  const byNameBuyer = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  sources.forEach((s, i) => {
    if (isolated.has(i)) return;
    for (const id of s.identifiers) push(byId, identifierKey(id), i);
    if (s.localId && s.buyerId !== null) push(byLocalId, `${s.buyerId}\u0000${s.localId}`, i);
    const name = s.normalisedName;
    if (name === null || isPlaceholderName(name)) return;
    if (s.postcode) push(byNamePostcode, `${name}\u0000${s.postcode}`, i);
    if (s.buyerId !== null) push(byNameBuyer, `${name}\u0000${s.buyerId}`, i);
    push(byName, name, i);
  });
  const out: Candidate[] = [];
  identifierLinks(sources, byId, out);
  starLinks(
    byLocalId,
    'buyer-supplier-id',
    (k) => {
      const [buyer = '', id = ''] = k.split('\u0000');
      return { buyer, supplierId: id };
    },
    out,
  );
  starLinks(
    byNamePostcode,
    'name-postcode',
    (k) => {
      const [name = '', postcode = ''] = k.split('\u0000');
      return { name, postcode };
    },
    out,
  );
  starLinks(
    byNameBuyer,
    'name-same-buyer',
    (k) => {
      const [name = '', buyer = ''] = k.split('\u0000');
      return { name, buyer };
    },
    out,
  );
  // A trading name (`X Ltd t/a Y`) matches a source whose legal name is Y.
  sources.forEach((s, i) => {
    if (isolated.has(i) || !s.tradingName || isPlaceholderName(s.tradingName)) return;
    const first = byName.get(s.tradingName)?.[0];
    if (first !== undefined && first !== i)
      out.push({ a: first, b: i, rule: 'trading-name', values: { tradingName: s.tradingName } });
  });
  starLinks(byName, 'name', (k) => ({ name: k }), out);
  return out;
}

const NAME_ONLY: ReadonlySet<MatchRule> = new Set(['name-same-buyer', 'trading-name', 'name']);

export function resolveSuppliers(
  sources: readonly SupplierSource[],
  overrides: readonly SupplierOverride[],
): SupplierResolution {
  const index = new Map(sources.map((s, i) => [s.key, i]));
  const groups = new Groups(sources);
  const result: SourceResolution[] = sources.map((s) => ({
    group: -1,
    evidence: null,
    refused: [],
    placeholder: isPlaceholderName(s.normalisedName ?? s.name),
    split: false,
  }));
  const dormantOverrides: number[] = [];
  const isolated = new Set<number>();
  const merges: Candidate[] = [];
  for (const o of overrides) {
    const a = index.get(o.sourceKey);
    const b = o.otherKey === null ? undefined : index.get(o.otherKey);
    if (a === undefined || (o.kind === 'merge' && b === undefined)) {
      dormantOverrides.push(o.id);
      continue;
    }
    if (o.kind === 'split') {
      isolated.add(a);
      const r = result[a];
      if (r) r.split = true;
    } else if (b !== undefined)
      merges.push({ a, b, rule: 'override-merge', values: { override: String(o.id) } });
  }

  const record = (i: number, e: MatchEvidence) => {
    const r = result[i];
    if (r && (r.evidence === null || r.evidence.confidence < e.confidence)) r.evidence = e;
  };
  const refuse = (i: number, e: MatchEvidence) => {
    const r = result[i];
    if (r && r.refused.length < 3) r.refused.push(e);
  };
  for (const c of [...merges, ...candidates(sources, isolated)]) {
    const [sa, sb] = [sources[c.a], sources[c.b]];
    if (!sa || !sb) continue;
    const confidence = RULE_CONFIDENCE[c.rule];
    const sameGroup = groups.find(c.a) === groups.find(c.b);
    // A link marked with a conflict when it was made (an identifier beside disagreeing names) never joins.
    const why =
      c.rule === 'override-merge' || (sameGroup && c.values.conflict === undefined)
        ? null
        : (c.values.conflict ?? groups.conflict(c.a, c.b, NAME_ONLY.has(c.rule)));
    if (why !== null) {
      if (sameGroup) continue;
      refuse(c.a, { rule: c.rule, confidence, with: sb.key, values: { ...c.values, conflict: why } });
      refuse(c.b, { rule: c.rule, confidence, with: sa.key, values: { ...c.values, conflict: why } });
      continue;
    }
    groups.union(c.a, c.b);
    record(c.a, { rule: c.rule, confidence, with: sb.key, values: c.values });
    record(c.b, { rule: c.rule, confidence, with: sa.key, values: c.values });
  }

  const byRoot = new Map<number, number>();
  const out: number[][] = [];
  sources.forEach((_, i) => {
    const root = groups.find(i);
    let g = byRoot.get(root);
    if (g === undefined) {
      g = out.length;
      byRoot.set(root, g);
      out.push([]);
    }
    out[g]?.push(i);
    const r = result[i];
    if (r) r.group = g;
  });
  return { sources: result, groups: out, dormantOverrides };
}

/**
 * Keeps supplier ids stable across runs: each group takes the previous id most of its members had (larger groups
 * choose first), each id at most once; a group with no free previous id gets null (a new supplier). Returns, for
 * retired ids, the group most of their members went to (for a redirect), or null.
 */
export function assignSupplierIds(
  groups: readonly (readonly number[])[],
  previous: readonly (number | null)[],
): { ids: (number | null)[]; retired: Map<number, number | null> } {
  const ids: (number | null)[] = groups.map(() => null);
  const taken = new Set<number>();
  const order = groups
    .map((g, i) => i)
    .sort((x, y) => (groups[y]?.length ?? 0) - (groups[x]?.length ?? 0) || x - y);
  const destination = new Map<number, Map<number, number>>();
  for (const g of order) {
    const counts = new Map<number, number>();
    for (const s of groups[g] ?? []) {
      const p = previous[s];
      if (p === null || p === undefined) continue;
      counts.set(p, (counts.get(p) ?? 0) + 1);
      const d = destination.get(p) ?? new Map<number, number>();
      d.set(g, (d.get(g) ?? 0) + 1);
      destination.set(p, d);
    }
    const best = [...counts].filter(([id]) => !taken.has(id)).sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    if (best) {
      ids[g] = best[0];
      taken.add(best[0]);
    }
  }
  const retired = new Map<number, number | null>();
  for (const [id, d] of destination) {
    if (taken.has(id)) continue;
    const top = [...d].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    retired.set(id, top ? top[0] : null);
  }
  return { ids, retired };
}
