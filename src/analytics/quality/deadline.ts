// Deadline duties (UK7, UK9, UK11, UK1): a due day computed from the data, the day the duty was met if it was, and
// the judgement as of a day. A duty met late stays a failure ("without the notice after the due time"), so a
// result never flips back when a late notice arrives; the late notice shows in doneDate.
import { addWorkingDays, daysBetween, ukDay, type Day, type RulesOn } from '../../domain/rules/index.js';
import { fail, notApplicable, pass, type CheckOutcome } from './check.js';
import type { AwardFacts, ContractFacts } from './facts.js';

export interface DeadlineInput {
  /** What is due, e.g. "UK7 contract details notice". */
  what: string;
  due: Day;
  /** How the due day was found, e.g. "30 days after the expected signature date 2026-10-19". */
  basis: string;
  /** The first day the duty was met, or null. */
  done: Day | null;
  asOf: Day;
  subject?: string;
}

export function judgeDeadline(d: DeadlineInput): CheckOutcome {
  const extra = { dueDate: d.due, ...(d.subject ? { subject: d.subject } : {}) };
  if (d.done !== null) {
    const late = daysBetween(d.due, d.done);
    if (late <= 0)
      return pass(`${d.what} published on ${d.done}; due by ${d.due} (${d.basis}).`, {
        ...extra,
        doneDate: d.done,
      });
    return fail(`${d.what} published on ${d.done}, ${late} days after it was due on ${d.due} (${d.basis}).`, {
      ...extra,
      doneDate: d.done,
    });
  }
  if (d.asOf > d.due)
    return fail(
      `No ${d.what} published; it was due by ${d.due} (${d.basis}), ${daysBetween(d.due, d.asOf)} days ago.`,
      extra,
    );
  return notApplicable('not-yet-due', `${d.what} due by ${d.due} (${d.basis}).`, extra);
}

export interface SignatureDay {
  day: Day;
  /** Plain words: which date it is. */
  basis: string;
}

/**
 * The day a contract was (or will be) entered into: the contract's dateSigned; else the award's expected
 * signature date (UK6 futureSignatureDate milestone); else the end of the standstill period, the earliest it can be
 * signed; else, after a UK6, its date plus the standstill working days (bank holidays not counted: estimated);
 * else the award date (below threshold there is no standstill).
 */
export function signatureDay(
  award: AwardFacts,
  contracts: readonly ContractFacts[],
  uk6Day: Day | null,
  rules: RulesOn,
): SignatureDay | null {
  const signed = contracts
    .filter((c) => c.awardId === award.id)
    .map((c) => ukDay(c.dateSigned))
    .filter((d): d is Day => d !== null)
    .sort()[0];
  if (signed) return { day: signed, basis: `contract signed ${signed}` };
  const expected = ukDay(award.futureSignatureDate);
  if (expected) return { day: expected, basis: `expected signature date ${expected}` };
  const standstill = ukDay(award.standstillEnd);
  if (standstill) return { day: standstill, basis: `standstill ends ${standstill}, the earliest signature` };
  if (uk6Day) {
    const days = rules(uk6Day).value('standstill.working-days');
    if (days !== null) {
      const day = addWorkingDays(uk6Day, days);
      return { day, basis: `UK6 of ${uk6Day} + ${days} working days standstill, estimated` };
    }
  }
  const awarded = ukDay(award.date);
  if (awarded) return { day: awarded, basis: `award date ${awarded}` };
  return null;
}
