// A supplier's region from its postcode, when no OCDS record gives the region (docs/paid-money.md "Places"). No
// postcode-to-ITL lookup ships with missionbuy (data/reference/SOURCES.md), so the lookup is **derived from the
// data**: OCDS organisations that publish both a postcode and a region code. A postcode district (`M50`), else its
// area (`M`), gets a region only when every organisation there agrees at the level asked; otherwise it is unknown.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/database.js';

export interface PostcodeRegions {
  level: 1 | 2 | 3;
  /** District or area → NUTS code at `level`, or null when the organisations there disagree. */
  byDistrict: ReadonlyMap<string, string | null>;
  byArea: ReadonlyMap<string, string | null>;
}

const district = (postcode: string): string => postcode.split(' ')[0] ?? postcode;
const area = (postcode: string): string => /^[A-Z]+/.exec(postcode)?.[0] ?? postcode;

function add(map: Map<string, string | null>, key: string, region: string): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, region);
  else if (seen !== region) map.set(key, null);
}

/** Builds the lookup from (postcode, region) pairs; pure. */
export function buildPostcodeRegions(
  pairs: readonly { postcode: string; region: string }[],
  level: 1 | 2 | 3,
): PostcodeRegions {
  const byDistrict = new Map<string, string | null>();
  const byArea = new Map<string, string | null>();
  for (const p of pairs) {
    if (p.region.length < 2 + level) continue;
    const region = p.region.slice(0, 2 + level);
    add(byDistrict, district(p.postcode), region);
    add(byArea, area(p.postcode), region);
  }
  return { level, byDistrict, byArea };
}

/** The region of one postcode: its district's, else its area's; null when unknown or disputed. */
export function regionOfPostcode(lookup: PostcodeRegions, postcode: string): string | null {
  const d = lookup.byDistrict.get(district(postcode));
  if (d !== undefined) return d;
  return lookup.byArea.get(area(postcode)) ?? null;
}

/** The region of a set of postcodes: the one they agree on, else null. */
export function regionOfPostcodes(lookup: PostcodeRegions, postcodes: readonly string[]): string | null {
  const found = new Set(postcodes.map((p) => regionOfPostcode(lookup, p)));
  return found.size === 1 ? [...found][0]! : null;
}

export async function postcodeRegions(db: Kysely<Database>, level: 1 | 2 | 3): Promise<PostcodeRegions> {
  const r = await sql<{ postcode: string; region: string }>`
    select distinct normalised_postcode as postcode, region_code as region from organisation
    where normalised_postcode is not null and region_code is not null and merged_into is null`.execute(db);
  return buildPostcodeRegions(r.rows, level);
}
