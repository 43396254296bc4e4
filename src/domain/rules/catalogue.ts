// The rules catalogue, seeded from ../shared/docs/domain.md (design.md §5). Each value keeps domain.md's evidence
// mark; values marked [?] there, and missionbuy's own choices, are configurable defaults (`configurableDefault`).
// Money is a decimal string in pounds, VAT included (domain.md §1: estimated values include VAT).
import { CALENDAR_RULES, type CalendarRuleValues } from './calendar-duties.js';
import { REDFLAG_RULES, type RedFlagRuleValues } from './redflags.js';
import { inForceFrom, type Rule, type RuleVersion } from './rule.js';

/** The Procurement Act 2023 regime starts here: procurements commenced on or after it (domain.md §1). */
const ACT = '2025-02-24';

export interface RuleValues extends CalendarRuleValues, RedFlagRuleValues {
  'procurement-act.commencement': string;
  'procurement-act.legal-basis': string;
  'threshold.central-goods-services': string;
  'threshold.sub-central-goods-services': string;
  'threshold.utilities-goods-services': string;
  'threshold.defence-security-goods-services': string;
  'threshold.works-concessions': string;
  'threshold.light-touch': string;
  'threshold.utilities-light-touch': string;
  'threshold.light-touch-concessions': string;
  'below-threshold.notifiable-central': string;
  'below-threshold.notifiable-other': string;
  'kpi.contract-value': string;
  'kpi.minimum-count': number;
  'kpi-rating.interval-months': number;
  'pipeline.spend-threshold': string;
  'pipeline.contract-value': string;
  'pipeline.window-days': number;
  'contract-details.days': number;
  'contract-details.light-touch-days': number;
  'contract-copy.days': number;
  'standstill.working-days': number;
  'termination-notice.days': number;
  'termination-notice.below-threshold': boolean;
  'payments-compliance.period-months': number;
  'payments-compliance.days-after-period': number;
  'payments-compliance.first-period-start': string;
  'payments-information.amount': string;
  'payments-information.days-after-quarter': number;
}

export type RuleId = keyof RuleValues;
export type RuleCatalogue = { readonly [K in RuleId]: Rule<RuleValues[K]> };

/** One version from the Act's commencement onwards. */
const fromAct = <T>(value: T, source: string, evidence: 'V' | 'S' | '?'): RuleVersion<T>[] =>
  inForceFrom(value, ACT, source, evidence);

const THRESHOLDS = 'domain.md §1.1: Threshold Amounts (Amendment) Regulations 2025 / PPN 023 [S]';
/**
 * The figures "in brackets" of domain.md §1.1 applied to 31 Dec 2025. domain.md gives no start date: 1 Jan 2024 is
 * inferred from the two-yearly WTO GPA revision it mentions, hence a configurable default.
 */
function threshold(before2026: string, from2026: string, note = ''): RuleVersion<string>[] {
  return [
    {
      value: before2026,
      validFrom: '2024-01-01',
      validTo: '2025-12-31',
      source: `${THRESHOLDS}; start date inferred from the 2-year revision cycle${note}`,
      evidence: '?',
      configurableDefault: true,
    },
    {
      value: from2026,
      validFrom: '2026-01-01',
      validTo: null,
      source: `${THRESHOLDS}${note}`,
      evidence: note ? '?' : 'S',
      configurableDefault: note !== '',
    },
  ];
}

export const RULES: RuleCatalogue = {
  ...CALENDAR_RULES,
  ...REDFLAG_RULES,
  'procurement-act.commencement': {
    title: 'Procurement Act 2023 applies to procurements commenced on or after',
    unit: 'date',
    versions: fromAct(ACT, 'domain.md §1: FTS "Notice types and sequences" [V]', 'V'),
  },
  'procurement-act.legal-basis': {
    title: 'Legal basis of a Procurement Act procurement (tender.legalBasis)',
    unit: 'text',
    versions: fromAct('UKPGA 2023/54', 'docs/contract-model.md (legal_basis); real FTS packages [V]', 'V'),
  },
  'threshold.central-goods-services': {
    title: 'Threshold: central government goods and services',
    unit: 'GBP incl. VAT',
    versions: threshold('139688', '135018'),
  },
  'threshold.sub-central-goods-services': {
    title: 'Threshold: sub-central goods and services',
    unit: 'GBP incl. VAT',
    versions: threshold('214904', '207720'),
  },
  'threshold.utilities-goods-services': {
    title: 'Threshold: utilities goods and services',
    unit: 'GBP incl. VAT',
    versions: threshold('429809', '415440'),
  },
  'threshold.defence-security-goods-services': {
    title: 'Threshold: defence and security goods and services',
    unit: 'GBP incl. VAT',
    versions: threshold('429809', '415440'),
  },
  'threshold.works-concessions': {
    title: 'Threshold: works (all regimes) and concessions',
    unit: 'GBP incl. VAT',
    versions: threshold('5372609', '5193000'),
  },
  'threshold.light-touch': {
    title: 'Threshold: light-touch services',
    unit: 'GBP incl. VAT',
    versions: threshold('663540', '663540'),
  },
  'threshold.utilities-light-touch': {
    title: 'Threshold: utilities light-touch services',
    unit: 'GBP incl. VAT',
    versions: threshold('884720', '884720'),
  },
  'threshold.light-touch-concessions': {
    title: 'Threshold: light-touch concessions',
    unit: 'GBP incl. VAT',
    versions: threshold('5372609', '5372609', '; marked [?] in domain.md'),
  },
  'below-threshold.notifiable-central': {
    title: 'Notifiable below-threshold contract: central government (incl. NHS), from',
    unit: 'GBP incl. VAT',
    versions: fromAct('12000', 'domain.md §1.3 (Part 6, s.84–88): wardhadaway.com; lupc.ac.uk [S]', 'S'),
  },
  'below-threshold.notifiable-other': {
    title: 'Notifiable below-threshold contract: other authorities, from',
    unit: 'GBP incl. VAT',
    versions: fromAct('30000', 'domain.md §1.3 (Part 6, s.84–88): wardhadaway.com; lupc.ac.uk [S]', 'S'),
  },
  'kpi.contract-value': {
    title: 'KPI duty: estimated contract value over',
    unit: 'GBP incl. VAT',
    versions: fromAct(
      '5000000',
      'domain.md §2.2 (s.52): gov.uk Guidance: Contract Performance Notices ¶3–5 [V]',
      'V',
    ),
  },
  'kpi.minimum-count': {
    title: 'KPI duty: at least this many KPIs',
    unit: 'count',
    versions: fromAct(
      3,
      'domain.md §2.2 (s.52): gov.uk Guidance: Contract Performance Notices ¶3–5 [V]',
      'V',
    ),
  },
  'kpi-rating.interval-months': {
    title: 'UK9 contract performance notice: KPI ratings at least every',
    unit: 'months',
    versions: fromAct(12, 'domain.md §2 UK9 (s.71) [S]', 'S'),
  },
  'pipeline.spend-threshold': {
    title: 'UK1 pipeline duty: expected payments under relevant contracts in the financial year over',
    unit: 'GBP incl. VAT',
    versions: fromAct('100000000', 'domain.md §2.1: s.93(1) legislation.gov.uk [V]', 'V'),
  },
  'pipeline.contract-value': {
    title: 'UK1 pipeline content: contracts with estimated value over',
    unit: 'GBP incl. VAT',
    versions: fromAct('2000000', 'domain.md §2.1: s.93(3); gov.uk guidance ¶2 [V]', 'V'),
  },
  'pipeline.window-days': {
    title: 'UK1 pipeline notice: within this many days beginning with 1 April (1 Apr – 26 May)',
    unit: 'days',
    versions: fromAct(56, 'domain.md §2.1: s.93(2) [V]; FTS notice types [V]', 'V'),
  },
  'contract-details.days': {
    title: 'UK7 contract details notice: within this many days after the contract is entered into',
    unit: 'days',
    versions: fromAct(30, 'domain.md §2 UK7 (s.53, regs 32–35) [S]', 'S'),
  },
  'contract-details.light-touch-days': {
    title: 'UK7 contract details notice for a light-touch contract: within this many days',
    unit: 'days',
    versions: fromAct(120, 'domain.md §2 UK7 (s.53): "120 days for light-touch [?]"', '?'),
  },
  'contract-copy.days': {
    title: 'Contracts over £5m: publish the contract copy within this many days',
    unit: 'days',
    versions: fromAct(90, 'domain.md §2 UK7: "publish the contract copy within 90 days [?]"', '?'),
  },
  'standstill.working-days': {
    title: 'Standstill after a UK6 contract award notice',
    unit: 'working days',
    versions: fromAct(8, 'domain.md §2 UK6 (s.50): FTS sample 094477-2026 [V]', 'V'),
  },
  'termination-notice.days': {
    title: 'UK11 contract termination notice: within this many days of the end',
    unit: 'days',
    versions: fromAct(30, 'domain.md §2 UK11 (s.80) [S]', 'S'),
  },
  'termination-notice.below-threshold': {
    title: 'UK11 is also required for below-threshold contracts',
    unit: 'flag',
    versions: fromAct(
      false,
      'missionbuy reading of s.80 ("public contract"); domain.md §1.3 lists only UK4 and UK7 below threshold [?]',
      '?',
    ),
  },
  'payments-compliance.period-months': {
    title: 'Payments compliance notice (s.69): reporting period (ending 31 Mar / 30 Sep)',
    unit: 'months',
    versions: [
      {
        value: 6,
        validFrom: '2025-10-01',
        validTo: null,
        source: 'domain.md §2.4: legislation.gov.uk s.69 [V]; first period from 1 Oct 2025 (trowers.com) [S]',
        evidence: 'S',
        configurableDefault: false,
      },
    ],
  },
  'payments-compliance.days-after-period': {
    title: 'Payments compliance notice: within this many days after each period',
    unit: 'days',
    versions: [
      {
        value: 30,
        validFrom: '2025-10-01',
        validTo: null,
        source: 'domain.md §2.4: legislation.gov.uk s.69 [V]',
        evidence: 'V',
        configurableDefault: false,
      },
    ],
  },
  'payments-compliance.first-period-start': {
    title: 'Payments compliance: first reporting period starts',
    unit: 'date',
    versions: [
      {
        value: '2025-10-01',
        validFrom: '2025-10-01',
        validTo: null,
        source: 'domain.md §2.4: trowers.com Sep 2025 [S]',
        evidence: 'S',
        configurableDefault: false,
      },
    ],
  },
  'payments-information.amount': {
    title: 'Information about payments (s.70): each payment over',
    unit: 'GBP incl. VAT',
    versions: [
      {
        value: '30000',
        validFrom: '2026-04-01',
        validTo: null,
        source: 'domain.md §2 UK17 (s.70): commencement for contracts procured from 1 Apr 2026 [?]',
        evidence: '?',
        configurableDefault: true,
      },
    ],
  },
  'payments-information.days-after-quarter': {
    title: 'Information about payments: within this many days of each quarter end',
    unit: 'days',
    versions: [
      {
        value: 30,
        validFrom: '2026-04-01',
        validTo: null,
        source: 'domain.md §2 UK17 (s.70) [?]',
        evidence: '?',
        configurableDefault: true,
      },
    ],
  },
};
