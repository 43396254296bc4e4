// The signed token of the public interest form: when the form was made and for which opportunity, signed with
// HMAC-SHA256 under a key kept in the database (one for every process). It proves the form came from this
// service's page and lets the service refuse forms sent sooner than a person could fill them in, or long after.
// Not a CSRF token: the form also carries the session plugin's `_csrf` (docs/opportunities.md).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** [?] Sooner than this after the page was made, the form was not filled in by a person. */
export const MIN_FILL_MS = 3_000;
/** [?] Older than this, the form has expired (the page is reloaded for a fresh one). */
export const MAX_FORM_AGE_MS = 4 * 3600 * 1000;

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'too-fast' | 'expired';

const sign = (key: Buffer, opportunityId: number, issuedAt: number): string =>
  createHmac('sha256', key).update(`opportunity-interest|${opportunityId}|${issuedAt}`).digest('base64url');

export const issueFormToken = (key: Buffer, opportunityId: number, now: number): string =>
  `${now}.${sign(key, opportunityId, now)}`;

export function checkFormToken(key: Buffer, opportunityId: number, token: unknown, now: number): TokenCheck {
  if (typeof token !== 'string' || token === '') return 'missing';
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(sign(key, opportunityId, issuedAt));
  const sent = Buffer.from(m[2]!);
  if (!timingSafeEqual(expected, sent)) return 'invalid';
  if (now - issuedAt < MIN_FILL_MS) return 'too-fast';
  if (now - issuedAt > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
