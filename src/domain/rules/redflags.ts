// Dated rules the red flags read (catalogue.ts spreads them in): the statutory minimum tender periods
// (domain.md §2 UK3/UK4) and missionbuy's own thresholds for judgement flags. domain.md §5.1 lists the flags as
// "ours, configurable": every threshold it does not state is a configurable default ([?]). Pure data.
import { inForceFrom, type Rule } from './rule.js';

export interface RedFlagRuleValues {
  'redflag.tender-period-min-days': number;
  'redflag.tender-period-min-days-with-uk3': number;
  'redflag.award-over-estimate-ratio': number;
  'redflag.modification-increase-percent': number;
  'redflag.direct-award-share': number;
  'redflag.direct-award-min-procedures': number;
  'redflag.cluster-band-percent': number;
  'redflag.cluster-min-awards': number;
  'redflag.rollover-min-awards': number;
}

type RedFlagRules = { readonly [K in keyof RedFlagRuleValues]: Rule<RedFlagRuleValues[K]> };

/** The Procurement Act 2023 commencement (domain.md §1): the Act's tender periods apply from it. */
const ACT = '2025-02-24';
const OURS = 'domain.md §5.1 ("Procurement-Act flags to add (ours, configurable)"): missionbuy default [?]';

const version = <T>(value: T, source: string, evidence: 'V' | 'S' | '?', validFrom = ACT) =>
  inForceFrom(value, validFrom, source, evidence);

/** Judgement thresholds apply to any record, whatever law it was procured under. */
const ALWAYS = '2000-01-01';

export const REDFLAG_RULES: RedFlagRules = {
  'redflag.tender-period-min-days': {
    title: 'Minimum above-threshold tender period (UK4, electronic, documents available)',
    unit: 'days',
    versions: version(
      25,
      'domain.md §2 UK4 and §5.1: minimum above-threshold tender period 25 days [S]',
      'S',
    ),
  },
  'redflag.tender-period-min-days-with-uk3': {
    title: 'Minimum above-threshold tender period after a UK3 planned procurement notice',
    unit: 'days',
    versions: version(10, 'domain.md §2 UK3 and §5.1: with a UK3 40 days to 1 year before, 10 days [S]', 'S'),
  },
  'redflag.award-over-estimate-ratio': {
    title: 'Award value at or above this multiple of the tender estimate',
    unit: 'count',
    versions: version(1.5, OURS, '?', ALWAYS),
  },
  'redflag.modification-increase-percent': {
    title: 'Contract modification raising the value by more than this percentage',
    unit: 'count',
    versions: version(10, `${OURS}; domain.md §2 UK10 (s.74-75)`, '?', ALWAYS),
  },
  'redflag.direct-award-share': {
    title: 'Share of a buyer’s awarded procedures that were direct awards, at or above which it is flagged',
    unit: 'count',
    versions: version(0.25, OURS, '?', ALWAYS),
  },
  'redflag.direct-award-min-procedures': {
    title: 'Awarded procedures with a known method a buyer needs before its direct-award share is judged',
    unit: 'count',
    versions: version(5, OURS, '?', ALWAYS),
  },
  'redflag.cluster-band-percent': {
    title: 'An award is "just below" a threshold when within this percentage under it',
    unit: 'count',
    versions: version(10, OURS, '?', ALWAYS),
  },
  'redflag.cluster-min-awards': {
    title: 'Awards just below one threshold a buyer needs before it is flagged',
    unit: 'count',
    versions: version(3, OURS, '?', ALWAYS),
  },
  'redflag.rollover-min-awards': {
    title: 'Uncompeted awards by one buyer to one supplier in one CPV division before a roll-over is flagged',
    unit: 'count',
    versions: version(3, OURS, '?', ALWAYS),
  },
};
