// The horizon scan's pure logic: which end date counts, extension headroom, lead time by value band and
// "decision due by", and how a contract was procured (on procedure wordings published in data/sample).
import { describe, expect, it } from 'vitest';
import {
  decisionDueBy,
  extensionHeadroom,
  horizonDate,
  howProcured,
  inWindow,
  windowEnd,
} from '../../../src/analytics/horizon/index.js';
import {
  HORIZON_LEAD_TIMES,
  describeBand,
  leadTimeBand,
  leadTimeMonths,
  leadTimesOn,
  ruleProblems,
} from '../../../src/domain/rules/index.js';

const policy = leadTimesOn('2026-06-01').value;

describe('which end date counts', () => {
  it.each([
    // end, max extent, as of, basis → day, from
    ['2027-01-31', null, '2026-06-01', 'next', '2027-01-31', 'end'],
    ['2028-03-31', '2030-03-31', '2026-06-01', 'next', '2028-03-31', 'end'],
    // the end has passed: the contract runs in its extension period until its latest possible end
    ['2028-03-31', '2030-03-31', '2028-06-01', 'next', '2030-03-31', 'max-extent'],
    [null, '2030-03-31', '2026-06-01', 'next', '2030-03-31', 'max-extent'],
    ['2028-03-31', '2030-03-31', '2026-06-01', 'max-extent', '2030-03-31', 'max-extent'],
    ['2028-03-31', null, '2026-06-01', 'max-extent', '2028-03-31', 'end'],
    ['2028-03-31', '2030-03-31', '2026-06-01', 'end', '2028-03-31', 'end'],
  ] as const)('%s / %s as of %s (%s) → %s from %s', (end, max, asOf, basis, day, from) => {
    expect(horizonDate(end, max, asOf, basis)).toEqual({ day, from });
  });

  it('has nothing ahead for an ended contract without extensions, or without dates', () => {
    expect(horizonDate('2025-01-31', null, '2026-06-01', 'next')).toBeNull();
    expect(horizonDate('2025-01-31', '2025-06-30', '2026-06-01', 'next')).toBeNull();
    expect(horizonDate(null, null, '2026-06-01', 'end')).toBeNull();
  });

  it('windows include both the as-of day and the last day', () => {
    expect(windowEnd('2026-06-01', 6)).toBe('2026-12-01');
    expect(windowEnd('2026-08-31', 6)).toBe('2027-02-28');
    expect(inWindow('2026-06-01', '2026-06-01', 6)).toBe(true);
    expect(inWindow('2026-12-01', '2026-06-01', 6)).toBe(true);
    expect(inWindow('2026-12-02', '2026-06-01', 6)).toBe(false);
    expect(inWindow('2026-05-31', '2026-06-01', 6)).toBe(false);
  });
});

describe('extension headroom', () => {
  it('counts whole months and the days left over', () => {
    // ocds-h6vhtk-06d285 (data/sample): ends 31 Mar 2028, "2 x 12 month optional extensions" to 31 Mar 2030.
    expect(extensionHeadroom('2028-03-31', '2030-03-31')).toEqual({ days: 730, months: 24, extraDays: 0 });
    expect(extensionHeadroom('2026-01-31', '2026-03-15')).toEqual({ days: 43, months: 1, extraDays: 15 });
    expect(extensionHeadroom('2026-01-31', '2026-01-31')).toEqual({ days: 0, months: 0, extraDays: 0 });
  });

  it('is unknown without both dates, or when the maximum extent is before the end', () => {
    expect(extensionHeadroom('2028-03-31', null)).toBeNull();
    expect(extensionHeadroom(null, '2030-03-31')).toBeNull();
    expect(extensionHeadroom('2028-03-31', '2027-03-31')).toBeNull();
  });
});

describe('lead time and decision due by', () => {
  it.each([
    ['0', 6, 'under £1m'],
    ['999999.99', 6, 'under £1m'],
    ['1000000', 12, '£1m to under £10m'],
    ['9999999', 12, '£1m to under £10m'],
    ['10000000', 18, '£10m or more'],
    ['173000000', 18, '£10m or more'],
    [null, 18, 'value not known'],
  ] as const)('£%s → %i months (%s)', (value, months, band) => {
    expect(leadTimeMonths(value, policy)).toBe(months);
    expect(describeBand(leadTimeBand(value, policy), policy)).toBe(band);
  });

  it('subtracts calendar months, the 31st becoming the last day of a shorter month', () => {
    expect(decisionDueBy('2026-08-31', 6)).toBe('2026-02-28');
    expect(decisionDueBy('2028-03-31', 12)).toBe('2027-03-31');
    expect(decisionDueBy('2028-02-29', 12)).toBe('2027-02-28');
    expect(decisionDueBy('2027-06-03', 18)).toBe('2025-12-03');
  });

  it('is dated configuration marked as a configurable default', () => {
    expect(ruleProblems('horizon', HORIZON_LEAD_TIMES)).toEqual([]);
    const v = leadTimesOn('2026-06-01');
    expect(v.configurableDefault).toBe(true);
    expect(v.evidence).toBe('?');
    expect(() => leadTimesOn('1999-12-31')).toThrow(/no horizon lead-time policy/);
  });
});

describe('how it was procured', () => {
  const p = (
    procurementMethod: string | null,
    procurementMethodDetails: string | null,
    noticeTypes: string[] = [],
  ) => howProcured({ procurementMethod, procurementMethodDetails, noticeTypes }).directAward;

  it.each([
    // wordings as published in data/sample (procurement_method, procurement_method_details)
    ['direct', 'Direct award', true],
    ['direct', 'Single tender action (below threshold)', true],
    ['direct', 'Below threshold - without competition', true],
    ['limited', 'Negotiated procedure without prior publication (above threshold)', true],
    [null, 'Other - Direct Award from a Framework Contract', true],
    [null, 'Other - Direct Award', true],
    ['limited', 'Competitive quotation (below threshold)', false],
    ['limited', null, true],
    ['open', 'Open procedure', false],
    ['open', 'Open procedu    re', false],
    ['selective', 'Call-off from a framework agreement', false],
    ['selective', 'Competitive flexible procedure', false],
    [null, 'Other - Restricted procedure, below threshold', false],
    [null, 'Other - Request for Quotation', false],
    [null, 'Other -', null],
    [null, 'Not specified', null],
    [null, null, null],
  ] as const)('%s / %s → %s', (method, details, direct) => {
    expect(p(method, details)).toBe(direct);
  });

  it('a UK5 transparency notice means a direct award whatever the method says', () => {
    const r = howProcured({
      procurementMethod: 'open',
      procurementMethodDetails: null,
      noticeTypes: ['UK5', 'UK7'],
    });
    expect(r.directAward).toBe(true);
    expect(r.reason).toMatch(/UK5/);
  });
});
