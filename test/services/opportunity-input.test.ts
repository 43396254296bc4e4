// The opportunity and interest checks without a database: the signed form token (forged, for another
// opportunity, too fast, expired), the honeypot, each field's rule, and an outcome bringing its mission.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import {
  checkFormToken,
  issueFormToken,
  MAX_FORM_AGE_MS,
  MIN_FILL_MS,
} from '../../src/services/opportunities/form-token.js';
import { parseInterestInput } from '../../src/services/opportunities/interest-input.js';
import { parseOpportunityInput } from '../../src/services/opportunities/opportunity-input.js';

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e.message;
    throw e;
  }
  throw new Error('no error');
};

describe('the interest form token', () => {
  const key = randomBytes(32);
  const t0 = 1_800_000_000_000;
  const token = issueFormToken(key, 7, t0);

  it('passes between the minimum fill time and the maximum age, and only then', () => {
    expect(checkFormToken(key, 7, token, t0 + MIN_FILL_MS)).toBe('ok');
    expect(checkFormToken(key, 7, token, t0 + MIN_FILL_MS - 1)).toBe('too-fast');
    expect(checkFormToken(key, 7, token, t0 + MAX_FORM_AGE_MS)).toBe('ok');
    expect(checkFormToken(key, 7, token, t0 + MAX_FORM_AGE_MS + 1)).toBe('expired');
  });

  it('refuses another opportunity’s token, another key’s, a changed time and junk', () => {
    const later = t0 + 60_000;
    expect(checkFormToken(key, 8, token, later)).toBe('invalid');
    expect(checkFormToken(randomBytes(32), 7, token, later)).toBe('invalid');
    expect(checkFormToken(key, 7, token.replace(/^\d{13}/, String(t0 - 50_000)), later)).toBe('invalid');
    expect(checkFormToken(key, 7, 'nonsense', later)).toBe('invalid');
    expect(checkFormToken(key, 7, undefined, later)).toBe('missing');
  });
});

describe('registering interest', () => {
  const good = {
    name: ' Sam ',
    supplierOrganisation: 'Co-op',
    email: 'SAM@Example.coop',
    companiesHouse: '9121572',
    ppon: 'pjjx1133jrgv',
    vcse: 'on',
    message: 'x'.repeat(2000),
  };

  it('normalises what a supplier sends', () => {
    expect(parseInterestInput(good, 'ok')).toEqual({
      name: 'Sam',
      supplierOrganisation: 'Co-op',
      email: 'sam@example.coop',
      companiesHouse: '09121572',
      ppon: 'PJJX-1133-JRGV',
      sme: false,
      vcse: true,
      message: 'x'.repeat(2000),
    });
  });

  it('reports the honeypot or a bad token alone, before the fields', () => {
    expect(messageOf(() => parseInterestInput({ ...good, name: '', website: 'x' }, 'ok'))).toMatch(/^form: /);
    expect(messageOf(() => parseInterestInput({ ...good, name: '' }, 'too-fast'))).toMatch(
      /^form: .*too quickly/,
    );
  });

  it('lists every field problem', () => {
    const m = messageOf(() =>
      parseInterestInput({ email: 'no', companiesHouse: '???', ppon: '0', message: 'y'.repeat(2001) }, 'ok'),
    );
    expect(m.split('; ').map((p) => p.split(':')[0])).toEqual([
      'name',
      'supplierOrganisation',
      'email',
      'companiesHouse',
      'ppon',
      'message',
    ]);
  });
});

describe('an opportunity', () => {
  const catalogue = {
    missions: new Set(['growth', 'nhs']),
    outcomes: new Map([['ppn002.o1.fair-work', 'growth']]),
  };
  const base = {
    title: 'T',
    problem: 'P',
    outcomesSought: 'O',
    contactName: 'C',
    contactEmail: 'c@example.gov.uk',
  };

  it('adds an outcome’s mission and keeps money exact', () => {
    const f = parseOpportunityInput(
      {
        ...base,
        missionIds: ['nhs'],
        outcomeIds: 'ppn002.o1.fair-work',
        budgetMin: '£1,000.5',
        budgetMax: '1000.50',
      },
      catalogue,
    );
    expect(f.missionIds).toEqual(['nhs', 'growth']);
    expect([f.budgetMin, f.budgetMax]).toEqual(['1000.5', '1000.5']);
    expect(f.status).toBe('draft');
  });

  it('refuses unknown missions and outcomes, no mission, and a budget range upside down', () => {
    const m = messageOf(() =>
      parseOpportunityInput(
        { ...base, outcomeIds: ['region.UKE.nothing'], budgetMin: '2', budgetMax: '1.99' },
        catalogue,
      ),
    );
    expect(m).toContain('outcomeIds: "region.UKE.nothing" is not an outcome in the standards catalogue');
    expect(m).toContain('missionIds: choose at least one mission');
    expect(m).toContain('budgetMax: must be the same as or more than the lowest budget');
    expect(messageOf(() => parseOpportunityInput({ ...base, missionIds: 'moon' }, catalogue))).toContain(
      'missionIds: "moon" is not a mission',
    );
  });
});
