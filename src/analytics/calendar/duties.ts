// The statutory duties the compliance calendar lists (docs/compliance-calendar.md): what is due, under which
// section, which dated rules its due date depends on, and whether published OCDS data can show it was done.
// Duties on a record reuse the quality checks' judgement (src/analytics/quality/checks); the rest are dated here.
import type { RuleId } from '../../domain/rules/index.js';

export const DUTY_IDS = [
  'uk1-pipeline',
  'uk7-contract-details',
  'uk7-below-threshold',
  'uk9-kpi-rating',
  'uk9-on-termination',
  'uk11-termination',
  'payments-compliance',
  'sme-vcse-report',
] as const;

export type DutyId = (typeof DUTY_IDS)[number];

export interface Duty {
  id: DutyId;
  /** The notice code as published (UK1…UK17); `UK8 [?]` where domain.md says the code is unverified. */
  notice: string;
  title: string;
  /** The law or policy, and the domain.md section it was read from. */
  source: string;
  /** The dated rules its due date (or whether it applies) depends on. */
  rules: readonly RuleId[];
  /** False when the notice or report is not in OCDS data, so missionbuy cannot see whether it was done. */
  confirmable: boolean;
  /** The quality check that judges it, when there is one. */
  checkId?: string;
}

export const DUTIES: Readonly<Record<DutyId, Duty>> = {
  'uk1-pipeline': {
    id: 'uk1-pipeline',
    notice: 'UK1',
    title: 'Pipeline notice',
    source: 'Procurement Act 2023 s.93 (domain.md §2.1)',
    rules: ['pipeline.spend-threshold', 'pipeline.window-days'],
    confirmable: true,
    checkId: 'pa-pipeline',
  },
  'uk7-contract-details': {
    id: 'uk7-contract-details',
    notice: 'UK7',
    title: 'Contract details notice',
    source: 'Procurement Act 2023 s.53, regs 32–35 (domain.md §2 UK7)',
    rules: ['contract-details.days', 'standstill.working-days'],
    confirmable: true,
    checkId: 'pa-contract-details',
  },
  'uk7-below-threshold': {
    id: 'uk7-below-threshold',
    notice: 'UK7',
    title: 'Contract details notice (below threshold)',
    source: 'Procurement Act 2023 s.87 (domain.md §1.3, §2 UK7)',
    rules: [
      'contract-details.days',
      'below-threshold.notifiable-central',
      'below-threshold.notifiable-other',
    ],
    confirmable: true,
    checkId: 'pa-below-threshold-contract-details',
  },
  'uk9-kpi-rating': {
    id: 'uk9-kpi-rating',
    notice: 'UK9',
    title: 'Contract performance notice (yearly KPI rating)',
    source: 'Procurement Act 2023 s.71 (domain.md §2 UK9, §2.2)',
    rules: ['kpi-rating.interval-months', 'kpi.contract-value'],
    confirmable: true,
    checkId: 'pa-kpi-ratings',
  },
  'uk9-on-termination': {
    id: 'uk9-on-termination',
    notice: 'UK9',
    title: 'Contract performance notice (KPI rating on termination)',
    source: 'Procurement Act 2023 s.71 (domain.md §2 UK9, §2.2)',
    rules: ['kpi-rating.on-termination-days', 'kpi.contract-value', 'termination-notice.days'],
    confirmable: true,
    checkId: 'calendar-uk9-on-termination',
  },
  'uk11-termination': {
    id: 'uk11-termination',
    notice: 'UK11',
    title: 'Contract termination notice',
    source: 'Procurement Act 2023 s.80 (domain.md §2 UK11)',
    rules: ['termination-notice.days'],
    confirmable: true,
    checkId: 'pa-termination-notice',
  },
  'payments-compliance': {
    id: 'payments-compliance',
    notice: 'UK8 [?]',
    title: 'Payments compliance notice',
    source: 'Procurement Act 2023 s.69, reg 38 (domain.md §2 UK8, §2.4)',
    rules: [
      'payments-compliance.period-months',
      'payments-compliance.days-after-period',
      'payments-compliance.first-period-start',
      'payments-compliance.exempt-buyer-types',
    ],
    confirmable: false,
  },
  'sme-vcse-report': {
    id: 'sme-vcse-report',
    notice: '–',
    title: 'SME and VCSE spend results',
    source: 'PPN 001 (domain.md §3.4)',
    rules: [
      'sme-vcse-report.buyer-types',
      'sme-vcse-report.due-month-day',
      'sme-vcse-report.sme-from',
      'sme-vcse-report.vcse-from',
    ],
    confirmable: false,
  },
};

/** The duty a quality check's results belong to. */
export function dutyOfCheck(checkId: string): Duty | undefined {
  return Object.values(DUTIES).find((d) => d.checkId === checkId);
}
