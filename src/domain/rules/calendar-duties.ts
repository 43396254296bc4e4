// Dated rules the compliance calendar adds to the catalogue (catalogue.ts spreads them in): who is exempt from
// payments compliance notices, when SME/VCSE spend results are published, when the final KPI rating on
// termination is due, and what "due soon" means. Seeded from ../shared/docs/domain.md; values it marks [?], and
// missionbuy's own choices, are configurable defaults. Pure data.
import { inForceFrom, type Rule } from './rule.js';

export interface CalendarRuleValues {
  'payments-compliance.exempt-buyer-types': readonly string[];
  'sme-vcse-report.buyer-types': readonly string[];
  'sme-vcse-report.due-month-day': string;
  'sme-vcse-report.sme-from': string;
  'sme-vcse-report.vcse-from': string;
  'kpi-rating.on-termination-days': number;
  'calendar.due-soon-days': number;
}

type CalendarRules = { readonly [K in keyof CalendarRuleValues]: Rule<CalendarRuleValues[K]> };

const version = inForceFrom;

const PPN001 = 'domain.md §3.4 (PPN 001)';

export const CALENDAR_RULES: CalendarRules = {
  'payments-compliance.exempt-buyer-types': {
    title: 'Payments compliance notice (s.69): buyer types (UK_CA_TYPE) that publish none',
    unit: 'text',
    versions: version(
      ['privateUtility'],
      '2025-10-01',
      'domain.md §1.2 and §2.4: legislation.gov.uk s.69(6) [V]. NI authorities and schools are exempt too, but ' +
        'the data cannot tell them apart',
      'V',
    ),
  },
  'sme-vcse-report.buyer-types': {
    title: 'SME/VCSE spend results (PPN 001): buyer types (UK_CA_TYPE) that publish them',
    unit: 'text',
    versions: version(
      ['publicAuthorityCentralGovernment'],
      '2025-04-01',
      `${PPN001}: "central government (as PPN 002)" [V]; reading it as UK_CA_TYPE publicAuthorityCentralGovernment ` +
        'is missionbuy’s inference [?]',
      '?',
    ),
  },
  'sme-vcse-report.due-month-day': {
    title: 'SME/VCSE spend results: published each year by (month-day), for the financial year before',
    unit: 'date',
    versions: version(
      '09-30',
      '2025-04-01',
      `${PPN001}: "results annually, by 30 Sep" (law-firm summaries) [S]; that each covers the previous ` +
        'financial year is missionbuy’s reading [?]',
      '?',
    ),
  },
  'sme-vcse-report.sme-from': {
    title: 'SME spend target: first financial year',
    unit: 'date',
    versions: version('2025-04-01', '2025-04-01', `${PPN001}: 3-year SME target from 1 Apr 2025 [V]`, 'V'),
  },
  'sme-vcse-report.vcse-from': {
    title: 'VCSE spend target: first financial year',
    unit: 'date',
    versions: version('2026-04-01', '2025-04-01', `${PPN001}: 2-year VCSE target from 1 Apr 2026 [V]`, 'V'),
  },
  'kpi-rating.on-termination-days': {
    title: 'UK9 KPI rating on termination: within this many days of the end',
    unit: 'days',
    versions: version(
      30,
      '2025-02-24',
      'domain.md §2 UK9 (s.71): "at least every 12 months and on termination"; domain.md gives no due time, ' +
        '30 days (as for UK11) is missionbuy’s default [?]',
      '?',
    ),
  },
  'calendar.due-soon-days': {
    title: 'Compliance calendar: a duty is "due soon" within this many days of its due date',
    unit: 'days',
    versions: version(30, '2025-02-24', 'missionbuy’s own default (domain.md has no such rule) [?]', '?'),
  },
};
