// KPIs attached to a pipeline entry or a contract (docs/kpi-library.md, "Attaching"): a copy of a library
// template the buyer tailors (name, measure, target, thresholds), keeping the template id and the version it was
// copied from. Editors of the entry's or contract's buyer attach, tailor and remove (authz action kpis.attach);
// anyone who may read the entry (or anyone, for a contract) reads them. Every change is versioned and audited.
import type { Kysely, Transaction } from 'kysely';
import { bands, type KpiMeasure, type RatedMeasure } from '../../domain/kpi-library.js';
import { AppError } from '../../errors.js';
import { listAudit, type AuditRecord } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  ATTACHED_ENTITY,
  deleteAttached,
  findAttached,
  insertAttached,
  listAttached,
  updateAttached,
  type AttachedKpi,
} from '../../store/kpi-library.repository.js';
import {
  findKpiOfAttached,
  insertKpi,
  releaseKpiOfAttached,
  updateKpiMeasure,
} from '../../store/kpi.repository.js';
import { findEntry } from '../../store/pipeline.repository.js';
import { findContractForMissions } from '../../store/standards.repository.js';
import { assertCan, can, type Actor } from '../authz.js';
import { readTailoring } from './kpi-input.js';
import type { KpiLibraryService } from './kpi-library.service.js';

export type Subject = { pipelineEntryId: number } | { ocid: string };

/** What the rated KPI of a contract takes from its attached copy: title, description, target text, measure. */
function ratedFields(k: KpiMeasure & { unit: string; direction: RatedMeasure['direction'] }) {
  const measure: RatedMeasure = {
    unit: k.unit,
    direction: k.direction,
    target: k.target,
    slightlyBelow: k.slightlyBelow,
    below: k.below,
  };
  return { title: k.name, description: k.measure, target: bands(measure).met, measure };
}

export interface SubjectInfo {
  subject: Subject;
  organisationId: number;
  title: string;
  href: string;
}

export function createAttachedKpisService({
  db,
  library,
}: {
  db: Kysely<Database>;
  library: KpiLibraryService;
}) {
  /** The entry or contract, its buyer and where it lives; NOT_FOUND for an entry the reader may not see. */
  async function subjectInfo(actor: Actor | null, subject: Subject): Promise<SubjectInfo> {
    if ('ocid' in subject) {
      const c = await findContractForMissions(db, subject.ocid);
      if (!c) throw new AppError('NOT_FOUND', `There is no contracting process ${subject.ocid}`);
      if (c.buyer_id === null)
        throw new AppError('NOT_FOUND', `Contract ${subject.ocid} has no known buyer to attach KPIs for`);
      return {
        subject,
        organisationId: Number(c.buyer_id),
        title: c.title ?? subject.ocid,
        href: `/contracts/${encodeURIComponent(subject.ocid)}`,
      };
    }
    const e = await findEntry(db, subject.pipelineEntryId);
    if (!e || (!e.published && !can(actor, 'organisation.read', { organisationId: e.organisationId })))
      throw new AppError('NOT_FOUND', `There is no pipeline entry ${subject.pipelineEntryId}`);
    return {
      subject,
      organisationId: e.organisationId,
      title: e.title,
      href: `/pipeline/entries/${e.id}`,
    };
  }

  /** The attached KPI, checked against the actor; locked when read in a transaction. */
  async function ownedOrThrow(actor: Actor | null, id: number, trx?: Transaction<Database>) {
    const k = await findAttached(trx ?? db, id, { forUpdate: trx !== undefined });
    if (!k) throw new AppError('NOT_FOUND', `There is no attached KPI ${id}`);
    assertCan(actor, 'kpis.attach', { organisationId: k.organisationId });
    return k;
  }

  return {
    subjectInfo,
    mayAttach: (actor: Actor | null, organisationId: number): boolean =>
      can(actor, 'kpis.attach', { organisationId }),

    /** The KPIs attached to an entry or contract, with whether the reader may change them. */
    async list(actor: Actor | null, subject: Subject) {
      const info = await subjectInfo(actor, subject);
      return {
        ...info,
        kpis: await listAttached(db, subject),
        mayAttach: can(actor, 'kpis.attach', { organisationId: info.organisationId }),
      };
    },

    /**
     * Attaches a copy of a template; `raw` tailors it (fields left out keep the template's). Retired templates
     * cannot be attached.
     */
    async attach(
      actor: Actor | null,
      subject: Subject,
      templateId: string,
      raw: Record<string, unknown> = {},
    ): Promise<AttachedKpi> {
      const info = await subjectInfo(actor, subject);
      assertCan(actor, 'kpis.attach', { organisationId: info.organisationId });
      const { template: t, version } = await library.get(templateId);
      if (t.status === 'retired')
        throw new AppError('BAD_REQUEST', `${templateId} is retired: choose another template`);
      const m = readTailoring(
        {
          name: t.name,
          measure: t.measure,
          target: t.target,
          slightlyBelow: t.slightlyBelow,
          below: t.below,
          ...raw,
        },
        t.direction,
      );
      const id = await db.transaction().execute(async (trx) => {
        const attachedId = await insertAttached(
          trx,
          {
            organisationId: info.organisationId,
            pipelineEntryId: 'ocid' in subject ? null : subject.pipelineEntryId,
            ocid: 'ocid' in subject ? subject.ocid : null,
            templateId: t.id,
            templateVersion: version,
            unit: t.unit,
            direction: t.direction,
            ...m,
          },
          actor.email,
        );
        // On a contract the copy is also a rated KPI (contract_kpi) carrying its measure, target and thresholds,
        // so that its ratings are derived from measured values (docs/kpis.md).
        if ('ocid' in subject)
          await insertKpi(
            trx,
            {
              ocid: subject.ocid,
              intervalMonths: null,
              templateRef: t.id,
              attachedKpiId: attachedId,
              ...ratedFields({ ...m, unit: t.unit, direction: t.direction }),
            },
            actor.email,
          );
        return attachedId;
      });
      return (await findAttached(db, id))!;
    },

    /** An attached KPI for its edit form (editors of its buyer). */
    editable: (actor: Actor | null, id: number) => ownedOrThrow(actor, id),

    /** Tailors an attached KPI made from `version`: CONFLICT when someone saved it since. */
    async tailor(
      actor: Actor | null,
      id: number,
      version: number,
      raw: Record<string, unknown>,
    ): Promise<AttachedKpi> {
      await db.transaction().execute(async (trx) => {
        const k = await ownedOrThrow(actor, id, trx);
        if (k.version !== version)
          throw new AppError(
            'CONFLICT',
            `This KPI was changed by ${k.updatedBy} after you opened it (you had version ${version}; it is now ` +
              `version ${k.version}). Nothing was saved: open the latest version and make your changes again.`,
          );
        const m = readTailoring(raw, k.direction);
        await updateAttached(trx, k, m, actor!.email);
        const rated = k.ocid === null ? undefined : await findKpiOfAttached(trx, k.id);
        if (rated) await updateKpiMeasure(trx, rated, ratedFields({ ...k, ...m }), actor!.email);
      });
      return (await findAttached(db, id))!;
    },

    async remove(actor: Actor | null, id: number): Promise<AttachedKpi> {
      return db.transaction().execute(async (trx) => {
        const k = await ownedOrThrow(actor, id, trx);
        await releaseKpiOfAttached(trx, k.id, actor!.email);
        await deleteAttached(trx, k, actor!.email);
        return k;
      });
    },

    history: (id: number): Promise<AuditRecord[]> => listAudit(db, ATTACHED_ENTITY, String(id)),
  };
}

export type AttachedKpisService = ReturnType<typeof createAttachedKpisService>;

export type { AttachedKpi } from '../../store/kpi-library.repository.js';
