// Release order, as ocds-merge's `sorted_releases` (ocdsmerge/util.py): Python's stable `sorted(releases,
// key=itemgetter('date'))`, so dates compare as strings by code point ('2015-12-22T00:00:00-06:00' sorts by its
// text, not by its instant), and releases with equal dates keep their input order.
import {
  MissingDateKeyError,
  NonObjectReleaseError,
  NonStringDateValueError,
  NullDateValueError,
} from './errors.js';
import { compareCodePoints, isObject } from './python-semantics.js';

/** A release with its index in the caller's array (findings point back to it). */
export interface IndexedRelease {
  release: Record<string, unknown>;
  index: number;
}

const describe = (v: unknown): string =>
  typeof v === 'string' ? 'a string' : Array.isArray(v) ? 'an array' : v === null ? 'null' : `a ${typeof v}`;

/**
 * Orders releases by `date`. One release that is an object is returned as is, whatever its `date` (ocds-merge
 * skips sorting then, so a lone release without a date merges). Otherwise, in input order, the first release that
 * is not an object or has no `date` raises NonObjectReleaseError / MissingDateKeyError; then dates must be all
 * strings (or all numbers, which Python also orders). Mixed types raise NullDateValueError when a date is null,
 * else NonStringDateValueError. (Python reports whichever incomparable pair its sort meets first; with a null among
 * other mixed types it may name the other type. The error is raised either way.)
 */
export function sortReleases(releases: readonly unknown[]): IndexedRelease[] {
  if (releases.length === 1 && isObject(releases[0])) return [{ release: releases[0], index: 0 }];
  const indexed: IndexedRelease[] = [];
  let strings = 0;
  let numbers = 0;
  let nulls = 0;
  for (let i = 0; i < releases.length; i++) {
    const release = releases[i];
    if (!isObject(release)) throw new NonObjectReleaseError(i, describe(release));
    if (!Object.hasOwn(release, 'date')) throw new MissingDateKeyError(i);
    const date = release.date;
    if (typeof date === 'string') strings++;
    else if (typeof date === 'number' || typeof date === 'boolean') numbers++;
    else if (date === null) nulls++;
    indexed.push({ release, index: i });
  }
  const n = indexed.length;
  if (n < 2) return indexed;
  if (strings === n) {
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) {
      sorted =
        compareCodePoints(indexed[i - 1]!.release.date as string, indexed[i]!.release.date as string) <= 0;
    }
    if (!sorted)
      indexed.sort((a, b) => compareCodePoints(a.release.date as string, b.release.date as string));
    return indexed;
  }
  if (numbers === n) return indexed.sort((a, b) => Number(a.release.date) - Number(b.release.date));
  if (nulls > 0) throw new NullDateValueError();
  throw new NonStringDateValueError();
}
