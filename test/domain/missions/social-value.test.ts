// The pure social value rules: verification moves an unverified report once; units compare only as the same word;
// shares, ratios and averages are not additive; evidence links are web addresses; form input is checked field by
// field (src/services/social-value/social-value-input.ts).
import { describe, expect, it } from 'vitest';
import {
  checkEvidenceUrl,
  isAdditive,
  sameUnit,
  verificationTransition,
} from '../../../src/domain/missions/social-value.js';
import { isInputProblems } from '../../../src/services/missions/standards-input.js';
import {
  readCommitmentInput,
  readDeliveryInput,
  readVerdictInput,
} from '../../../src/services/social-value/social-value-input.js';

const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (isInputProblems(e)) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('verification transitions', () => {
  it.each([
    ['unverified', 'verified', { ok: true, status: 'verified' }],
    ['unverified', 'rejected', { ok: true, status: 'rejected' }],
  ] as const)('%s → %s', (from, verdict, want) => {
    expect(verificationTransition(from, verdict)).toEqual(want);
  });
  it.each([
    ['verified', 'rejected'],
    ['verified', 'verified'],
    ['rejected', 'verified'],
    ['rejected', 'rejected'],
  ] as const)('%s → %s is refused', (from, verdict) => {
    const r = verificationTransition(from, verdict);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(`already ${from}`);
  });
});

describe('units', () => {
  it('compares units as words, case and spacing aside', () => {
    expect(sameUnit(' Percent  of value', 'percent of value')).toBe(true);
    expect(sameUnit('weeks', 'days')).toBe(false);
    expect(sameUnit('hour', 'hours')).toBe(false);
  });
  it.each([
    ['percent of value', 'Direct spend with SMEs', false],
    ['percent of invoices', 'Invoices paid within 30 days', false],
    ['ratio (1.0–3.0)', 'Local Multiplier 3', false],
    ['days', 'Average days to pay', false],
    ['days', 'Volunteering days', true],
    ['hours', 'Volunteering hours', true],
    ['£', 'Spend with local VCSEs', true],
    ['tonnes CO2e', 'Emissions avoided', true],
  ])('unit %s (%s) additive: %s', (unit, name, want) => {
    expect(isAdditive({ unit, name })).toBe(want);
  });
});

describe('evidence links', () => {
  it.each([
    ['https://www.derby.gov.uk/social-value/2026-q1.pdf', true],
    ['http://example.org/report', true],
    ['www.example.org', false],
    ['ftp://example.org/file', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.org/', false],
    ['https://intranet/report', false],
    [`https://example.org/${'a'.repeat(500)}`, false],
  ])('%s → %s', (url, ok) => {
    expect(checkEvidenceUrl(url).ok).toBe(ok);
  });
});

describe('form input', () => {
  it('reads a commitment with a due date or a period', () => {
    expect(
      readCommitmentInput({
        metricId: 'm',
        target: '1,250.50',
        unit: 'hours',
        timing: 'due',
        dueDate: '2027-03-31',
      }),
    ).toEqual({
      metricId: 'm',
      target: '1250.5',
      unit: 'hours',
      timing: 'due',
      dueDate: '2027-03-31',
      periodStart: null,
      periodEnd: null,
      note: null,
    });
    expect(
      readCommitmentInput({
        metricId: 'm',
        target: '3',
        unit: 'hours',
        timing: 'period',
        periodStart: '2026-04-01',
        periodEnd: '2027-03-31',
      }),
    ).toMatchObject({ dueDate: null, periodStart: '2026-04-01', periodEnd: '2027-03-31' });
  });

  it('names every bad field of a commitment', () => {
    expect(
      problemsOf(() => readCommitmentInput({ target: '-3', timing: 'due', dueDate: '2027-02-30' })),
    ).toEqual([
      'metricId: Select a metric',
      'target: The target quantity must be a number, like 12 or 3.5',
      'unit: Enter the unit of the target',
      'dueDate: The due date must be a real date like 2026-03-31',
    ]);
    expect(
      problemsOf(() =>
        readCommitmentInput({
          metricId: 'm',
          target: '1',
          unit: 'h',
          timing: 'period',
          periodStart: '2027-01-01',
          periodEnd: '2026-01-01',
        }),
      ),
    ).toEqual(['periodEnd: The end of the period must be on or after its start']);
    expect(problemsOf(() => readCommitmentInput({ metricId: 'm', target: '1', unit: 'h' }))).toEqual([
      'timing: Select a due date or a period',
    ]);
  });

  it('reads a delivery report and checks each evidence link', () => {
    expect(
      readDeliveryInput({
        quantity: '12.5',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        evidence: 'https://example.org/a\r\n\r\nhttps://example.org/b',
      }),
    ).toEqual({
      quantity: '12.5',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      evidence: ['https://example.org/a', 'https://example.org/b'],
      note: null,
    });
    expect(
      problemsOf(() =>
        readDeliveryInput({
          quantity: 'lots',
          periodStart: '2026-04-01',
          periodEnd: '2026-06-30',
          evidence: 'see file',
        }),
      ),
    ).toEqual([
      'quantity: The quantity delivered must be a number, like 12 or 3.5',
      'evidence: Evidence link 1 is not a web address (it must start with https:// or http://)',
    ]);
    expect(
      problemsOf(() =>
        readDeliveryInput({ quantity: '1', periodStart: '2026-04-01', periodEnd: '2026-06-30' }),
      ),
    ).toEqual(['evidence: Enter at least one evidence link']);
  });

  it('needs a reason to reject', () => {
    expect(readVerdictInput({ verdict: 'verified' })).toEqual({ verdict: 'verified', note: null });
    expect(problemsOf(() => readVerdictInput({ verdict: 'rejected' }))).toEqual([
      'note: Enter why the report is rejected',
    ]);
    expect(problemsOf(() => readVerdictInput({ verdict: 'maybe' }))).toEqual([
      'verdict: Select whether the evidence verifies the delivery',
    ]);
  });
});
