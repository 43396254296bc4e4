// Local authority codes of organisations (migration 0041, docs/paid-money.md "Places"), set only from the data:
// a spend file's Body column that names the authority by its statistics.data.gov.uk URI (Calderdale's
// `http://statistics.data.gov.uk/doc/local-authority-district/00CY`). A buyer gets a code when all its payments
// that name one agree on it; an organisation that already has a code keeps it. missionbuy ships no lookup between
// the older ONS codes (`00CY`) and GSS codes (`E08000033`): the code is stored as published.
import { sql, type Kysely } from 'kysely';
import { laCodeOfUri } from '../domain/local-authority.js';
import type { Database } from './database.js';

/** Sets the local authority code of the buyers (all when none given) whose spend Body names exactly one; returns
 * how many organisations got one. */
export async function deriveLaCodesFromSpend(
  db: Kysely<Database>,
  buyerIds?: readonly number[],
): Promise<number> {
  const only = buyerIds === undefined ? sql`true` : sql`buyer_id = any(${[...buyerIds]}::bigint[])`;
  const bodies = await sql<{ buyer_id: string; body: string }>`
    select distinct buyer_id, body from spend_payment
    where ${only} and body like '%statistics.data.gov.uk/%'`.execute(db);
  const codes = new Map<number, Set<string>>();
  for (const r of bodies.rows) {
    const code = laCodeOfUri(r.body);
    if (code === null) continue;
    const id = Number(r.buyer_id);
    codes.set(id, (codes.get(id) ?? new Set()).add(code));
  }
  let set = 0;
  for (const [id, found] of codes) {
    if (found.size !== 1) continue;
    const r = await db
      .updateTable('organisation')
      .set({ la_code: [...found][0]! })
      .where('id', '=', id)
      .where('la_code', 'is', null)
      .executeTakeFirst();
    set += Number(r.numUpdatedRows);
  }
  return set;
}
