// Import runs of local files (spend, register, Contracts Finder notice exports) for the import pages and API: what
// was read, how each column was mapped, the counts, and every rejected row with its line and reason. Reading is
// `imports.read` (authz.ts): central and admin see every organisation's runs; a member of an organisation sees
// that organisation's runs only (the list is narrowed to them).
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { ColumnMapping } from '../imports/shared/header.js';
import type { Database } from '../store/database.js';
import type { ImportKind } from '../store/import-run.repository.js';
import {
  countRunQuarantineReasons,
  getImportRun,
  listImportRuns,
  listRunQuarantine,
} from '../store/import-run-read.repository.js';
import { listLocalContracts, type LocalContractRow } from '../store/local-contract.repository.js';
import { assertCan, can, type Actor } from './authz.js';
import { organisationOrThrow } from './quality-common.js';

export const IMPORT_KINDS: readonly ImportKind[] = ['spend', 'register', 'notices'];
export const IMPORT_PAGE_SIZES = [25, 50, 100, 500] as const;
export const IMPORT_MAX_PAGE = 100_000;

export interface ImportListInput {
  page?: number | string;
  pageSize?: number | string;
  kind?: string;
  organisationId?: number | string;
}

export interface ImportRunSummary {
  id: number;
  kind: ImportKind;
  organisation: { id: number; name: string };
  file: string;
  sha256: string;
  bytes: number;
  encoding: string | null;
  records: number;
  rows: number;
  kept: number;
  quarantined: number;
  skipped: Record<string, number>;
  startedAt: string;
  finishedAt: string;
}

export interface RejectedRow {
  line: number;
  reason: string;
  excerpt: string;
}

export interface ImportRunDetail {
  run: ImportRunSummary;
  /** How each column of the header was mapped (index, header as published, field or null, why). */
  mapping: ColumnMapping<string>[];
  reasons: { reason: string; rows: number }[];
  rejected: { rows: RejectedRow[]; total: number; page: number; pageSize: number };
}

export interface LocalContractList {
  organisation: { id: number; name: string };
  contracts: LocalContractRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ImportRunList {
  scope: 'all' | 'own';
  runs: ImportRunSummary[];
  total: number;
  page: number;
  pageSize: number;
  kind: ImportKind | null;
  organisationId: number | null;
}

function whole(value: number | string | undefined, name: string, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new AppError('BAD_REQUEST', `${name} must be a whole number from 1 to ${max}, not "${value}"`);
  }
  return n;
}

/** Every row, for the CSV downloads: larger than any run or list. */
const EVERY_ROW = { page: 1, pageSize: 10_000_000, limit: 10_000_000, offset: 0 };

/** The page asked for, or every row (`all`: the CSV downloads). */
function pageOf(input: { page?: number | string; pageSize?: number | string }, all = false) {
  if (all) return EVERY_ROW;
  const page = whole(input.page, 'page', IMPORT_MAX_PAGE, 1);
  const pageSize = whole(input.pageSize, 'pageSize', 500, 50);
  if (!(IMPORT_PAGE_SIZES as readonly number[]).includes(pageSize)) {
    throw new AppError('BAD_REQUEST', `pageSize must be one of ${IMPORT_PAGE_SIZES.join(', ')}`);
  }
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

const json = <T>(v: unknown, fallback: T): T =>
  typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? fallback);
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

type RunRow = Awaited<ReturnType<typeof listImportRuns>>['rows'][number];

function summary(r: RunRow): ImportRunSummary {
  return {
    id: Number(r.id),
    kind: r.kind,
    organisation: { id: Number(r.organisation_id), name: r.organisation_name },
    file: r.file,
    sha256: r.sha256,
    bytes: Number(r.bytes),
    encoding: r.encoding,
    records: r.records,
    rows: r.rows,
    kept: r.kept,
    quarantined: r.quarantined,
    skipped: json<Record<string, number>>(r.skipped, {}),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

export function createImportsService({ db }: { db: Kysely<Database> }) {
  return {
    /** A page of the runs the actor may read; with `all`, every one of them (the CSV). */
    async list(actor: Actor | null, input: ImportListInput = {}, everyRow = false): Promise<ImportRunList> {
      if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to see import runs');
      const p = pageOf(input, everyRow);
      const kind = input.kind === undefined || input.kind === '' ? null : input.kind;
      if (kind !== null && !(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw new AppError('BAD_REQUEST', `kind must be one of ${IMPORT_KINDS.join(', ')}, not "${kind}"`);
      }
      const org =
        input.organisationId === undefined || input.organisationId === ''
          ? null
          : whole(input.organisationId, 'organisationId', Number.MAX_SAFE_INTEGER, 0);
      const all = can(actor, 'imports.read');
      if (org !== null) assertCan(actor, 'imports.read', { organisationId: org });
      const own = [...actor.organisations.keys()];
      if (!all && org === null && own.length === 0) assertCan(actor, 'imports.read');
      const organisationIds = org !== null ? [org] : all ? undefined : own;
      const { rows, total } = await listImportRuns(
        db,
        { ...(organisationIds ? { organisationIds } : {}), ...(kind ? { kind: kind as ImportKind } : {}) },
        p,
      );
      return {
        scope: all ? 'all' : 'own',
        runs: rows.map(summary),
        total,
        page: p.page,
        pageSize: p.pageSize,
        kind: kind as ImportKind | null,
        organisationId: org,
      };
    },

    /** A buyer's contracts from registers and notice exports (published data: no sign-in needed); with `all`,
     * every one (the CSV). */
    async contracts(
      organisationId: number | string,
      input: { page?: number | string; pageSize?: number | string } = {},
      all = false,
    ): Promise<LocalContractList> {
      const id = whole(organisationId, 'organisation id', Number.MAX_SAFE_INTEGER, 0);
      const p = pageOf(input, all);
      const org = await organisationOrThrow(db, id);
      const { rows, total } = await listLocalContracts(db, id, p);
      return {
        organisation: { id, name: org.name },
        contracts: rows,
        total,
        page: p.page,
        pageSize: p.pageSize,
      };
    },

    /** One run with a page of its rejected rows; with `all`, every rejected row (the CSV). */
    async get(
      actor: Actor | null,
      id: number | string,
      input: { page?: number | string; pageSize?: number | string } = {},
      all = false,
    ): Promise<ImportRunDetail> {
      if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to see import runs');
      const runId = whole(id, 'import run id', Number.MAX_SAFE_INTEGER, 0);
      const p = pageOf(input, all);
      const row = await getImportRun(db, runId);
      if (!row) throw new AppError('NOT_FOUND', `no import run ${runId}`);
      assertCan(actor, 'imports.read', { organisationId: Number(row.organisation_id) });
      if (p.offset > 0 && p.offset >= row.quarantined) {
        const last = Math.max(1, Math.ceil(row.quarantined / p.pageSize));
        throw new AppError('BAD_REQUEST', `page ${p.page} is past the last page of rejected rows (${last})`);
      }
      const [rejected, reasons] = await Promise.all([
        listRunQuarantine(db, runId, p),
        countRunQuarantineReasons(db, runId),
      ]);
      return {
        run: summary(row),
        mapping: json<ColumnMapping<string>[]>(row.layout, []),
        reasons,
        rejected: { rows: rejected, total: row.quarantined, page: p.page, pageSize: p.pageSize },
      };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
