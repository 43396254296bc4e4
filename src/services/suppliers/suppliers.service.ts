// Supplier resolution as a use case (docs/suppliers.md): run it (after imports and ingest, or on demand), list
// suppliers and the unresolved payees, show one supplier with its sources and evidence, and let the central team or
// an admin merge or split with an audited override, after which resolution runs again so the override shows at once.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { resolveSuppliers } from '../../domain/supplier-resolution.js';
import type { Database } from '../../store/database.js';
import { listAudit, type AuditRecord } from '../../store/audit.repository.js';
import {
  findSource,
  findSupplier,
  insertOverride,
  lastSupplierRun,
  listOverrides,
  listSuppliers,
  listUnresolvedPayees,
  recordSupplierRun,
  supplierSources,
  SUPPLIER_OVERRIDE_ENTITY,
  type SupplierOverrideRow,
  type SupplierSourceRow,
  type SupplierSummary,
} from '../../store/supplier-read.repository.js';
import {
  lockSupplierResolution,
  saveSupplierResolution,
  type SaveCounts,
} from '../../store/supplier-save.repository.js';
import {
  loadSupplierOverrides,
  loadSupplierSources,
  supplierFingerprint,
} from '../../store/supplier-sources.repository.js';
import { assertCan, can, type Actor } from '../authz.js';
import {
  overrideProblems,
  parsePayeeList,
  parseSupplierList,
  type OverrideField,
  type OverrideInput,
  type PayeeListInput,
  type SupplierListInput,
} from './suppliers-input.js';

export type { SupplierSourceRow, SupplierSummary };

export interface ResolveSummary extends SaveCounts {
  /** True when nothing changed since the last run, so nothing was done. */
  skipped: boolean;
  seconds: number;
  /** Time spent loading sources, matching and writing (seconds). */
  phases: { load: number; match: number; write: number };
}

export interface SupplierDetail {
  supplier: SupplierSummary;
  redirectedFrom: number | null;
  sources: SupplierSourceRow[];
  overrides: SupplierOverrideRow[];
  history: AuditRecord[];
}

/** "Every row" for the CSV downloads: larger than any list. */
const ALL_ROWS = 10_000_000;

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  rows: T[];
}

/** A form with field problems: thrown as BAD_REQUEST, carrying the fields for the error summary. */
export class OverrideError extends AppError {
  constructor(readonly fields: OverrideField[]) {
    super('BAD_REQUEST', fields.map((f) => f.text).join('; '));
  }
}

const seconds = (t0: number) => Math.round(performance.now() - t0) / 1000;

export function createSuppliersService({ db }: { db: Kysely<Database> }) {
  async function resolve(options: { force?: boolean } = {}): Promise<ResolveSummary> {
    const t0 = performance.now();
    const fingerprint = await supplierFingerprint(db);
    const last = await lastSupplierRun(db);
    if (!options.force && last?.fingerprint === fingerprint) {
      return {
        ...(last.counts as SaveCounts),
        skipped: true,
        seconds: seconds(t0),
        phases: { load: 0, match: 0, write: 0 },
      };
    }
    let t1 = 0;
    let t2 = 0;
    // Load, match and write in one transaction under a lock, so that concurrent runs (an import and an admin's
    // override) follow each other and each starts from what the other wrote.
    const counts = await db.transaction().execute(async (trx) => {
      await lockSupplierResolution(trx);
      const sources = await loadSupplierSources(trx);
      const overrides = await loadSupplierOverrides(trx);
      t1 = performance.now();
      const resolution = resolveSuppliers(sources, overrides);
      t2 = performance.now();
      const saved = await saveSupplierResolution(trx, sources, resolution);
      await recordSupplierRun(trx, { seconds: seconds(t0), fingerprint, counts: saved });
      return saved;
    });
    const total = seconds(t0);
    return {
      ...counts,
      skipped: false,
      seconds: total,
      phases: {
        load: Math.round(t1 - t0) / 1000,
        match: Math.round(t2 - t1) / 1000,
        write: Math.round(performance.now() - t2) / 1000,
      },
    };
  }

  /** The key of a source, or of the busiest source of a supplier given by number. */
  async function sourceKeyOf(text: string): Promise<string | null> {
    if (/^\d+$/.test(text)) {
      const found = await findSupplier(db, Number(text));
      if (!found) return null;
      return (await supplierSources(db, found.supplier.id))[0]?.key ?? null;
    }
    return (await findSource(db, text))?.key ?? null;
  }

  return {
    resolve,

    mayResolve: (actor: Actor | null): boolean => can(actor, 'suppliers.resolve'),

    async list(input: SupplierListInput): Promise<Page<SupplierSummary>> {
      const q = parseSupplierList(input);
      const r = await listSuppliers(db, q);
      return { total: r.total, page: q.page, pageSize: q.pageSize, rows: r.rows };
    },

    async unresolved(input: PayeeListInput): Promise<Page<SupplierSourceRow>> {
      const q = parsePayeeList(input);
      const r = await listUnresolvedPayees(db, q);
      return { total: r.total, page: q.page, pageSize: q.pageSize, rows: r.rows };
    },

    /** Every supplier of the list's filter and order, not one page (the CSV). */
    async listAll(input: Omit<SupplierListInput, 'page' | 'pageSize'>): Promise<SupplierSummary[]> {
      const q = parseSupplierList(input);
      return (await listSuppliers(db, { ...q, page: 1, pageSize: ALL_ROWS })).rows;
    },

    /** Every unresolved payee of the review list's filter and order (the CSV). */
    async unresolvedAll(input: Omit<PayeeListInput, 'page' | 'pageSize'>): Promise<SupplierSourceRow[]> {
      const q = parsePayeeList(input);
      return (await listUnresolvedPayees(db, { ...q, page: 1, pageSize: ALL_ROWS })).rows;
    },

    async get(id: number): Promise<SupplierDetail> {
      const found = await findSupplier(db, id);
      if (!found) throw new AppError('NOT_FOUND', `No supplier ${id}`);
      const sources = await supplierSources(db, found.supplier.id);
      const overrides = await listOverrides(
        db,
        sources.map((s) => s.key),
      );
      const history = (
        await Promise.all(overrides.map((o) => listAudit(db, SUPPLIER_OVERRIDE_ENTITY, String(o.id))))
      ).flat();
      return { ...found, sources, overrides, history };
    },

    /**
     * Records a merge (the source joins the other source's supplier) or a split (the source stands alone, out of
     * every automatic match), audited, then resolves again. Returns the supplier the source now belongs to.
     */
    async override(
      actor: Actor | null,
      input: OverrideInput,
    ): Promise<{ overrideId: number; supplierId: number }> {
      assertCan(actor, 'suppliers.resolve');
      const problems = overrideProblems(input);
      if (problems.length > 0) throw new OverrideError(problems);
      const source = await findSource(db, input.sourceKey.trim());
      if (!source) throw new OverrideError([{ field: 'sourceKey', text: 'That source is not in the data' }]);
      let otherKey: string | null = null;
      if (input.kind === 'merge') {
        otherKey = await sourceKeyOf(input.otherKey?.trim() ?? '');
        if (otherKey === null)
          throw new OverrideError([
            { field: 'otherKey', text: 'No source or supplier has that key or number' },
          ]);
        if (otherKey === source.key)
          throw new OverrideError([{ field: 'otherKey', text: 'Choose a different source' }]);
      }
      const other = otherKey === null ? null : await findSource(db, otherKey);
      const id = await insertOverride(
        db,
        {
          kind: input.kind as 'merge' | 'split',
          sourceKey: source.key,
          otherKey,
          reason: input.reason.trim(),
          actor: actor.email,
        },
        {
          source: { key: source.key, name: source.name, supplierId: source.supplierId },
          other: other && { key: other.key, name: other.name, supplierId: other.supplierId },
        },
      );
      await resolve({ force: true });
      const after = await findSource(db, source.key);
      return { overrideId: id, supplierId: after?.supplierId ?? source.supplierId };
    },
  };
}

export type SuppliersService = ReturnType<typeof createSuppliersService>;
