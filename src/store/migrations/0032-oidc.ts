// OpenID Connect sign-in (issue 7, item 1; docs/accounts.md "Signing in with OpenID Connect"): which provider
// account (issuer + subject) is which user, and the sign-ins in flight (state, PKCE verifier, nonce) between the
// redirect to the provider and its answer. The state is kept as its SHA-256 only; rows live ten minutes.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table user_identity (
      issuer text not null,
      subject text not null,
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_sign_in_at timestamptz not null default now(),
      primary key (issuer, subject)
    );
    create index user_identity_user on user_identity (user_id);

    create table oidc_login (
      state_hash bytea primary key,
      code_verifier text not null,
      nonce text not null,
      next text not null,
      expires_at timestamptz not null
    );
  `.execute(db);
}
