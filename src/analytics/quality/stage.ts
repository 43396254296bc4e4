// Where a record stands, as the checks need it: which awards are live, whether the procurement closed without a
// contract, which law it runs under, and which notices had been published by the "as of" day.
import { procurementRegime, ukDay, type Day, type RegimeFinding } from '../../domain/rules/index.js';
import { notApplicable, type CheckContext, type CheckOutcome } from './check.js';
import type { AwardFacts, ContractFacts, NoticeFacts, RecordFacts } from './facts.js';

/** Award statuses that do not lead to a contract (OCDS awardStatus). */
const DEAD_AWARD = new Set(['cancelled', 'unsuccessful']);
/** Tender statuses of a procurement that ended without an award (OCDS tenderStatus, plus CF's `unsuccessful`). */
const CLOSED_TENDER = new Set(['cancelled', 'unsuccessful', 'withdrawn']);

/** Awards that stand: active, pending or without a status. */
export const liveAwards = (facts: RecordFacts): AwardFacts[] =>
  facts.awards.filter((a) => a.status === null || !DEAD_AWARD.has(a.status));

export const isAwarded = (facts: RecordFacts): boolean =>
  liveAwards(facts).length > 0 || facts.contracts.length > 0;

/** Cancelled, unsuccessful or withdrawn, with nothing awarded: no contract to describe. */
export const closedWithoutAward = (facts: RecordFacts): boolean =>
  !isAwarded(facts) && facts.tender.status !== null && CLOSED_TENDER.has(facts.tender.status);

/** The day the procurement started as far as the data shows: its first notice. */
export const startDay = (facts: RecordFacts): Day | null => ukDay(facts.firstPublished);

export function regimeOf(facts: RecordFacts, ctx: CheckContext): RegimeFinding {
  return procurementRegime({ legalBasis: facts.legalBasis, startDay: startDay(facts) }, ctx.rules);
}

/** Notices published on or before the as-of day, oldest first. */
export function noticesAsOf(facts: RecordFacts, ctx: CheckContext): (NoticeFacts & { day: Day })[] {
  const out: (NoticeFacts & { day: Day })[] = [];
  for (const n of facts.notices) {
    const day = ukDay(n.date);
    if (day !== null && day <= ctx.asOf) out.push({ ...n, day });
  }
  return out;
}

/**
 * Whether a notice is of a given Procurement Act type: its published noticeType, or (for a publisher that sends
 * none) the meaning found from its documentType. A bare release tag is not enough: FTS UK6 releases are tagged
 * `["award","contract"]`, which would read as contract details.
 */
export function isNotice(n: NoticeFacts, code: string, kind: string): boolean {
  if (n.noticeType !== null) return n.noticeType === code;
  return n.kind === kind && n.classifiedBy === 'documentType';
}

/** The UK calendar day of a stored instant, for messages and comparisons. */
export const dayOf = (instant: string): Day => ukDay(instant) ?? instant.slice(0, 10);

/**
 * Null when the record is a Procurement Act 2023 procurement; else the not-applicable outcome every Act check
 * gives: out-of-scope under earlier law, not-computable when the data cannot say which law applies.
 */
export function outsideAct(facts: RecordFacts, ctx: CheckContext): CheckOutcome | null {
  const r = regimeOf(facts, ctx);
  if (r.regime === 'procurement-act-2023') return null;
  if (r.regime === 'earlier-law')
    return notApplicable('out-of-scope', `Not a Procurement Act 2023 procurement (${r.reason}).`);
  return notApplicable(
    'not-computable',
    `Cannot tell whether the Procurement Act 2023 applies: ${r.reason}.`,
    {
      missing: ['tender.legalBasis'],
    },
  );
}

/** Contract statuses of a contract entered into (OCDS contractStatus; unknown counts as entered). */
export const enteredContracts = (facts: RecordFacts) =>
  facts.contracts.filter((c) => c.status === null || c.status === 'active' || c.status === 'terminated');

/** Below threshold as published on the award, else on the procurement. */
export const isBelowThreshold = (facts: RecordFacts, award: AwardFacts): boolean =>
  award.aboveThreshold === false || (award.aboveThreshold === null && facts.tender.aboveThreshold === false);

/** For an Act record, `judge` on each contract entered into; else the one not-applicable outcome that explains why. */
export function perEnteredContract(
  facts: RecordFacts,
  ctx: CheckContext,
  judge: (c: ContractFacts) => CheckOutcome,
): CheckOutcome[] {
  const contracts = enteredContracts(facts);
  if (contracts.length === 0) return [notApplicable('out-of-scope', 'No contract entered into.')];
  const outside = outsideAct(facts, ctx);
  if (outside) return [outside];
  return contracts.map(judge);
}
