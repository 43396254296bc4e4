// Which tiers apply to a request: the national standard alone, a region (ITL1), or a buyer organisation (its own
// tier under the region of its published address). Shared by the standards and the mission-mapping services.
import type { Kysely } from 'kysely';
import { NATIONAL, orgScope, regionScope, tierOf, type Scope } from '../../domain/missions/standard.js';
import type { Action, Target } from '../authz.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationRegion } from '../../store/standards.repository.js';
import type { MissionReference } from './reference.js';

export interface ScopeSelector {
  region?: string;
  org?: number;
}

export interface ScopeInfo {
  kind: 'national' | 'region' | 'organisation';
  /** national first, most local last. */
  scopes: Scope[];
  region: { code: string; name: string } | null;
  organisation: { id: number; name: string } | null;
  /** The scope an edit on this page changes (null: the national tier, which is reference data). */
  editScope: Scope | null;
}

/** `NORTH EAST (ENGLAND)` → `North East (England)`. */
export function regionName(upper: string): string {
  return upper
    .toLowerCase()
    .replace(/\b([a-z])/g, (c) => c.toUpperCase())
    .replace(/\b(And|Of|The)\b/g, (w) => w.toLowerCase());
}

/** `ukc`, `TLC`, `UKC21` (a finer code of the region) → `UKC`; null when it is not an ITL1 region we know. */
export function itl1(code: string | null | undefined, ref: MissionReference): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase().replace(/^TL/, 'UK').slice(0, 3);
  return ref.regions.has(c) && c !== 'UKZ' ? c : null;
}

export async function resolveScope(
  db: Kysely<Database>,
  ref: MissionReference,
  sel: ScopeSelector,
): Promise<ScopeInfo> {
  if (sel.org !== undefined) {
    const org = await findOrganisationRegion(db, sel.org);
    if (!org) throw new AppError('NOT_FOUND', `There is no organisation with the id ${sel.org}`);
    if (org.merged_into !== null)
      throw new AppError(
        'NOT_FOUND',
        `Organisation ${sel.org} was merged into organisation ${org.merged_into}: use that id`,
      );
    const code = itl1(org.region_code, ref);
    const region = code ? { code, name: regionName(ref.regions.get(code) ?? code) } : null;
    return {
      kind: 'organisation',
      scopes: [NATIONAL, ...(code ? [regionScope(code)] : []), orgScope(org.id)],
      region,
      organisation: { id: org.id, name: org.name },
      editScope: orgScope(org.id),
    };
  }
  if (sel.region !== undefined) {
    const code = itl1(sel.region, ref);
    if (!code || sel.region.trim().length !== 3)
      throw new AppError('NOT_FOUND', `${sel.region} is not an ITL1 region code (UKC … UKN)`);
    return {
      kind: 'region',
      scopes: [NATIONAL, regionScope(code)],
      region: { code, name: regionName(ref.regions.get(code) ?? code) },
      organisation: null,
      editScope: regionScope(code),
    };
  }
  return { kind: 'national', scopes: [NATIONAL], region: null, organisation: null, editScope: null };
}

/** The ITL1 regions for pickers, in code order. */
export const regionList = (ref: MissionReference): Array<{ code: string; name: string }> =>
  [...ref.regions]
    .filter(([code]) => code !== 'UKZ')
    .map(([code, name]) => ({ code, name: regionName(name) }))
    .sort((a, b) => a.code.localeCompare(b.code));

/** The action that guards a scope's tier, and its target: a region's tier is central's, a buyer's its editors'. */
export function guard(scope: Scope): [Action, Target] {
  return tierOf(scope) === 'regional'
    ? ['standards.edit-regional', {}]
    : ['standards.edit-local', { organisationId: Number(scope.slice('org:'.length)) }];
}
