// Award value far above the tender estimate: ratio at or above a configurable multiple [?].
import { comparable, standingAwards, recordDay } from '../facts-helpers.js';
import { clear, flagged, notComputable, outOfScope, pounds, ruleOn, type RecordFlag } from '../flag.js';

export const awardOverEstimate: RecordFlag = {
  id: 'award-over-estimate',
  title: 'Award far above estimate',
  scope: 'record',
  severity: 'medium',
  definition:
    'An award whose value is at least the configured multiple (default 1.5×) of the tender’s estimated value, ' +
    'compared VAT included when both are, else both net of VAT.',
  source: 'domain.md §5.1 (ours, configurable); issue 6',
  thresholds: ['redflag.award-over-estimate-ratio'],
  fields: ['process.tender_value', 'process.tender_value_gross', 'award.value', 'award.value_gross'],
  evaluate(facts, ctx) {
    const awards = standingAwards(facts);
    if (awards.length === 0) return [outOfScope('No award.')];
    if (facts.tender.value.amount === null && facts.tender.value.gross === null)
      return [notComputable('No tender estimate is published.', ['tender.value'])];
    const day = recordDay(facts) ?? '9999-12-31';
    const rule = ruleOn(ctx, day, 'redflag.award-over-estimate-ratio');
    if (rule === null) return [outOfScope(`No ratio in force on ${day}.`)];
    return awards.map((a) => {
      const subject = `award ${a.id}`;
      const c = comparable(a.value, facts.tender.value);
      if (c === null)
        return notComputable('The award value cannot be compared with the estimate.', ['awards[].value'], {
          subject,
        });
      const ratio = Number(c.a) / Number(c.b);
      const extra = {
        subject,
        evidence: [
          { label: 'estimate', value: `${pounds(c.b)} (${c.basis})` },
          { label: 'award', value: pounds(c.a) },
          { label: 'ratio', value: Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'estimate is zero' },
        ],
        rules: [rule.used],
      };
      if (Number(c.b) <= 0) return notComputable('The estimate is zero.', ['tender.value'], extra);
      return ratio >= rule.value
        ? flagged(`Award of ${pounds(c.a)} is ${ratio.toFixed(2)}× the estimate of ${pounds(c.b)}.`, extra)
        : clear(`Award of ${pounds(c.a)} is ${ratio.toFixed(2)}× the estimate.`, extra);
    });
  },
};
