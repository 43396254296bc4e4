// The rolling 3-year pipeline (issue 7, item 2; docs/pipeline.md). Editors of a buyer (authz action pipeline.edit)
// create and change entries; anyone reads published ones; members and central read the whole pipeline
// (organisation.read). A save names the version it was made from: the entry row is locked, and a save from an
// older version is refused with CONFLICT, so two editors never overwrite each other. Each save writes the entry,
// its change-log row (the fields that changed) and an audit_log row (whole entry before and after) in one
// transaction.
import type { Kysely } from 'kysely';
import { canMove, rollingYears, STATUS_LABELS, type PipelineStatus } from '../../domain/pipeline.js';
import { ukDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  findEntry,
  insertChange,
  insertEntry,
  listChanges,
  allEntries,
  listEntries,
  updateEntry,
  type EntryFilters,
  type PipelineChangeRecord,
  type PipelineEntryRecord,
} from '../../store/pipeline.repository.js';
import { assertCan, can, type Actor } from '../authz.js';
import { organisationOrThrow } from '../quality-common.js';
import { createQualityDetailService, type QualityDetailService } from '../quality-detail.service.js';
import { groupByYear, type YearGroupOf } from './pipeline-groups.js';
import { UK1_CHECK_ID, uk1Duties, uk1DutyBuyers, type Uk1Duty, type Uk1DutyBuyer } from './pipeline-duty.js';
import { ocdsPackage, pipelineCsv, uk1Csv, uk1Period, type PipelineExportFormat } from './pipeline-export.js';
import { prefillFromContract } from './pipeline-prefill.js';
import {
  diffFields,
  fieldsOf,
  parsePipelineInput,
  problemsMessage,
  type PipelineInputRaw,
} from './pipeline-input.js';

export { groupByYear, type YearGroupOf } from './pipeline-groups.js';

export const PIPELINE_ENTITY = 'pipeline-entry';
export const PIPELINE_PAGE_SIZE = 50;
export const PIPELINE_MAX_PAGE_SIZE = 200;

export interface Paging {
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PipelineView extends Page<PipelineEntryRecord> {
  organisation: { id: number; name: string };
  asOf: Day;
  years: { start: Day; end: Day; label: string }[];
  groups: YearGroupOf<PipelineEntryRecord>[];
  /** Whether the reader may add and change entries. */
  mayEdit: boolean;
  /** Only published entries are shown (a public reader). */
  publishedOnly: boolean;
  uk1: Uk1Duty | null;
}

export interface EntryView {
  entry: PipelineEntryRecord;
  /** A page of its change log, newest first (since a day when asked). */
  changes: Page<PipelineChangeRecord>;
  mayEdit: boolean;
  /** The reader sees the whole pipeline (members, central): who made each change, unpublished state. */
  members: boolean;
}

function paging(p: Paging): { page: number; pageSize: number; limit: number; offset: number } {
  const page = Math.max(1, Math.floor(p.page ?? 1));
  const pageSize = Math.min(
    PIPELINE_MAX_PAGE_SIZE,
    Math.max(1, Math.floor(p.pageSize ?? PIPELINE_PAGE_SIZE)),
  );
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

export interface PipelineServiceDeps {
  db: Kysely<Database>;
  today?: () => Day;
  /** The data-quality checks across buyers (the UK1 duty of every buyer); by default one on the same database. */
  qualityDetail?: QualityDetailService;
}

export function createPipelineService({
  db,
  today = () => ukDay(new Date())!,
  qualityDetail = createQualityDetailService({ db, today }),
}: PipelineServiceDeps) {
  const readsAll = (actor: Actor | null, organisationId: number) =>
    can(actor, 'organisation.read', { organisationId });

  async function entryOrThrow(id: number): Promise<PipelineEntryRecord> {
    const e = await findEntry(db, id);
    if (!e) throw new AppError('NOT_FOUND', `There is no pipeline entry ${id}`);
    return e;
  }

  return {
    mayEdit: (actor: Actor | null, organisationId: number): boolean =>
      can(actor, 'pipeline.edit', { organisationId }),

    /**
     * A buyer's pipeline as the reader may see it: every entry for its members and central readers, only
     * published entries for anyone else (the public page).
     */
    async pipeline(
      actor: Actor | null,
      organisationId: number,
      options: Paging & { publicView?: boolean; asOf?: Day } = {},
    ): Promise<PipelineView> {
      const org = await organisationOrThrow(db, organisationId);
      const publishedOnly = options.publicView === true || !readsAll(actor, organisationId);
      const p = paging(options);
      const asOf = options.asOf ?? today();
      const [{ rows, total }, duties] = await Promise.all([
        listEntries(db, { organisationId, publishedOnly }, p),
        uk1Duties(db, [organisationId], asOf),
      ]);
      return {
        organisation: { id: org.id, name: org.name },
        asOf,
        years: rollingYears(asOf),
        items: rows,
        groups: groupByYear(rows, asOf),
        total,
        page: p.page,
        pageSize: p.pageSize,
        mayEdit: !publishedOnly && can(actor, 'pipeline.edit', { organisationId }),
        publishedOnly,
        uk1: duties.get(organisationId) ?? null,
      };
    },

    /** Published entries across buyers (the central pipeline), filtered. */
    async central(
      filters: Omit<EntryFilters, 'publishedOnly' | 'organisationId'>,
      options: Paging = {},
    ): Promise<Page<PipelineEntryRecord>> {
      const p = paging(options);
      const { rows, total } = await listEntries(db, { ...filters, publishedOnly: true }, p);
      return { items: rows, total, page: p.page, pageSize: p.pageSize };
    },

    /** Every buyer whose UK1 duty applies as of a day (today by default), whether or not it keeps a pipeline here. */
    async uk1Buyers(asOf: Day = today()): Promise<{ asOf: Day; buyers: Uk1DutyBuyer[] }> {
      const all = await qualityDetail.checkAllBuyers(UK1_CHECK_ID, asOf);
      return { asOf, buyers: await uk1DutyBuyers(db, all, asOf) };
    },

    /**
     * One entry with a page of its change log (newest first; since an instant when given): published entries to
     * anyone, others to the buyer's members.
     */
    async entry(
      actor: Actor | null,
      id: number,
      options: Paging & { since?: Date } = {},
    ): Promise<EntryView> {
      const entry = await entryOrThrow(id);
      const all = readsAll(actor, entry.organisationId);
      if (!entry.published && !all) throw new AppError('NOT_FOUND', `There is no pipeline entry ${id}`);
      const p = paging(options);
      const { rows, total } = await listChanges(
        db,
        { entryId: id, publishedOnly: !all, ...(options.since ? { since: options.since } : {}) },
        p,
      );
      return {
        entry,
        changes: { items: rows, total, page: p.page, pageSize: p.pageSize },
        mayEdit: can(actor, 'pipeline.edit', { organisationId: entry.organisationId }),
        members: all,
      };
    },

    /** The entry for its edit form (editors only). */
    async editable(actor: Actor | null, id: number): Promise<PipelineEntryRecord> {
      const entry = await entryOrThrow(id);
      assertCan(actor, 'pipeline.edit', { organisationId: entry.organisationId });
      return entry;
    },

    async create(
      actor: Actor | null,
      organisationId: number,
      raw: PipelineInputRaw,
    ): Promise<PipelineEntryRecord> {
      assertCan(actor, 'pipeline.edit', { organisationId });
      await organisationOrThrow(db, organisationId);
      const fields = parsePipelineInput(raw);
      if (fields.status === 'awarded')
        throw new AppError(
          'BAD_REQUEST',
          problemsMessage([{ field: 'status', message: 'a new entry cannot be awarded' }]),
        );
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insertEntry(trx, organisationId, fields, actor.email);
        const changes = diffFields(null, fields);
        await insertChange(trx, {
          entryId: newId,
          organisationId,
          version: 1,
          actor: actor.email,
          action: 'created',
          changes,
          published: fields.published,
        });
        await writeAudit(trx, {
          actor: actor.email,
          action: 'pipeline.create',
          entityType: PIPELINE_ENTITY,
          entityId: String(newId),
          before: null,
          after: { ...fields, version: 1, organisationId },
        });
        return newId;
      });
      return entryOrThrow(id);
    },

    /**
     * Saves an entry made from `version`. CONFLICT when someone saved it since (nothing is written); BAD_REQUEST
     * for invalid input or a status move the lifecycle does not allow. A save that changes nothing keeps the version.
     */
    async update(
      actor: Actor | null,
      id: number,
      version: number,
      raw: PipelineInputRaw,
    ): Promise<PipelineEntryRecord> {
      if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
      const fields = parsePipelineInput(raw);
      await db.transaction().execute(async (trx) => {
        const current = await findEntry(trx, id, { forUpdate: true });
        if (!current) throw new AppError('NOT_FOUND', `There is no pipeline entry ${id}`);
        assertCan(actor, 'pipeline.edit', { organisationId: current.organisationId });
        if (current.version !== version)
          throw new AppError(
            'CONFLICT',
            `This entry was changed by ${current.updatedBy} at ${current.updatedAt.toISOString()} after you ` +
              `opened it (you had version ${version}; it is now version ${current.version}). Your changes have not ` +
              'been saved: open the latest version, check what changed and make your changes again.',
          );
        const from = current.status as PipelineStatus;
        const to = fields.status as PipelineStatus;
        if (!canMove(from, to))
          throw new AppError(
            'BAD_REQUEST',
            problemsMessage([
              {
                field: 'status',
                message: `cannot move from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`,
              },
            ]),
          );
        const before = fieldsOf(current);
        const changes = diffFields(before, fields);
        if (changes.length === 0) return;
        const next = current.version + 1;
        await updateEntry(trx, id, fields, next, actor.email);
        await insertChange(trx, {
          entryId: id,
          organisationId: current.organisationId,
          version: next,
          actor: actor.email,
          action: 'updated',
          changes,
          published: fields.published,
        });
        await writeAudit(trx, {
          actor: actor.email,
          action: 'pipeline.update',
          entityType: PIPELINE_ENTITY,
          entityId: String(id),
          before: { ...before, version: current.version, organisationId: current.organisationId },
          after: { ...fields, version: next, organisationId: current.organisationId },
        });
      });
      return entryOrThrow(id);
    },

    /** Changes to a buyer's pipeline (or one entry), newest first, since a day; public readers see published ones. */
    async changes(
      actor: Actor | null,
      organisationId: number,
      options: Paging & { since?: Date; publicView?: boolean } = {},
    ): Promise<
      Page<PipelineChangeRecord> & { organisation: { id: number; name: string }; publishedOnly: boolean }
    > {
      const org = await organisationOrThrow(db, organisationId);
      const publishedOnly = options.publicView === true || !readsAll(actor, organisationId);
      const p = paging(options);
      const { rows, total } = await listChanges(
        db,
        { organisationId, publishedOnly, ...(options.since ? { since: options.since } : {}) },
        p,
      );
      return {
        organisation: { id: org.id, name: org.name },
        items: rows,
        total,
        page: p.page,
        pageSize: p.pageSize,
        publishedOnly,
      };
    },

    /**
     * A buyer's pipeline as a file: everything for its members, central readers and the operator's CLI
     * (`operator`), published entries for anyone else or when `publicView`.
     */
    async exportFile(
      actor: Actor | null,
      organisationId: number,
      format: PipelineExportFormat,
      options: {
        baseUrl: string;
        publisherName: string;
        asOf?: Day;
        operator?: boolean;
        publicView?: boolean;
      },
    ): Promise<{ body: string; contentType: string; filename: string }> {
      const org = await organisationOrThrow(db, organisationId);
      const publishedOnly =
        options.publicView === true || (options.operator !== true && !readsAll(actor, organisationId));
      const entries = await allEntries(db, { organisationId, publishedOnly });
      const asOf = options.asOf ?? today();
      const name = `pipeline-${org.id}`;
      if (format === 'uk1')
        return {
          body: uk1Csv(entries, uk1Period(asOf)),
          contentType: 'text/csv; charset=utf-8',
          filename: `${name}-uk1-${asOf}.csv`,
        };
      if (format === 'ocds') {
        const pkg = ocdsPackage(entries, {
          uri: `${options.baseUrl}/organisations/${org.id}/pipeline.ocds.json`,
          publisherName: options.publisherName,
          publishedDate: new Date().toISOString(),
        });
        return {
          body: `${JSON.stringify(pkg, null, 2)}\n`,
          contentType: 'application/json; charset=utf-8',
          filename: `${name}.ocds.json`,
        };
      }
      return {
        body: pipelineCsv(entries, options.baseUrl),
        contentType: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
      };
    },

    /** A new entry's starting values from one of the buyer's contracts (editors of that buyer only). */
    async fromContract(actor: Actor | null, ocid: string) {
      const prefill = await prefillFromContract(db, ocid, today());
      assertCan(actor, 'pipeline.edit', { organisationId: prefill.organisationId });
      return prefill;
    },
  };
}

export type PipelineService = ReturnType<typeof createPipelineService>;

export type {
  EntryFilters,
  FieldChange,
  PipelineChangeRecord,
  PipelineEntryRecord,
} from '../../store/pipeline.repository.js';
