// Direct-award share: the part of a buyer's awarded procedures that were awarded without competition.
import { COMPETITIVE_METHODS, isUncompeted, recordDay, standingAwards } from '../facts-helpers.js';
import { clear, flagged, notComputable, ruleOn, type BuyerFlag } from '../flag.js';
import { latestDay } from './buyer-day.js';

export const directAwardShare: BuyerFlag = {
  id: 'direct-award-share',
  title: 'High direct-award share',
  scope: 'buyer',
  severity: 'medium',
  definition:
    'Of a buyer’s awarded procedures with a published method, the share awarded without competition ' +
    '(procurementMethod "limited" or "direct") is at or above the configured share (default 25%), once the ' +
    'buyer has at least the configured number of such procedures (default 5).',
  source: 'domain.md §5.1 (ours, configurable); issue 6',
  thresholds: ['redflag.direct-award-share', 'redflag.direct-award-min-procedures'],
  fields: ['process.procurement_method', 'award.status'],
  evaluate(records, ctx) {
    const awarded = records.filter((r) => standingAwards(r).length > 0);
    const known = awarded.filter(
      (r) => r.tender.method !== null && (isUncompeted(r) || COMPETITIVE_METHODS.includes(r.tender.method)),
    );
    const direct = known.filter(isUncompeted);
    const day = latestDay(awarded.map(recordDay));
    const share = ruleOn(ctx, day, 'redflag.direct-award-share');
    const min = ruleOn(ctx, day, 'redflag.direct-award-min-procedures');
    if (share === null || min === null) return [];
    const rules = [share.used, min.used];
    const ratio = known.length === 0 ? 0 : direct.length / known.length;
    const evidence = [
      { label: 'awarded procedures with a method', value: String(known.length) },
      { label: 'without competition', value: String(direct.length) },
      { label: 'share', value: `${Math.round(ratio * 100)}%` },
      { label: 'awarded, method not published', value: String(awarded.length - known.length) },
    ];
    const extra = { evidence, rules, ocids: direct.map((r) => r.ocid) };
    if (known.length < min.value)
      return [
        notComputable(
          `${known.length} awarded procedure(s) with a published method: fewer than the ${min.value} needed to judge a share.`,
          ['tender.procurementMethod on more awarded procedures'],
          extra,
        ),
      ];
    const text = `${direct.length} of ${known.length} awarded procedures (${Math.round(ratio * 100)}%) were direct awards`;
    return ratio >= share.value
      ? [flagged(`${text}, at or above ${Math.round(share.value * 100)}%.`, extra)]
      : [clear(`${text}, below ${Math.round(share.value * 100)}%.`, extra)];
  },
};
