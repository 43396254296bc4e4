// Procurement Act: after a UK6 contract award notice, a UK7 contract details notice within 30 days of entering
// into the contract (120 days for light-touch contracts, a configurable default).
import { addDays, isLightTouch } from '../../../domain/rules/index.js';
import { notApplicable, type RecordCheck } from '../check.js';
import { judgeDeadline, signatureDay } from '../deadline.js';
import { isBelowThreshold, isNotice, liveAwards, noticesAsOf, outsideAct } from '../stage.js';

export const paContractDetails: RecordCheck = {
  id: 'pa-contract-details',
  title: 'UK7 after UK6',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'After a UK6 contract award notice, each live award gets a UK7 contract details notice within 30 days of ' +
    'the contract being entered into (120 days for light-touch contracts). The signature day is the contract’s ' +
    'dateSigned, else the award’s expected signature date, else the end of standstill. A UK7 published late ' +
    'still fails.',
  source:
    'Procurement Act 2023 s.53, regs 32–35 (domain.md §2 UK6, UK7). Rules: contract-details.days, ' +
    'contract-details.light-touch-days [?], standstill.working-days, in force on the signature day.',
  appliesTo:
    'Procurement Act 2023 records with a UK6 notice, per live award not below threshold (below-threshold awards: ' +
    'pa-below-threshold-contract-details). Not after a UK12 procurement termination notice.',
  fields: [
    'process.legal_basis',
    'process.first_published',
    'process.special_regimes',
    'notice.notice_type',
    'notice.release_date',
    'award.status',
    'award.above_threshold',
    'award.future_signature_date',
    'award.standstill_end',
    'contract.award_id',
    'contract.date_signed',
  ],
  gaps: [
    'A notice is not linked to the award it concerns: with several awards, a UK7 counts for an award only when a ' +
      'contract row names that award.',
  ],
  evaluate(facts, ctx) {
    const notices = noticesAsOf(facts, ctx);
    const uk6 = notices.find((n) => isNotice(n, 'UK6', 'contract-award'));
    if (!uk6) return [notApplicable('out-of-scope', `No UK6 contract award notice by ${ctx.asOf}.`)];
    if (notices.some((n) => isNotice(n, 'UK12', 'procurement-termination')))
      return [notApplicable('out-of-scope', 'The procurement was terminated (UK12).')];
    const awards = liveAwards(facts);
    if (awards.length === 0) return [notApplicable('out-of-scope', 'No live award.')];
    const outside = outsideAct(facts, ctx);
    if (outside) return [outside];
    const uk7 = notices.find((n) => isNotice(n, 'UK7', 'contract-details') && n.day >= uk6.day);
    const lightTouch = isLightTouch(facts.tender.specialRegimes);
    return awards.map((a) => {
      const subject = `award ${a.id}`;
      if (isBelowThreshold(facts, a))
        return notApplicable('out-of-scope', 'Below threshold: see pa-below-threshold-contract-details.', {
          subject,
        });
      const signature = signatureDay(a, facts.contracts, uk6.day, ctx.rules);
      if (!signature)
        return notApplicable('not-computable', 'No date to count the UK7 deadline from.', {
          subject,
          missing: [
            'contracts.dateSigned',
            'awards.milestones.futureSignatureDate',
            'awards.standstillPeriod',
          ],
        });
      const rules = ctx.rules(signature.day);
      const version = rules.version(
        lightTouch ? 'contract-details.light-touch-days' : 'contract-details.days',
      );
      if (version === null)
        return notApplicable('out-of-scope', `No UK7 deadline in force on ${signature.day}.`, { subject });
      const linked = facts.contracts.some((c) => c.awardId === a.id);
      const done = uk7 && (awards.length === 1 || linked) ? uk7.day : null;
      const flag = version.configurableDefault ? ', a configurable default' : '';
      return judgeDeadline({
        what: 'UK7 contract details notice',
        due: addDays(signature.day, version.value),
        basis: `${version.value} days${lightTouch ? ' (light-touch' + flag + ')' : ''} after ${signature.basis}`,
        done,
        asOf: ctx.asOf,
        subject,
      });
    });
  },
};
