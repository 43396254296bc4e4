// The benchmark dataset's copier (bench/lib/scale.ts) on the ingested sample: two copies carry the market facts
// (migration 0030) of the copied processes, mapped onto the clone buyers and suppliers, as the contract model is.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleContractModel } from '../../bench/lib/scale.js';
import { createSampleDb, type TestDb } from '../support/db.js';

describe('scaling the sample for benchmarks', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSampleDb();
  }, 180_000);
  afterAll(async () => {
    await t.drop();
  });

  it('copies the market facts with the processes, buyers and suppliers mapped like the model', async () => {
    await scaleContractModel(t.db, { copies: 2, buyerGroups: 2, supplierGroups: 3 });
    // Each copied fact row agrees with the copied award, process and award_supplier rows it summarises.
    const r = await sql<{ real: string; copied: string; agreeing: string }>`
      select (select count(*) from market_fact where not synthetic)::text as real,
             (select count(*) from market_fact where synthetic)::text as copied,
             (select count(*) from market_fact f join process p on p.ocid = f.ocid
              join award a on a.ocid = f.ocid and a.award_id = f.award_id and a.status = 'active'
              where f.synthetic and p.buyer_id is not distinct from f.buyer_id
                and (a.award_date at time zone 'Europe/London')::date is not distinct from f.award_day
                and (f.organisation_id is null or exists (select 1 from award_supplier s where s.ocid = f.ocid
                     and s.award_id = f.award_id and s.organisation_id = f.organisation_id)))::text as agreeing`.execute(
      t.db,
    );
    const { real, copied, agreeing } = r.rows[0]!;
    expect(Number(real)).toBeGreaterThan(50);
    expect(Number(copied)).toBe(2 * Number(real));
    expect(agreeing).toBe(copied);
  }, 120_000);
});
