// Paid money, issue 9 audit (docs/paid-money.md): a payment's category code with its scheme (Trafford's ProclassCode,
// Calderdale's Proclass) for matching spend to contracts by like schemes; the publisher's VCSE flag on a payment
// (Calderdale's "Voluntary Community and Social Enterprise Supplier": true, false, or null when not stated); and an
// organisation's local authority code (ONS GSS `E08000033` or the older ONS code `00CY`), set only from the data
// (a spend file's Body column naming the authority's statistics.data.gov.uk URI), never guessed.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table spend_payment
      add column category_code text,
      add column category_scheme text check (category_scheme in ('proclass', 'cpv')),
      add column vcse boolean;
    create index spend_payment_vcse on spend_payment (buyer_id) where vcse is not null;
    alter table organisation
      add column la_code text check (la_code ~ '^([ENSW][0-9]{8}|[0-9]{2}[A-Z]{2})$');
    create index organisation_la_code on organisation (la_code) where la_code is not null;
  `.execute(db);
}
