// A release can be stored when it is an object with an ocid, an id and a date-time: the merge needs all three
// (ocds-merge raises MissingDateKeyError / NullDateValueError without a date).
import type { BadItem, CandidateRelease, UsableRelease } from '../types.js';

// ISO 8601 date-time as OCDS uses it: date, time to minutes at least, optional seconds, fraction and offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export function checkUsable(
  c: CandidateRelease,
): { ok: true; release: UsableRelease } | { ok: false; bad: BadItem } {
  const fail = (reason: BadItem['reason'], message: string): { ok: false; bad: BadItem } => ({
    ok: false,
    bad: {
      kind: 'bad',
      position: c.position,
      reason,
      message,
      excerpt: JSON.stringify(c.value)?.slice(0, 300),
    },
  });
  const v = c.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return fail('not-object', 'a release must be a JSON object');
  const r = v as Record<string, unknown>;
  if (!nonEmpty(r.ocid))
    return fail(
      'missing-ocid',
      r.ocid === undefined
        ? 'the release has no "ocid"'
        : `"ocid" must be a non-empty string, got ${JSON.stringify(r.ocid)}`,
    );
  // Some publishers send numeric ids: usable (the identity uses its text), and validation reports the type.
  if (!nonEmpty(r.id) && !(typeof r.id === 'number' && Number.isFinite(r.id)))
    return fail(
      'missing-id',
      r.id === undefined
        ? `release of ${r.ocid} has no "id"`
        : `"id" must be a non-empty string, got ${JSON.stringify(r.id)}`,
    );
  if (r.date === undefined || r.date === null)
    return fail(
      'missing-date',
      `release ${r.id} of ${r.ocid} has no "date" (needed to order releases when compiling)`,
    );
  if (typeof r.date !== 'string' || !DATE_TIME.test(r.date) || Number.isNaN(Date.parse(r.date))) {
    return fail(
      'invalid-date',
      `"date" of release ${r.id} must be an ISO 8601 date-time such as 2025-01-23T15:35:50Z, got ${JSON.stringify(r.date)?.slice(0, 60)}`,
    );
  }
  return { ok: true, release: r as UsableRelease };
}
