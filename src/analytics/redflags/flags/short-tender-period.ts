// Tender period shorter than the statutory minimum (domain.md §2 UK3/UK4, §5.1; cardinal-rs R003 with the Act's
// minimum instead of a fixed 15 days). Above threshold only: below threshold the Act asks for a "reasonable" period.
import { daysBetween, procurementRegime, ukDay } from '../../../domain/rules/index.js';
import { isNotice } from '../../quality/stage.js';
import { COMPETITIVE_METHODS } from '../facts-helpers.js';
import { clear, flagged, notComputable, outOfScope, ruleOn, type RecordFlag } from '../flag.js';

export const shortTenderPeriod: RecordFlag = {
  id: 'short-tender-period',
  title: 'Tender period below statutory minimum',
  scope: 'record',
  severity: 'high',
  definition:
    'An above-threshold open or selective Procurement Act procurement whose tender period (tenderPeriod start, ' +
    'or the UK4 notice date when no start is published, to tenderPeriod end) is shorter than the minimum: ' +
    '25 days, or 10 days when a UK3 planned procurement notice was published first.',
  source: 'domain.md §2 (UK3, UK4) and §5.1; Procurement Act 2023 s.54 [S]',
  thresholds: ['redflag.tender-period-min-days', 'redflag.tender-period-min-days-with-uk3'],
  fields: [
    'process.procurement_method',
    'process.above_threshold',
    'process.legal_basis',
    'process.tender_period_start',
    'process.tender_period_end',
    'notice.notice_type',
  ],
  gaps: [
    'The minimum also depends on electronic submission and documents being available at once (not published)',
  ],
  evaluate(facts, ctx) {
    const method = facts.tender.method;
    if (method === null || !COMPETITIVE_METHODS.includes(method))
      return [outOfScope(`Not an open or selective procedure (method ${method ?? 'not published'}).`)];
    const startDay = ukDay(facts.firstPublished);
    const regime = procurementRegime({ legalBasis: facts.legalBasis, startDay }, ctx.rules);
    if (regime.regime === 'earlier-law')
      return [outOfScope(`Not a Procurement Act 2023 procurement (${regime.reason}).`)];
    if (regime.regime === 'unknown')
      return [notComputable(`Cannot tell whether the Act applies: ${regime.reason}.`, ['tender.legalBasis'])];
    if (facts.tender.aboveThreshold === false)
      return [outOfScope('Below threshold: the Act sets no minimum, only a "reasonable" period.')];
    if (facts.tender.aboveThreshold === null)
      return [
        notComputable('Whether the procurement is above threshold is not published.', [
          'tender.aboveThreshold',
        ]),
      ];
    const uk4 = facts.notices.find((n) => isNotice(n, 'UK4', 'tender'));
    const start = ukDay(facts.tender.periodStart) ?? ukDay(uk4?.date ?? null);
    const end = ukDay(facts.tender.periodEnd);
    const missing = [
      ...(start === null ? ['tender.tenderPeriod.startDate (or a UK4 notice date)'] : []),
      ...(end === null ? ['tender.tenderPeriod.endDate'] : []),
    ];
    if (start === null || end === null)
      return [notComputable('The tender period is not published.', missing)];
    const withUk3 = facts.notices.some(
      (n) => isNotice(n, 'UK3', 'planned-procurement') && n.date < (uk4?.date ?? end),
    );
    const rule = ruleOn(
      ctx,
      start,
      withUk3 ? 'redflag.tender-period-min-days-with-uk3' : 'redflag.tender-period-min-days',
    );
    if (rule === null) return [outOfScope(`No minimum tender period in force on ${start}.`)];
    const days = daysBetween(start, end);
    const extra = {
      evidence: [
        { label: 'tender period', value: `${start} to ${end} (${days} days)` },
        {
          label: 'start from',
          value: facts.tender.periodStart !== null ? 'tenderPeriod.startDate' : 'UK4 notice date',
        },
        { label: 'minimum', value: `${rule.value} days${withUk3 ? ' (UK3 published)' : ''}` },
      ],
      rules: [rule.used],
    };
    return days < rule.value
      ? [flagged(`Tender period of ${days} days, below the ${rule.value}-day minimum.`, extra)]
      : [clear(`Tender period of ${days} days meets the ${rule.value}-day minimum.`, extra)];
  },
};
