// Procurement Act s.52: a contract over £5m has at least three KPIs, or a published reason for having none.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { contractValue, kpiDutyException } from '../kpi-duty.js';
import { enteredContracts, outsideAct, startDay } from '../stage.js';
import { describe } from '../value.js';

export const paKpis: RecordCheck = {
  id: 'pa-kpis',
  title: 'KPIs for contracts over £5m',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'A contract entered into with an estimated value over £5m (VAT included) publishes at least three KPIs ' +
    '(agreed metrics on the contract or its award), or a reason for publishing none ' +
    '(contracts[].noAgreedMetricsRationale). Light-touch contracts, concessions, frameworks and private ' +
    'utilities are exempt.',
  source:
    'Procurement Act 2023 s.52 (domain.md §2.2: gov.uk Guidance: Contract Performance Notices ¶3–5 [V]; §2 UK7 ' +
    '"the 3 most material KPIs"). Rules: kpi.contract-value, kpi.minimum-count, in force on the start day.',
  appliesTo:
    'Procurement Act 2023 records, per contract entered into (active, terminated or without status).',
  fields: [
    'contract.value',
    'contract.value_gross',
    'contract.no_agreed_metrics_rationale',
    'metric.stage',
    'metric.contract_id',
    'metric.award_id',
    'process.special_regimes',
    'organisation.buyer_type',
  ],
  gaps: [
    'Frameworks are exempt, but the model does not carry tender.techniques.hasFrameworkAgreement: a framework ' +
      'over £5m is judged like a contract.',
  ],
  evaluate(facts, ctx) {
    const contracts = enteredContracts(facts);
    if (contracts.length === 0)
      return [
        notApplicable('out-of-scope', 'No contract entered into yet (KPIs are published with the UK7).'),
      ];
    const outside = outsideAct(facts, ctx);
    if (outside) return [outside];
    const minimum = ctx.rules(startDay(facts) ?? ctx.asOf).value('kpi.minimum-count') ?? 3;
    return contracts.map((c) => {
      const subject = `contract ${c.id}`;
      const exception = kpiDutyException(facts, c, ctx, subject);
      if (exception) return exception;
      const value = describe(contractValue(facts, c));
      const n = c.kpiIds.length;
      if (n >= minimum) return pass(`${n} KPIs published for ${value}.`, { subject });
      if (c.noAgreedMetricsRationale)
        return pass(`${n} KPIs, with a reason: "${c.noAgreedMetricsRationale}".`, { subject });
      return fail(
        `${value}: ${n} KPI(s) published, at least ${minimum} needed, and no reason given for fewer.`,
        {
          subject,
        },
      );
    });
  },
};
