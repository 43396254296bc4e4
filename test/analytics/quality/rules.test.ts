// Dated rules (src/domain/rules): values by day, their sources and flags, the calendar arithmetic deadlines use,
// the regime and threshold choices. Expected values are read from ../shared/docs/domain.md.
import { describe, expect, it } from 'vitest';
import {
  RULES,
  addDays,
  addMonths,
  addWorkingDays,
  financialYearStart,
  isNotifiableBelowThreshold,
  procurementRegime,
  ruleProblems,
  rulesInForce,
  rulesOn,
  thresholdRule,
  ukDay,
  type RuleCatalogue,
  type RuleId,
} from '../../../src/domain/rules/index.js';

describe('rules catalogue', () => {
  it('has no overlapping or malformed versions, and every version names its source', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(ruleProblems(id, rule)).toEqual([]);
      for (const v of rule.versions) expect(v.source).toMatch(/domain\.md|docs\/contract-model\.md/);
    }
  });

  it('flags the values domain.md marks [?] as configurable defaults', () => {
    const day = '2026-06-01';
    const r = rulesInForce(day);
    expect(r.version('contract-details.light-touch-days')).toMatchObject({
      value: 120,
      configurableDefault: true,
    });
    expect(r.version('contract-copy.days')).toMatchObject({ value: 90, configurableDefault: true });
    expect(r.version('threshold.light-touch-concessions')?.configurableDefault).toBe(true);
    // Verified or secondary values are not defaults.
    expect(r.version('kpi.contract-value')).toMatchObject({
      value: '5000000',
      evidence: 'V',
      configurableDefault: false,
    });
    expect(r.version('pipeline.spend-threshold')).toMatchObject({
      value: '100000000',
      configurableDefault: false,
    });
  });
});

describe('rulesInForce', () => {
  it('gives the thresholds in force on each day: the 2024–25 figures to 31 Dec 2025, the new ones from 1 Jan 2026', () => {
    expect(rulesInForce('2025-12-31').value('threshold.central-goods-services')).toBe('139688');
    expect(rulesInForce('2026-01-01').value('threshold.central-goods-services')).toBe('135018');
    expect(rulesInForce('2025-06-30').value('threshold.works-concessions')).toBe('5372609');
    expect(rulesInForce('2026-06-30').value('threshold.works-concessions')).toBe('5193000');
    expect(rulesInForce('2026-06-30').value('threshold.light-touch')).toBe('663540');
  });

  it('has no Procurement Act duty before 24 Feb 2025', () => {
    expect(rulesInForce('2025-02-23').value('kpi.contract-value')).toBeNull();
    expect(rulesInForce('2025-02-24').value('kpi.contract-value')).toBe('5000000');
    expect(rulesInForce('2025-02-24').value('procurement-act.commencement')).toBe('2025-02-24');
    // Payments compliance starts with the first reporting period, 1 Oct 2025.
    expect(rulesInForce('2025-09-30').value('payments-compliance.period-months')).toBeNull();
    expect(rulesInForce('2025-10-01').value('payments-compliance.period-months')).toBe(6);
  });

  it('reads an instant as its UK day (23:30 UTC on 31 Dec 2025 is still 2025 in London in winter)', () => {
    expect(rulesInForce('2025-12-31T23:30:00Z').day).toBe('2025-12-31');
    expect(rulesInForce('2025-06-30T23:30:00Z').day).toBe('2025-07-01');
    expect(() => rulesInForce('not a date')).toThrow(/not a date/);
  });

  it('takes a replacement catalogue (an organisation’s own defaults)', () => {
    const custom: RuleCatalogue = {
      ...RULES,
      'contract-details.light-touch-days': {
        ...RULES['contract-details.light-touch-days'],
        versions: [{ ...RULES['contract-details.light-touch-days'].versions[0]!, value: 30 }],
      },
    };
    const id: RuleId = 'contract-details.light-touch-days';
    expect(rulesOn(custom)('2026-01-01').value(id)).toBe(30);
    expect(rulesOn()('2026-01-01').value(id)).toBe(120);
  });
});

describe('calendar', () => {
  it('turns instants into UK calendar days across summer time', () => {
    // FTS futureSignatureDate 2026-10-19T23:59:59+01:00 is stored as 22:59:59Z: still 19 October in London.
    expect(ukDay('2026-10-19T22:59:59.000Z')).toBe('2026-10-19');
    expect(ukDay('2026-11-02T23:59:59.000Z')).toBe('2026-11-02');
    expect(ukDay('2026-03-31T23:00:00.000Z')).toBe('2026-04-01');
    expect(ukDay('2026-02-30')).toBeNull();
  });

  it('adds days, months (clamped to the month end) and working days (weekends skipped)', () => {
    expect(addDays('2026-10-19', 30)).toBe('2026-11-18');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-01', 12)).toBe('2027-11-01');
    // Tuesday 6 Oct 2026 + 8 working days = Friday 16 Oct.
    expect(addWorkingDays('2026-10-06', 8)).toBe('2026-10-16');
  });

  it('puts the UK1 window at 1 April – 26 May (56 days beginning with 1 April)', () => {
    expect(financialYearStart('2026-11-25')).toBe('2026-04-01');
    expect(financialYearStart('2027-03-31')).toBe('2026-04-01');
    const window = rulesInForce('2026-04-01').value('pipeline.window-days')!;
    expect(addDays('2026-04-01', window - 1)).toBe('2026-05-26');
  });
});

describe('procurementRegime', () => {
  const rules = rulesOn();
  it('follows the published legal basis, else the start date', () => {
    expect(procurementRegime({ legalBasis: 'UKPGA 2023/54', startDay: '2026-10-06' }, rules).regime).toBe(
      'procurement-act-2023',
    );
    expect(procurementRegime({ legalBasis: 'CELEX 32014L0024', startDay: '2025-02-20' }, rules).regime).toBe(
      'earlier-law',
    );
    expect(procurementRegime({ legalBasis: null, startDay: '2025-02-23' }, rules).regime).toBe('earlier-law');
    expect(procurementRegime({ legalBasis: null, startDay: '2025-02-24' }, rules).regime).toBe('unknown');
    expect(procurementRegime({ legalBasis: null, startDay: null }, rules).regime).toBe('unknown');
  });
});

describe('thresholds', () => {
  it('chooses the threshold from buyer type, category and special regime', () => {
    const kind = (buyerType: string | null, category: string | null, specialRegimes: string[] = []) =>
      thresholdRule({ buyerType, category, specialRegimes });
    expect(kind('publicAuthorityCentralGovernment', 'services')).toBe('threshold.central-goods-services');
    expect(kind('publicAuthoritySubCentralGovernment', 'goods')).toBe('threshold.sub-central-goods-services');
    expect(kind('publicAuthoritySubCentralGovernment', 'works')).toBe('threshold.works-concessions');
    expect(kind('publicAuthoritySubCentralGovernment', 'services', ['lightTouch'])).toBe(
      'threshold.light-touch',
    );
    expect(kind('privateUtility', 'services', ['lightTouch'])).toBe('threshold.utilities-light-touch');
    expect(kind(null, 'services')).toBeNull();
  });

  it('decides notifiable below-threshold contracts by buyer type, and without it only when both limits agree', () => {
    const r = rulesInForce('2026-06-01');
    expect(isNotifiableBelowThreshold('12000', 'publicAuthorityCentralGovernment', r)).toBe(true);
    expect(isNotifiableBelowThreshold('29999.99', 'publicAuthoritySubCentralGovernment', r)).toBe(false);
    expect(isNotifiableBelowThreshold('38058', null, r)).toBe(true);
    expect(isNotifiableBelowThreshold('11999', null, r)).toBe(false);
    expect(isNotifiableBelowThreshold('20000', null, r)).toBeNull();
    expect(isNotifiableBelowThreshold('38058', null, rulesInForce('2025-01-01'))).toBeNull();
  });
});
