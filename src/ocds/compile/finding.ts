// The merge's one warning, as a Finding: ocds-merge's DuplicateIdValueWarning ("Multiple objects have the `id`
// value '1' in the `nested.array` array", ocdsmerge/flatten.py `_enumerate`). ocds-merge warns and goes on (the
// last object wins, field by field); we return the warning with the result instead of raising it.
import type { Finding } from '../types.js';
import { pyReprString } from './python-semantics.js';
import type { IndexedRelease } from './sort.js';

export const DUPLICATE_ID_KEYWORD = 'duplicate-id-value';

export interface MergeFinding extends Finding {
  /** Index of the release in the array given to the merge (not in date order). */
  releaseIndex: number;
  /** That release's `id`, when it has one. */
  releaseId?: unknown;
}

/**
 * @param pointer JSON pointer, inside the release, of the object whose `id` repeats an earlier one in its array
 * @param rulePath the array's field path (no indexes), as ocds-merge names it
 * @param idText `str(id)`, which is what ocds-merge compares
 */
export function duplicateIdFinding(
  release: IndexedRelease,
  pointer: string,
  rulePath: readonly string[],
  idText: string,
  id: unknown,
): MergeFinding {
  const finding: MergeFinding = {
    pointer,
    keyword: DUPLICATE_ID_KEYWORD,
    message: `Multiple objects have the \`id\` value ${pyReprString(idText)} in the \`${rulePath.join('.')}\` array`,
    value: id,
    releaseIndex: release.index,
  };
  if (Object.hasOwn(release.release, 'id')) finding.releaseId = release.release.id;
  return finding;
}
