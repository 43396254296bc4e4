// Buyer-level red flags over real Contracts Finder records (Jan–Mar 2025 sample), grouped as one buyer's records;
// where a case needs values the sample lacks, the facts are copied and changed, and the test says so.
import { describe, expect, it } from 'vitest';
import { directAwardShare } from '../../../src/analytics/redflags/flags/direct-award-share.js';
import { rollover } from '../../../src/analytics/redflags/flags/rollover.js';
import { thresholdClustering } from '../../../src/analytics/redflags/flags/threshold-clustering.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';
import { rulesOn } from '../../../src/domain/rules/index.js';
import { SAMPLE, factsFromReleases, sampleReleases } from '../quality/support.js';

const ctx = { rules: rulesOn() };
const byOcid = new Map<string, RecordFacts>();
const facts = (prefix: string): RecordFacts => {
  const ocid = sampleReleases(SAMPLE.cf2025)
    .map((r) => String(r.ocid))
    .find((o) => o.startsWith(`ocds-b5fd17-${prefix}`))!;
  let f = byOcid.get(ocid);
  if (!f) {
    f = factsFromReleases(sampleReleases(SAMPLE.cf2025).filter((r) => r.ocid === ocid));
    byOcid.set(ocid, f);
  }
  return f;
};

// Real awarded records: direct awards (Nuclear Restoration Services, East Herts, North Yorkshire) and competed
// ones (University of Worcester open; MoD, National Wealth Fund, Cefas, Department for Education selective).
const DIRECT = ['128ab96c', '3c407468', '410cff7b'];
const COMPETED = ['0506e167', '049318f6', '2308e41d', '3e822ee2', '2cb98135'];

describe('direct-award-share', () => {
  it('reads the real methods', () => {
    expect(DIRECT.map((d) => facts(d).tender.method)).toEqual(['direct', 'direct', 'direct']);
    expect(COMPETED.map((d) => facts(d).tender.method)).toEqual([
      'open',
      'selective',
      'selective',
      'selective',
      'selective',
    ]);
  });

  it('flags 2 direct of 8 (25%, the threshold) and clears 1 of 6', () => {
    const eight = [...DIRECT.slice(0, 2), ...COMPETED, '0c1e748a'].map(facts);
    expect(directAwardShare.evaluate(eight, ctx)).toMatchObject([
      { status: 'flagged', ocids: [facts('128ab96c').ocid, facts('3c407468').ocid] },
    ]);
    const six = [DIRECT[0]!, ...COMPETED].map(facts);
    expect(directAwardShare.evaluate(six, ctx)[0]!.status).toBe('clear');
  });

  it('is not computable below 5 awarded procedures with a method', () => {
    const four = [...DIRECT, COMPETED[0]!].slice(0, 4).map(facts);
    expect(directAwardShare.evaluate(four, ctx)[0]).toMatchObject({ reason: 'not-computable' });
  });
});

describe('threshold-clustering', () => {
  // Real records awarded after the Act's commencement (24 Feb 2025), when the £12,000/£30,000 rules apply:
  // Dixons Academies, Nottingham University Hospitals, City of Doncaster, Camden (awarded 6–11 Mar 2025).
  const AFTER_ACT = ['5293d8f6', '7f49bd48', '9fe68fbb', 'e2099fab'] as const;
  /** A real record with its one award's value set to `net` pounds (a mutation). */
  const valued = (prefix: string, net: string): RecordFacts => {
    const f = facts(prefix);
    return {
      ...f,
      awards: f.awards.map((a) => ({ ...a, value: { amount: net, gross: null, currency: 'GBP' } })),
    };
  };

  it('flags 3 awards from 10% under £30,000 up to just below it, and not a 4th just outside', () => {
    const [a, b, c, d] = AFTER_ACT;
    const records = [valued(a, '27000'), valued(b, '29999.99'), valued(c, '28500'), valued(d, '26999.99')];
    const out = thresholdClustering.evaluate(records, ctx);
    expect(out).toMatchObject([{ status: 'flagged', subject: 'below £30,000' }]);
    expect(out[0]!.ocids).toEqual(records.slice(0, 3).map((r) => r.ocid));
    expect(out[0]!.evidence).toContainEqual({
      label: `${records[0]!.ocid} award ${records[0]!.awards[0]!.id}`,
      value: '£27,000 (net of VAT (gross not published))',
    });
  });

  it('clears two in the band, and £30,000 itself is not below', () => {
    const [a, b, c] = AFTER_ACT;
    const records = [valued(a, '27000'), valued(b, '30000'), valued(c, '28500')];
    expect(thresholdClustering.evaluate(records, ctx)).toMatchObject([{ status: 'clear' }]);
  });

  it('clears the real values of these records (£26,426, £180,000, £100,000, £230,000)', () => {
    expect(thresholdClustering.evaluate(AFTER_ACT.map(facts), ctx)[0]!.status).toBe('clear');
  });

  it('does not judge awards made before the notifiable amounts applied against them', () => {
    // The same three values on real awards of Nov 2024 – Jan 2025: no £30,000 rule was in force then.
    const before = [valued('2e43e09b', '27000'), valued('9826af37', '29999.99'), valued('a5cf5f05', '28500')];
    expect(thresholdClustering.evaluate(before, ctx)[0]!.status).toBe('clear');
  });
});

describe('rollover', () => {
  /** The real direct award, its supplier and main CPV set to one incumbent and division (a mutation). */
  const toIncumbent = (prefix: string): RecordFacts => {
    const f = facts(prefix);
    return {
      ...f,
      cpv: { ...f.cpv, main: '79100000' },
      awards: f.awards.map((a) => ({ ...a, suppliers: [{ organisationId: 42, partyId: null }] })),
    };
  };

  it('flags three uncompeted awards to one supplier in one CPV division, not two', () => {
    const three = DIRECT.map(toIncumbent);
    expect(rollover.evaluate(three, ctx)).toMatchObject([
      {
        status: 'flagged',
        subject: 'supplier 42, CPV 79',
        ocids: expect.arrayContaining(three.map((r) => r.ocid)),
      },
    ]);
    expect(rollover.evaluate(DIRECT.slice(0, 2).map(toIncumbent), ctx)[0]!.status).toBe('clear');
  });

  it('does not count competed awards, and clears the real records (different suppliers)', () => {
    const competed = COMPETED.slice(0, 3).map(toIncumbent);
    expect(rollover.evaluate(competed, ctx)[0]!.status).toBe('clear');
    expect(rollover.evaluate(DIRECT.map(facts), ctx)[0]!.status).toBe('clear');
  });
});
