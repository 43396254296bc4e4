// The shape every red flag has (after quality/check.ts and cardinal-rs indicators, domain.md §5.1): an id used
// everywhere (code, docs, results), a short title, a plain-English definition, the dated rules that hold its
// thresholds, its source, a severity, and a pure evaluate over facts. A flag that cannot be judged on the data
// says "not computable" and names the missing fields: never a silent "clear".
import type { Day, RuleId, RulesOn } from '../../domain/rules/index.js';
import type { RecordFacts } from '../quality/facts.js';

export type FlagSeverity = 'high' | 'medium' | 'low';
export type FlagStatus = 'flagged' | 'clear' | 'not-applicable';
/** `out-of-scope`: the flag does not cover this record or buyer. `not-computable`: the data needed is missing. */
export type FlagReason = 'out-of-scope' | 'not-computable';

/** A value the judgement rests on, shown next to the flag ("tender period: 12 days", "threshold: £30,000"). */
export interface FlagEvidence {
  label: string;
  value: string;
}

export interface FlagOutcome {
  status: FlagStatus;
  /** One sentence, with the dates and values behind the judgement. */
  detail: string;
  /** The part judged (`lot 1`, `award 2`, `contract C-7`, `below £30,000`, `supplier 12 in CPV 72`). */
  subject?: string;
  reason?: FlagReason;
  /** With reason not-computable: the fields that would be needed (OCDS paths or contract-model columns). */
  missing?: string[];
  evidence: FlagEvidence[];
  /** The records behind a buyer-level judgement (a record-level one is about its own record). */
  ocids?: string[];
  /** The dated rules the judgement used, with whether any is a configurable default ([?]). */
  rules: { id: RuleId; value: string; configurableDefault: boolean }[];
}

export interface FlagContext {
  rules: RulesOn;
}

interface FlagInfo {
  id: string;
  title: string;
  severity: FlagSeverity;
  definition: string;
  /** domain.md section, Act section, cardinal-rs indicator. */
  source: string;
  /** The dated rules holding its thresholds (domain/rules/redflags.ts and catalogue.ts). */
  thresholds: readonly RuleId[];
  /** Contract-model fields it reads. */
  fields: readonly string[];
  /** What the contract model does not carry that the flag would need to judge every case. */
  gaps?: readonly string[];
}

export interface RecordFlag extends FlagInfo {
  scope: 'record';
  evaluate(facts: RecordFacts, ctx: FlagContext): FlagOutcome[];
}

/** Buyer-level flags judge every record of one buyer (organisations merged into it included). */
export interface BuyerFlag extends FlagInfo {
  scope: 'buyer';
  evaluate(records: readonly RecordFacts[], ctx: FlagContext): FlagOutcome[];
}

export type RedFlag = RecordFlag | BuyerFlag;

type Extra = Partial<Omit<FlagOutcome, 'status' | 'detail'>>;
const outcome = (status: FlagStatus, detail: string, extra: Extra): FlagOutcome => ({
  evidence: [],
  rules: [],
  ...extra,
  status,
  detail,
});
export const flagged = (detail: string, extra: Extra = {}) => outcome('flagged', detail, extra);
export const clear = (detail: string, extra: Extra = {}) => outcome('clear', detail, extra);
export const outOfScope = (detail: string, extra: Extra = {}) =>
  outcome('not-applicable', detail, { ...extra, reason: 'out-of-scope' });
export const notComputable = (detail: string, missing: string[], extra: Extra = {}) =>
  outcome('not-applicable', detail, { ...extra, reason: 'not-computable', missing });

/** The value of a rule on a day, with its provenance for the outcome; null when no version is in force. */
export function ruleOn<K extends RuleId>(ctx: FlagContext, day: Day, id: K) {
  const v = ctx.rules(day).version(id);
  if (v === null) return null;
  return {
    value: v.value,
    used: { id, value: String(v.value), configurableDefault: v.configurableDefault },
  };
}

/** Whole pounds with thousands separators, pence kept when present. */
export function pounds(amount: string): string {
  const [whole, frac] = amount.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pence = frac && Number(frac) !== 0 ? `.${frac.padEnd(2, '0').slice(0, 2)}` : '';
  return `${sign}£${digits}${pence}`;
}
