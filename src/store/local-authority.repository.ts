// Local authority codes of organisations (migration 0041, docs/paid-money.md "Places"), set only from the data: the
// spend import gives a buyer the code its files name in an organisation URI column (Calderdale's Body column,
// `http://statistics.data.gov.uk/doc/local-authority-district/00CY`; domain/local-authority.ts). An organisation that
// already has a code keeps it. missionbuy ships no lookup between the older ONS codes (`00CY`) and GSS codes
// (`E08000033`): the code is stored as published.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** Sets the organisation's local authority code unless it has one; true when set. */
export async function setLaCodeIfUnknown(
  db: Kysely<Database>,
  organisationId: number,
  laCode: string,
): Promise<boolean> {
  const r = await db
    .updateTable('organisation')
    .set({ la_code: laCode })
    .where('id', '=', organisationId)
    .where('la_code', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
