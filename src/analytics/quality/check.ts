// The shape every data-quality check has (style.md §5, after cardinal-rs indicators): an id used everywhere (code,
// docs, results, settings), a title of at most five words, a plain-English definition, a severity, the rule's
// source, which records it applies to, the contract-model fields it reads, and a pure evaluate function over facts.
// Checks never read the clock: the "as of" day comes in the context.
import type { Day, RulesOn } from '../../domain/rules/index.js';
import type { BuyerFacts, RecordFacts } from './facts.js';

export type Severity = 'high' | 'medium' | 'low';
export type CheckCategory = 'coverage' | 'coherence' | 'procurement-act';
export type CheckStatus = 'pass' | 'fail' | 'not-applicable';

/**
 * Why a check did not apply. `out-of-scope`: the rule does not cover this record. `not-yet-due`: it will, on
 * `dueDate`. `not-computable`: the data needed to judge is missing (`missing` lists it) — never read as a pass.
 */
export type NotApplicableReason = 'out-of-scope' | 'not-yet-due' | 'not-computable';

/** One judgement of one check on one record (or one part of it: an award, a contract, a financial year). */
export interface CheckOutcome {
  status: CheckStatus;
  /** One sentence a buyer can act on: what was found, with the dates and values behind it. */
  detail: string;
  /** The part of the record judged (`award 1`, `contract C-7`, `FY 2026-27`); absent when it is the whole record. */
  subject?: string;
  /** Only with status not-applicable. */
  reason?: NotApplicableReason;
  /** With reason not-computable: the fields that would be needed (OCDS paths or contract-model columns). */
  missing?: string[];
  /** Deadline checks: the last day on which the duty is met on time (UK calendar day). */
  dueDate?: Day;
  /** Deadline checks: the day the duty was met (notice published), when it was. */
  doneDate?: Day;
}

/** A check result as the runner returns it: shaped for a scorecard (per buyer, per check) and a calendar. */
export interface CheckResult extends CheckOutcome {
  /** The record; null for checks on an organisation as a whole (the UK1 pipeline duty). */
  ocid: string | null;
  /** The buyer organisation the result counts against (organisation.id, merged organisations followed). */
  buyerId: number | null;
  checkId: string;
}

export interface CheckContext {
  /** The day results are computed for ("today", or a quarter end for a trend). Nothing later is seen. */
  asOf: Day;
  /** The rules in force on any day (domain/rules). */
  rules: RulesOn;
}

interface CheckInfo {
  id: string;
  /** At most five words. */
  title: string;
  category: CheckCategory;
  severity: Severity;
  /** What the check tests, in plain English (shown next to every figure that uses it). */
  definition: string;
  /** The rule's source: domain.md section, Act section, and the dated rule ids it reads. */
  source: string;
  /** Which records it applies to; all others are not-applicable (out-of-scope). */
  appliesTo: string;
  /** The contract-model fields it reads (docs/contract-model.md). */
  fields: readonly string[];
  /** Fields the contract model does not carry (yet) that the check would need to judge every case. */
  gaps?: readonly string[];
}

/**
 * Whether a check's outcome can change with the as-of day. Coverage and coherence checks judge the data as
 * published and never read `ctx.asOf`; Procurement Act checks judge duties by the day. The runner judges the first
 * kind once for several days (test/analytics/quality/as-of.test.ts holds every check to this).
 */
export const readsAsOf = (check: CheckInfo): boolean => check.category === 'procurement-act';

export interface RecordCheck extends CheckInfo {
  scope: 'record';
  /** At least one outcome; checks on awards or contracts give one per award or contract. */
  evaluate(facts: RecordFacts, ctx: CheckContext): CheckOutcome[];
}

export interface BuyerCheck extends CheckInfo {
  scope: 'buyer';
  evaluate(facts: BuyerFacts, ctx: CheckContext): CheckOutcome[];
}

export type QualityCheck = RecordCheck | BuyerCheck;

export const pass = (detail: string, extra: Partial<CheckOutcome> = {}): CheckOutcome => ({
  ...extra,
  status: 'pass',
  detail,
});

export const fail = (detail: string, extra: Partial<CheckOutcome> = {}): CheckOutcome => ({
  ...extra,
  status: 'fail',
  detail,
});

export const notApplicable = (
  reason: NotApplicableReason,
  detail: string,
  extra: Partial<CheckOutcome> = {},
): CheckOutcome => ({ ...extra, status: 'not-applicable', reason, detail });
