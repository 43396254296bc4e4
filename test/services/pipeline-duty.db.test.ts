// The UK1 duty flag (src/services/pipeline/pipeline-duty.ts) on the real sample (data/sample ingested), judged as
// the data-quality check pa-pipeline judges it (test/analytics/quality: Espo's real £400m Contracts Finder
// framework, 3 Dec 2024 – 30 Nov 2028, puts 365 of its 1,459 days in FY 2026-27: £100,068,540, just over £100m,
// and Espo published no UK1). Derby City Council's published contracts come nowhere near £100m.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { uk1Duties } from '../../src/services/pipeline/pipeline-duty.js';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-11-25';

describe('UK1 duty of the sample buyers', () => {
  const sample = useSampleDb();
  let espo: number;
  let derby: number;

  beforeAll(async () => {
    const id = async (name: string) => {
      const r = await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(
        sample().db,
      );
      expect(r.rows).toHaveLength(1);
      return Number(r.rows[0]!.id);
    };
    espo = await id('Espo');
    derby = await id('DERBY CITY COUNCIL');
  });

  it('maps the check: Espo’s duty applies and was missed; Derby’s does not apply', async () => {
    const duties = await uk1Duties(sample().db, [espo, derby, espo], AS_OF);
    expect(duties.size).toBe(2);
    expect(duties.get(espo)).toEqual({
      applies: true,
      status: 'fail',
      year: 'FY 2026-27',
      detail:
        'No UK1 pipeline notice published; it was due by 2026-05-26 (56 days beginning 2026-04-01; ' +
        '£100068540 estimated from 1 published contract(s)), 183 days ago.',
    });
    expect(duties.get(derby)).toMatchObject({ applies: false, status: 'not-applicable', year: 'FY 2026-27' });
    expect(duties.get(derby)!.detail).toMatch(
      /^£\d+ estimated from \d+ published contract\(s\): not over £100000000\.$/,
    );
  });

  it('counts a duty not yet due as applying: Espo in the notice window, before 26 May', async () => {
    const duties = await uk1Duties(sample().db, [espo], '2026-05-01');
    expect(duties.get(espo)).toMatchObject({ applies: true, status: 'not-applicable', year: 'FY 2026-27' });
  });

  it('finds the buyers whose duty applies among every buyer, not only those with a pipeline', async () => {
    const svc = createPipelineService({ db: sample().db, today: () => AS_OF });
    const { asOf, buyers } = await svc.uk1Buyers();
    expect(asOf).toBe(AS_OF);
    // Of the sample's buyers only Espo is over £100m in FY 2026-27 (its one pa-pipeline failure, and no passes).
    expect(buyers.map((b) => [b.name, b.status])).toEqual([['Espo', 'fail']]);
    expect(buyers[0]!.id).toBe(espo);
    // A year earlier (FY 2025-26 lies wholly inside the framework too: 365 days again), as the quality tests found.
    const before = await svc.uk1Buyers('2025-06-30');
    expect(before.buyers.map((b) => [b.name, b.status, b.year])).toEqual([['Espo', 'fail', 'FY 2025-26']]);
  });
});
