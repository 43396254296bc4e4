// A buyer's LM3 figures for a financial year (migration 0027): read, and replaced whole with an audit row in the
// same transaction (docs/paid-money.md "LM3").
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { writeAudit } from './audit.repository.js';

export interface Lm3Figures {
  staffCosts: string | null;
  localStaffCosts: string | null;
  defaultShare: string | null;
  staffShare: string | null;
  /** Survey shares by supplier id. */
  shares: { supplierId: number; share: string }[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export const EMPTY_LM3: Lm3Figures = {
  staffCosts: null,
  localStaffCosts: null,
  defaultShare: null,
  staffShare: null,
  shares: [],
  updatedBy: null,
  updatedAt: null,
};

export async function findLm3(db: Kysely<Database>, buyerId: number, year: number): Promise<Lm3Figures> {
  const input = await db
    .selectFrom('lm3_input')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .where('financial_year', '=', year)
    .executeTakeFirst();
  if (!input) return EMPTY_LM3;
  const shares = await db
    .selectFrom('lm3_respend')
    .select(['supplier_id', 'share'])
    .where('buyer_id', '=', buyerId)
    .where('financial_year', '=', year)
    .orderBy('supplier_id')
    .execute();
  return {
    staffCosts: input.staff_costs,
    localStaffCosts: input.local_staff_costs,
    defaultShare: input.default_share,
    staffShare: input.staff_share,
    shares: shares.map((s) => ({ supplierId: Number(s.supplier_id), share: s.share })),
    updatedBy: input.updated_by,
    updatedAt: input.updated_at,
  };
}

export type Lm3Save = Omit<Lm3Figures, 'updatedBy' | 'updatedAt'>;

/** Replaces the buyer's figures for the year, with an audit row (`spend.lm3.edit`), in one transaction. */
export async function saveLm3(
  db: Kysely<Database>,
  buyerId: number,
  year: number,
  figures: Lm3Save,
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findLm3(trx, buyerId, year);
    await trx
      .deleteFrom('lm3_input')
      .where('buyer_id', '=', buyerId)
      .where('financial_year', '=', year)
      .execute();
    await trx
      .insertInto('lm3_input')
      .values({
        buyer_id: buyerId,
        financial_year: year,
        staff_costs: figures.staffCosts,
        local_staff_costs: figures.localStaffCosts,
        default_share: figures.defaultShare,
        staff_share: figures.staffShare,
        updated_by: actor,
      })
      .execute();
    if (figures.shares.length > 0)
      await trx
        .insertInto('lm3_respend')
        .values(
          figures.shares.map((s) => ({
            buyer_id: buyerId,
            financial_year: year,
            supplier_id: s.supplierId,
            share: s.share,
          })),
        )
        .execute();
    await writeAudit(trx, {
      actor,
      action: 'spend.lm3.edit',
      entityType: 'lm3',
      entityId: `${buyerId}/${year}`,
      before: before.updatedBy === null ? null : { ...before, updatedAt: undefined },
      after: figures,
    });
  });
}
