// Preliminary market engagement (issue 7, item 3; docs/engagement.md): exercises on a pipeline entry, or the
// entry's recorded reason for not engaging, and the participation mix per exercise and per buyer. Editing uses the
// pipeline's rule (authz action pipeline.edit: editors of the buyer, or admin), reading the pipeline's visibility
// (exercises of published entries to anyone, every exercise to members and central; participants' names to
// members and central only). Saves name the version they were made from, lock the row and are refused with
// CONFLICT when someone saved first; each writes an audit_log row in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import { CANDIDATE_CPV_DIGITS, participationMix, type ParticipationMix } from '../../domain/engagement.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  candidateTenders,
  engagementNotices,
  findExercise,
  findRationale,
  findTender,
  insertExercise,
  listExercises,
  saveRationale,
  updateExercise,
  type EngagementNotice,
  type ExerciseFields,
  type ExerciseRecord,
  type RationaleRecord,
  type TenderRef,
} from '../../store/engagement.repository.js';
import { findEntry, type PipelineEntryRecord } from '../../store/pipeline.repository.js';
import { entityHistory, type AuditEntryView } from '../audit.service.js';
import { assertCan, can, type Actor } from '../authz.js';
import { organisationOrThrow } from '../quality-common.js';
import {
  parseExerciseInput,
  parseRationale,
  problemsText,
  type ExerciseInputRaw,
} from './engagement-input.js';

export const EXERCISE_ENTITY = 'engagement-exercise';
export const RATIONALE_ENTITY = 'engagement-rationale';
export const CANDIDATE_LIMIT = 20;
export const NOTICE_LIMIT = 50;

export interface ExerciseView extends ExerciseRecord {
  mix: ParticipationMix;
}

export interface EntryEngagement {
  entry: PipelineEntryRecord;
  exercises: ExerciseView[];
  mix: ParticipationMix;
  rationale: RationaleRecord | null;
  /** The reason's audit history, for those who may change it (pipeline.edit); null for anyone else. */
  rationaleHistory: AuditEntryView[] | null;
  notices: EngagementNotice[];
  mayEdit: boolean;
  /** Members and central: participants' names, unpublished entries. */
  members: boolean;
}

export interface BuyerEngagement {
  organisation: { id: number; name: string };
  exercises: ExerciseView[];
  mix: ParticipationMix;
  notices: EngagementNotice[];
  members: boolean;
}

const withMix = (x: ExerciseRecord, members: boolean): ExerciseView => ({
  ...x,
  // Public readers see the mix, not who took part.
  participants: members ? x.participants : [],
  mix: participationMix(x.participants),
});

const conflict = (what: string, by: string, at: Date, had: number, now: number) =>
  new AppError(
    'CONFLICT',
    `This ${what} was changed by ${by} at ${at.toISOString()} after you opened it (you had version ${had}; it is ` +
      `now version ${now}). Your changes have not been saved: open the latest version, check what changed and ` +
      'make your changes again.',
  );

export function createEngagementService({ db }: { db: Kysely<Database> }) {
  const members = (actor: Actor | null, organisationId: number) =>
    can(actor, 'organisation.read', { organisationId });

  async function visibleEntry(actor: Actor | null, id: number) {
    const entry = await findEntry(db, id);
    if (!entry || (!entry.published && !members(actor, entry.organisationId)))
      throw new AppError('NOT_FOUND', `There is no pipeline entry ${id}`);
    return entry;
  }

  async function exerciseOrThrow(id: number, trx: Kysely<Database> = db, forUpdate = false) {
    const x = await findExercise(trx, id, { forUpdate });
    if (!x) throw new AppError('NOT_FOUND', `There is no engagement exercise ${id}`);
    return x;
  }

  /** The typed tender must be a process in the data, of the same buyer. */
  async function checkTender(f: ExerciseFields, organisationId: number): Promise<void> {
    if (f.tenderOcid === null) return;
    const t = await findTender(db, f.tenderOcid);
    const message =
      t === undefined
        ? `there is no process ${f.tenderOcid} in the data`
        : t.buyerId !== organisationId
          ? `${f.tenderOcid} is another buyer’s process`
          : null;
    if (message) throw new AppError('BAD_REQUEST', problemsText([{ field: 'tenderOcid', message }]));
  }

  const cpvPrefix = (e: PipelineEntryRecord) => e.cpvCode?.slice(0, CANDIDATE_CPV_DIGITS) ?? null;

  return {
    mayEdit: (actor: Actor | null, organisationId: number) => can(actor, 'pipeline.edit', { organisationId }),

    /** An entry's exercises, their mix, its rationale and the buyer's UK2 notices that may concern it. */
    async forEntry(actor: Actor | null, entryId: number): Promise<EntryEngagement> {
      const entry = await visibleEntry(actor, entryId);
      const all = members(actor, entry.organisationId);
      const [exercises, rationale] = await Promise.all([
        listExercises(db, { entryId, publishedOnly: !all }),
        findRationale(db, entryId),
      ]);
      const ocids = exercises.flatMap((x) => (x.tenderOcid ? [x.tenderOcid] : []));
      const notices = await engagementNotices(db, {
        organisationId: entry.organisationId,
        ocids,
        cpvPrefix: cpvPrefix(entry),
        limit: NOTICE_LIMIT,
      });
      const mayEdit = can(actor, 'pipeline.edit', { organisationId: entry.organisationId });
      return {
        entry,
        exercises: exercises.map((x) => withMix(x, all)),
        mix: participationMix(exercises.flatMap((x) => x.participants)),
        rationale: rationale ?? null,
        rationaleHistory: mayEdit ? await entityHistory(db, RATIONALE_ENTITY, entryId) : null,
        notices,
        mayEdit,
        members: all,
      };
    },

    /** One exercise (published entries' to anyone), with its mix and whether the reader may change it. */
    async exercise(actor: Actor | null, id: number) {
      const x = await exerciseOrThrow(id);
      const all = members(actor, x.organisationId);
      if (!x.entryPublished && !all) throw new AppError('NOT_FOUND', `There is no engagement exercise ${id}`);
      const tender = x.tenderOcid ? ((await findTender(db, x.tenderOcid)) ?? null) : null;
      const mayEdit = can(actor, 'pipeline.edit', { organisationId: x.organisationId });
      return {
        exercise: withMix(x, all),
        tender,
        mayEdit,
        /** Its audit history, for those who may change it; null for anyone else. */
        history: mayEdit ? await entityHistory(db, EXERCISE_ENTITY, id) : null,
        members: all,
      };
    },

    /** The entry an editor adds an exercise to (pipeline.edit on its buyer). */
    async editableEntry(actor: Actor | null, entryId: number): Promise<PipelineEntryRecord> {
      const entry = await findEntry(db, entryId);
      if (!entry) throw new AppError('NOT_FOUND', `There is no pipeline entry ${entryId}`);
      assertCan(actor, 'pipeline.edit', { organisationId: entry.organisationId });
      return entry;
    },

    async editable(actor: Actor | null, id: number): Promise<ExerciseRecord> {
      const x = await exerciseOrThrow(id);
      assertCan(actor, 'pipeline.edit', { organisationId: x.organisationId });
      return x;
    },

    /**
     * Tenders the exercise may have led to: the buyer's processes first published on or after the exercise's end
     * (else its start) with a CPV code in the entry's class; none when the entry has no CPV code.
     */
    async candidates(entry: PipelineEntryRecord, after: string | null): Promise<TenderRef[]> {
      const prefix = cpvPrefix(entry);
      if (prefix === null) return [];
      return candidateTenders(db, {
        organisationId: entry.organisationId,
        after: after ?? '1900-01-01',
        cpvPrefix: prefix,
        limit: CANDIDATE_LIMIT,
      });
    },

    async create(actor: Actor | null, entryId: number, raw: ExerciseInputRaw): Promise<ExerciseRecord> {
      const entry = await this.editableEntry(actor, entryId);
      const fields = parseExerciseInput(raw);
      await checkTender(fields, entry.organisationId);
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insertExercise(trx, entry, fields, actor!.email);
        await writeAudit(trx, {
          actor: actor!.email,
          action: 'engagement.create',
          entityType: EXERCISE_ENTITY,
          entityId: String(newId),
          before: null,
          after: { ...fields, entryId, version: 1 },
        });
        return newId;
      });
      return exerciseOrThrow(id);
    },

    /** Saves an exercise made from `version`; CONFLICT when someone saved it since. Unchanged keeps the version. */
    async update(
      actor: Actor | null,
      id: number,
      version: number,
      raw: ExerciseInputRaw,
    ): Promise<ExerciseRecord> {
      if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
      const fields = parseExerciseInput(raw);
      const first = await this.editable(actor, id);
      await checkTender(fields, first.organisationId);
      await db.transaction().execute(async (trx: Transaction<Database>) => {
        const current = await exerciseOrThrow(id, trx, true);
        if (current.version !== version)
          throw conflict('exercise', current.updatedBy, current.updatedAt, version, current.version);
        const before = fieldsOf(current);
        if (JSON.stringify(before) === JSON.stringify(fields)) return;
        await updateExercise(trx, id, fields, current.version + 1, actor.email);
        await writeAudit(trx, {
          actor: actor.email,
          action: 'engagement.update',
          entityType: EXERCISE_ENTITY,
          entityId: String(id),
          before: { ...before, entryId: current.entryId, version: current.version },
          after: { ...fields, entryId: current.entryId, version: current.version + 1 },
        });
      });
      return exerciseOrThrow(id);
    },

    /**
     * Records (or, blank, clears) why the entry had no engagement, from `version` (0 when none was saved yet).
     */
    async setRationale(
      actor: Actor | null,
      entryId: number,
      version: number,
      raw: unknown,
    ): Promise<RationaleRecord> {
      const entry = await this.editableEntry(actor, entryId);
      const rationale = parseRationale(raw);
      await db.transaction().execute(async (trx) => {
        // Lock the entry: two first saves of a rationale cannot both see "none yet".
        await findEntry(trx, entryId, { forUpdate: true });
        const current = await findRationale(trx, entryId, { forUpdate: true });
        const had = current?.version ?? 0;
        if (had !== version)
          throw current
            ? conflict('reason', current.updatedBy, current.updatedAt, version, had)
            : new AppError(
                'CONFLICT',
                `No reason has been saved for this entry yet (you had version ${version}; it is version 0). ` +
                  'Your changes have not been saved: open the entry again and record the reason.',
              );
        if ((current?.rationale ?? null) === rationale) return;
        await saveRationale(trx, entry, rationale, had + 1, actor!.email);
        await writeAudit(trx, {
          actor: actor!.email,
          action: 'engagement.rationale',
          entityType: RATIONALE_ENTITY,
          entityId: String(entryId),
          before: current ? { rationale: current.rationale, version: had } : null,
          after: { rationale, version: had + 1 },
        });
      });
      return (await findRationale(db, entryId))!;
    },

    /** A buyer's exercises (as the reader may see them), the buyer's participation mix and its UK2 notices. */
    async buyer(actor: Actor | null, organisationId: number): Promise<BuyerEngagement> {
      const org = await organisationOrThrow(db, organisationId);
      const all = members(actor, organisationId);
      const [exercises, notices] = await Promise.all([
        listExercises(db, { organisationId, publishedOnly: !all }),
        engagementNotices(db, { organisationId, limit: NOTICE_LIMIT }),
      ]);
      return {
        organisation: { id: org.id, name: org.name },
        exercises: exercises.map((x) => withMix(x, all)),
        mix: participationMix(exercises.flatMap((x) => x.participants)),
        notices,
        members: all,
      };
    },
  };
}

const fieldsOf = (x: ExerciseRecord): ExerciseFields => ({
  purpose: x.purpose,
  startDate: x.startDate,
  endDate: x.endDate,
  format: x.format,
  questions: x.questions,
  participants: x.participants,
  summary: x.summary,
  requirementChanges: x.requirementChanges,
  tenderOcid: x.tenderOcid,
});

export type EngagementService = ReturnType<typeof createEngagementService>;
export type { EngagementNotice, ExerciseRecord, RationaleRecord, TenderRef };
