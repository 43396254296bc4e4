// Which law a procurement is run under (domain.md §1): the Procurement Act 2023 for procurements commenced on or
// after its commencement date; earlier ones stay under PCR 2015 / UCR 2016 / CCR 2016 / DSPCR 2011 to the end,
// notices included. Act duties are only judged for Act procurements.
import type { RulesOn } from './in-force.js';
import type { Day } from './rule.js';

export type Regime = 'procurement-act-2023' | 'earlier-law' | 'unknown';

export interface RegimeInput {
  /** `tender.legalBasis` as `scheme id` (`UKPGA 2023/54`, `CELEX 32014L0024`), or null. */
  legalBasis: string | null;
  /** The day the procurement started as far as the data shows (its first notice), or null. */
  startDay: Day | null;
}

export interface RegimeFinding {
  regime: Regime;
  reason: string;
}

/**
 * The published legal basis decides when there is one. Without it, a procurement that started before
 * commencement is under earlier law; one that started later is unknown: the Act is likely, but Contracts Finder
 * still carries earlier-law notices, and a data set may hold only a procurement's later notices.
 */
export function procurementRegime(input: RegimeInput, rules: RulesOn): RegimeFinding {
  const today = input.startDay ?? '9999-12-31';
  const commencement = rules(today).value('procurement-act.commencement');
  const actBasis = rules(today).value('procurement-act.legal-basis');
  if (input.legalBasis !== null) {
    if (actBasis !== null && input.legalBasis === actBasis)
      return { regime: 'procurement-act-2023', reason: `legal basis ${input.legalBasis}` };
    return { regime: 'earlier-law', reason: `legal basis ${input.legalBasis}` };
  }
  if (input.startDay === null) return { regime: 'unknown', reason: 'no legal basis and no start date' };
  if (commencement === null || input.startDay < commencement)
    return { regime: 'earlier-law', reason: `started ${input.startDay}, before the Procurement Act 2023` };
  return { regime: 'unknown', reason: `no legal basis published (started ${input.startDay})` };
}
