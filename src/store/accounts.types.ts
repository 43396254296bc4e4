// Table types for accounts (migration 0012): users, their roles and their server-side sessions.
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Role = 'viewer' | 'editor' | 'accountable-officer' | 'central' | 'admin';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** argon2id PHC string; null for an account that signs in only through OpenID Connect. */
  password_hash: string | null;
  created_at: TimestampWithDefault;
  disabled: Generated<boolean>;
}

export interface MembershipsTable {
  user_id: number;
  /** null for the service-wide roles, central and admin. */
  organisation_id: number | null;
  role: Role;
  granted_at: TimestampWithDefault;
  granted_by: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only ever in the user's cookie. */
  id_hash: Buffer;
  user_id: number;
  csrf_secret: string;
  created_at: TimestampWithDefault;
  expires_at: Timestamp;
  last_seen_at: TimestampWithDefault;
}

/** A user's saved horizon search (migration 0019, docs/saved-searches.md). */
export interface SavedSearchTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The horizon scan's query input (filters, window, basis, order), as JSON. */
  query: ColumnType<unknown, string, string>;
  /** The Atom feed's secret: 256 random bits, base64url. */
  feed_token: string;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
  /** When the user last marked it seen, and that UK day. */
  seen_at: TimestampWithDefault;
  seen_day: ColumnType<string, string, string>;
  /** Alerts counted for the header, when and on which UK day (null: not counted yet). */
  alert_count: number | null;
  alert_counted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  alert_counted_day: ColumnType<string | null, string | null, string | null>;
}

/** A provider account linked to a user (migration 0032, docs/accounts.md). */
export interface UserIdentityTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: TimestampWithDefault;
  last_sign_in_at: TimestampWithDefault;
}

/** An OpenID Connect sign-in between the redirect and the provider's answer (migration 0032). */
export interface OidcLoginTable {
  /** SHA-256 of the state sent to the provider (the browser holds the state in a cookie). */
  state_hash: Buffer;
  code_verifier: string;
  nonce: string;
  /** The page to return to afterwards: a path on this site. */
  next: string;
  expires_at: Timestamp;
}

export interface AccountTables {
  users: UsersTable;
  user_identity: UserIdentityTable;
  oidc_login: OidcLoginTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  saved_search: SavedSearchTable;
}
