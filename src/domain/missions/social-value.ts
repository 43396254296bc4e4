// Social value committed vs delivered (issue 8 item 5; docs/social-value.md): the pure rules. A commitment is made
// per contract and per metric of the standard in force for the contract's buyer, in that metric's unit; delivery is
// reported against it with evidence links and moves from unverified to verified or rejected exactly once. Which
// units may be added up at all (shares, ratios and averages may not) is decided here too. No I/O.
import { unitKey } from './identifiers.js';

export type VerificationStatus = 'unverified' | 'verified' | 'rejected';
export const VERIFICATION_STATUSES: readonly VerificationStatus[] = ['unverified', 'verified', 'rejected'];
export type Verdict = Exclude<VerificationStatus, 'unverified'>;

/** Whether a quantity entered in `given` is in the metric's `unit` (case and spacing aside, nothing else). */
export const sameUnit = (given: string, unit: string): boolean => unitKey(given) === unitKey(unit);

/**
 * The status a delivery report takes on a verdict, or the reason the transition is refused: only an unverified
 * report is verified or rejected, once; a correction is a new report (the history stays as it was judged).
 */
export function verificationTransition(
  current: VerificationStatus,
  verdict: Verdict,
): { ok: true; status: Verdict } | { ok: false; reason: string } {
  if (current !== 'unverified')
    return { ok: false, reason: `This report is already ${current}: report a correction as a new delivery` };
  return { ok: true, status: verdict };
}

/**
 * Units whose quantities cannot be added across contracts: shares (percent), ratios (LM3) and averages (average
 * days to pay). Adding two contracts' "percent of value" gives a number with no meaning, so roll-ups count such
 * commitments and reports but leave the sums empty [?: the word list is a default, see docs/social-value.md].
 */
const NOT_ADDITIVE = /(^|\W)(percent|per cent|%|ratio|rate|share|average|mean|median|index)(\W|$)/i;

export function isAdditive(metric: { unit: string; name: string }): boolean {
  return !NOT_ADDITIVE.test(metric.unit) && !/^(average|mean|median)\b/i.test(metric.name.trim());
}

export const EVIDENCE_URL_MAX = 500;
export const EVIDENCE_LINKS_MAX = 10;

/** An evidence link as stored (http or https, a host, no credentials), or the reason it is refused. */
export function checkEvidenceUrl(text: string): { ok: true; url: string } | { ok: false; reason: string } {
  const t = text.trim();
  if (t.length > EVIDENCE_URL_MAX)
    return { ok: false, reason: `must be ${EVIDENCE_URL_MAX} characters or fewer` };
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return { ok: false, reason: 'is not a web address (it must start with https:// or http://)' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, reason: 'must start with https:// or http://' };
  if (!u.hostname.includes('.'))
    return { ok: false, reason: 'must name a web site (like www.example.gov.uk)' };
  if (u.username !== '' || u.password !== '')
    return { ok: false, reason: 'must not contain a user name or password' };
  return { ok: true, url: u.toString() };
}
