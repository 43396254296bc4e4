// Mission market opportunities (issue 7, item 4; docs/opportunities.md). A buyer's editors (opportunity.publish)
// write problem statements, draft → published → closed; anyone reads published and closed ones; suppliers register
// interest in a published one through the public form (validated, spam-checked: interest-input.ts); only the
// publishing organisation's editors (opportunity.interest.read) read that interest. Every change writes its
// audit_log row in the same transaction.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canMoveOpportunity, OPPORTUNITY_STATUS_LABELS } from '../../domain/opportunity.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  findOpportunity,
  insertInterest,
  insertOpportunity,
  listInterest,
  listOpportunities,
  signingKey,
  updateOpportunity,
  type InterestRecord,
  type OpportunityRecord,
} from '../../store/opportunity.repository.js';
import { findItem } from '../../store/standards.repository.js';
import { entityHistory, type AuditEntryView } from '../audit.service.js';
import { assertCan, can, type Actor } from '../authz.js';
import { loadMissionReference, type MissionReference } from '../missions/reference.js';
import { organisationOrThrow } from '../quality-common.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { parseInterestInput, type InterestInputRaw } from './interest-input.js';
import {
  idList,
  OPPORTUNITY_PAGE_SIZE,
  parseOpportunityInput,
  parseOpportunityQuery,
  type Catalogue,
  type OpportunityInputRaw,
  type OpportunityQueryInput,
} from './opportunity-input.js';
import { interestCsv } from './interest-csv.js';

export const OPPORTUNITY_ENTITY = 'opportunity';
export const INTEREST_ENTITY = 'opportunity-interest';
const KEY_NAME = 'opportunity-interest';
/** Entries in an Atom feed. */
export const FEED_SIZE = 50;

export interface OpportunityPage {
  items: OpportunityRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OpportunityServiceDeps {
  db: Kysely<Database>;
  reference?: MissionReference;
  now?: () => number;
}

const notFound = (id: number | string) => new AppError('NOT_FOUND', `There is no opportunity ${id}`);

export function createOpportunitiesService({
  db,
  reference,
  now = () => Date.now(),
}: OpportunityServiceDeps) {
  const ref = (): MissionReference => reference ?? loadMissionReference();
  const missionIds = () => new Set(ref().national.missions.map((m) => m.id));
  let key: Promise<Buffer> | undefined;
  const formKey = () => (key ??= signingKey(db, KEY_NAME, randomBytes(32)));

  /** The missions, and the mission of each sent outcome the catalogue holds (national, or a live regional one). */
  async function catalogue(raw: OpportunityInputRaw): Promise<Catalogue> {
    const outcomes = new Map<string, string>();
    const national = new Map(ref().national.outcomes.map((o) => [o.id, o.missionId]));
    for (const id of idList(raw.outcomeIds).slice(0, 50)) {
      const mission = national.get(id);
      if (mission !== undefined) outcomes.set(id, mission);
      else {
        const item = await findItem(db, id);
        if (item?.kind === 'outcome' && item.status === 'active') outcomes.set(id, item.parent_id);
      }
    }
    return { missions: missionIds(), outcomes };
  }

  async function readable(actor: Actor | null, id: number): Promise<OpportunityRecord> {
    const o = await findOpportunity(db, id);
    if (
      !o ||
      (o.status === 'draft' && !can(actor, 'organisation.read', { organisationId: o.organisationId }))
    )
      throw notFound(id);
    return o;
  }

  return {
    mayPublish: (actor: Actor | null, organisationId: number) =>
      can(actor, 'opportunity.publish', { organisationId }),
    mayReadInterest: (actor: Actor | null, organisationId: number) =>
      can(actor, 'opportunity.interest.read', { organisationId }),

    /** The missions and national outcomes, for forms and filters. */
    catalogue: () => ({ missions: ref().national.missions, outcomes: ref().national.outcomes }),

    /** Published and closed opportunities, filtered (BAD_REQUEST for a bad filter). */
    async list(
      input: OpportunityQueryInput,
    ): Promise<OpportunityPage & { query: ReturnType<typeof parseOpportunityQuery> }> {
      const query = parseOpportunityQuery(input, missionIds());
      const { rows, total } = await listOpportunities(
        db,
        {
          statuses: query.statuses,
          ...(query.missionId ? { missionId: query.missionId } : {}),
          ...(query.region ? { region: query.region } : {}),
        },
        query.sort,
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items: rows, total, page: query.page, pageSize: query.pageSize, query };
    },

    /** An organisation's opportunities: drafts too for its members (and central), else what the public sees. */
    async forOrganisation(actor: Actor | null, organisationId: number, page = 1) {
      const org = await organisationOrThrow(db, organisationId);
      const members = can(actor, 'organisation.read', { organisationId });
      const { rows, total } = await listOpportunities(
        db,
        { organisationId, statuses: members ? ['draft', 'published', 'closed'] : ['published', 'closed'] },
        'published',
        { limit: OPPORTUNITY_PAGE_SIZE, offset: (page - 1) * OPPORTUNITY_PAGE_SIZE },
      );
      return {
        organisation: { id: org.id, name: org.name },
        items: rows,
        total,
        page,
        pageSize: OPPORTUNITY_PAGE_SIZE,
        mayPublish: can(actor, 'opportunity.publish', { organisationId }),
        mayReadInterest: can(actor, 'opportunity.interest.read', { organisationId }),
      };
    },

    /** The newest published and closed opportunities, for the Atom feed (all, or one mission's). */
    async feed(missionId?: string): Promise<OpportunityRecord[]> {
      if (missionId !== undefined && !missionIds().has(missionId))
        throw new AppError('NOT_FOUND', `There is no mission ${missionId}`);
      const { rows } = await listOpportunities(
        db,
        { statuses: ['published', 'closed'], ...(missionId ? { missionId } : {}) },
        'published',
        { limit: FEED_SIZE, offset: 0 },
      );
      return rows;
    },

    /** One opportunity: published and closed ones to anyone, drafts to the organisation's members. */
    get: readable,

    async create(
      actor: Actor | null,
      organisationId: number,
      raw: OpportunityInputRaw,
    ): Promise<OpportunityRecord> {
      assertCan(actor, 'opportunity.publish', { organisationId });
      await organisationOrThrow(db, organisationId);
      const fields = parseOpportunityInput(raw, await catalogue(raw));
      const id = await db.transaction().execute(async (tx) => {
        const newId = await insertOpportunity(tx, organisationId, fields, actor.email);
        const after = await findOpportunity(tx, newId);
        await writeAudit(tx, {
          actor: actor.email,
          action: 'create',
          entityType: OPPORTUNITY_ENTITY,
          entityId: String(newId),
          before: null,
          after,
        });
        return newId;
      });
      return (await findOpportunity(db, id))!;
    },

    /**
     * Changes an opportunity from the version the editor saw: CONFLICT when another save came first, BAD_REQUEST
     * for a status it cannot move to (closed is final; published never returns to draft).
     */
    async update(
      actor: Actor | null,
      id: number,
      version: number,
      raw: OpportunityInputRaw,
    ): Promise<OpportunityRecord> {
      const current = await findOpportunity(db, id);
      if (!current) throw notFound(id);
      assertCan(actor, 'opportunity.publish', { organisationId: current.organisationId });
      const fields = parseOpportunityInput({ status: current.status, ...raw }, await catalogue(raw));
      await db.transaction().execute(async (tx) => {
        const before = (await findOpportunity(tx, id, { forUpdate: true }))!;
        if (before.version !== version)
          throw new AppError(
            'CONFLICT',
            `Someone else changed this opportunity (${before.updatedBy}) after you opened it: your changes were not saved`,
          );
        if (!canMoveOpportunity(before.status, fields.status))
          throw new AppError(
            'BAD_REQUEST',
            `status: cannot go from ${OPPORTUNITY_STATUS_LABELS[before.status].toLowerCase()} to ${OPPORTUNITY_STATUS_LABELS[fields.status].toLowerCase()}`,
          );
        await updateOpportunity(tx, id, fields, actor.email);
        await writeAudit(tx, {
          actor: actor.email,
          action: before.status === fields.status ? 'update' : fields.status,
          entityType: OPPORTUNITY_ENTITY,
          entityId: String(id),
          before,
          after: await findOpportunity(tx, id),
        });
      });
      return (await findOpportunity(db, id))!;
    },

    /** The token the public interest form carries (form-token.ts). */
    /** An opportunity's audit history, newest first: for those who may publish the organisation's opportunities. */
    async history(actor: Actor | null, id: number): Promise<AuditEntryView[]> {
      const o = await readable(actor, id);
      assertCan(actor, 'opportunity.publish', { organisationId: o.organisationId });
      return entityHistory(db, OPPORTUNITY_ENTITY, id);
    },

    async formToken(opportunityId: number, at = now()): Promise<string> {
      return issueFormToken(await formKey(), opportunityId, at);
    },

    /**
     * A supplier registers interest in a published opportunity (anyone, signed in or not). The honeypot and the
     * form token are checked first; the row and its audit entry are written together.
     */
    async registerInterest(id: number, raw: InterestInputRaw): Promise<{ id: number }> {
      const o = await findOpportunity(db, id);
      if (!o || o.status === 'draft') throw notFound(id);
      if (o.status === 'closed')
        throw new AppError(
          'CONFLICT',
          'This opportunity has closed: it no longer takes registrations of interest',
        );
      const fields = parseInterestInput(raw, checkFormToken(await formKey(), id, raw.formToken, now()));
      return db.transaction().execute(async (tx) => {
        const interestId = await insertInterest(tx, o, fields);
        await writeAudit(tx, {
          actor: `supplier:${fields.email}`,
          action: 'register',
          entityType: INTEREST_ENTITY,
          entityId: String(interestId),
          before: null,
          after: { opportunityId: id, organisationId: o.organisationId, ...fields },
        });
        return { id: interestId };
      });
    },

    /** The interest registered in one of an organisation's opportunities: its editors (and admins) only. */
    async interest(
      actor: Actor | null,
      organisationId: number,
      opportunityId: number,
    ): Promise<{ opportunity: OpportunityRecord; items: InterestRecord[] }> {
      assertCan(actor, 'opportunity.interest.read', { organisationId });
      const o = await findOpportunity(db, opportunityId);
      if (!o || o.organisationId !== organisationId) throw notFound(opportunityId);
      return { opportunity: o, items: await listInterest(db, organisationId, opportunityId) };
    },

    async interestCsv(actor: Actor | null, organisationId: number, opportunityId: number): Promise<string> {
      const { items } = await this.interest(actor, organisationId, opportunityId);
      return interestCsv(items);
    },
  };
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
export type { InterestRecord, OpportunityRecord } from '../../store/opportunity.repository.js';
export { OPPORTUNITY_SORTS } from '../../store/opportunity.repository.js';
