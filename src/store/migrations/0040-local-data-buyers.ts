// Local data, issue 9 follow-up (docs/local-data.md): Contracts Finder notice rows get the buyer the row names
// (`buyer_matched_by`: an organisation of that normalised name, one created for it, or the import's own
// organisation when the row names none; null for rows imported before this migration, which all went to the
// import's organisation); notice suppliers become supplier-resolution sources of kind 'notice'; register rows keep
// the LGTC's "VAT that cannot be recovered" and a VCSE flag (from an `SME/VCSE` column).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table notice_contract add column buyer_matched_by text
      check (buyer_matched_by in ('name', 'created', 'import-organisation'));

    alter table supplier_source drop constraint supplier_source_kind_check;
    alter table supplier_source add constraint supplier_source_kind_check
      check (kind in ('ocds', 'register', 'spend', 'notice'));

    alter table register_contract
      add column irrecoverable_vat numeric,
      add column vcse boolean;
  `.execute(db);
}
