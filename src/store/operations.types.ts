// Table types for the service's own operations (Kysely): live-sync state and runs (migration 0003), the
// accountable officer (0005) and the audit log of every change (0005). Part of \`Database\` (database.ts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface SyncStateTable {
  source: string;
  base_url: string;
  window_from: string | null;
  window_to: string | null;
  next_url: string | null;
  pages: Generated<number>;
  completed_at: Timestamp | null;
  updated_at: TimestampWithDefault;
}

export interface SyncRunTable {
  id: Generated<number>;
  source: string;
  ingest_run_id: number | null;
  window_from: string | null;
  window_to: string | null;
  status: Generated<'running' | 'done' | 'failed' | 'skipped'>;
  started_at: TimestampWithDefault;
  finished_at: Timestamp | null;
  pages: Generated<number>;
  requests: Generated<number>;
  retries: Generated<number>;
  releases: Generated<number>;
  stored: Generated<number>;
  duplicates: Generated<number>;
  quarantined: Generated<number>;
  problems: JsonWithDefault;
  error: string | null;
}

export interface AccountableOfficerTable {
  organisation_id: number;
  name: string;
  role: string;
  email: string;
  phone: string | null;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

/** jsonb snapshots: written as JSON text, read back parsed. */
export type JsonSnapshot = ColumnType<unknown, string | null, string | null>;

export interface AuditLogTable {
  id: Generated<number>;
  at: TimestampWithDefault;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonSnapshot;
  after: JsonSnapshot;
}
