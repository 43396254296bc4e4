// What a new pipeline entry is prefilled with when a buyer plans the re-procurement of one of its contracts: the
// process's title, description, CPV, regions, best GBP value (VAT included where published) and period.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

export interface PipelineSource {
  ocid: string;
  buyerId: number | null;
  title: string | null;
  description: string | null;
  cpvMain: string | null;
  deliveryRegion: string | null;
  procurementMethod: string | null;
  /** Exact decimal, GBP only (null for another or no currency). */
  gbpValue: string | null;
  contractStart: Date | null;
  contractEnd: Date | null;
}

export async function findPipelineSource(
  db: Kysely<Database>,
  ocid: string,
): Promise<PipelineSource | undefined> {
  const r = await db
    .selectFrom('process as p')
    .leftJoin('horizon_entry as h', 'h.ocid', 'p.ocid')
    .select([
      'p.ocid',
      'p.buyer_id',
      'p.title',
      'p.description',
      'p.cpv_main',
      sql<string | null>`p.delivery_regions[1]`.as('delivery_region'),
      'p.procurement_method',
      sql<string | null>`h.gbp_value::text`.as('gbp_value'),
      'p.contract_start',
      'p.contract_end',
    ])
    .where('p.ocid', '=', ocid)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ocid: r.ocid,
    buyerId: r.buyer_id === null ? null : Number(r.buyer_id),
    title: r.title,
    description: r.description,
    cpvMain: r.cpv_main,
    deliveryRegion: r.delivery_region,
    procurementMethod: r.procurement_method,
    gbpValue: r.gbp_value,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
  };
}
