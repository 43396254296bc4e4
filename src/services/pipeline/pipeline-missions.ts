// Missions and outcomes on pipeline entries (issue 7 item 2; docs/pipeline.md "Missions and outcomes"): an editor
// tags an entry with mission and outcome ids from the standard effective for its buyer (national, the buyer's
// region, the buyer's own tier: docs/missions.md). An outcome brings its mission. Saved like any entry change:
// the version the editor saw is checked (CONFLICT otherwise), and the entry, its change-log row and an audit row
// are written in one transaction.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import { missionTags, type MissionTags } from '../../domain/pipeline.js';
import { findEntry, insertChange, updateEntryMissions } from '../../store/pipeline.repository.js';
import { assertCan, type Actor } from '../authz.js';
import { list } from '../kpis/kpi-input.js';
import { InputProblems, type Problem } from '../missions/standards-input.js';
import type { StandardsService } from '../missions/standards.service.js';
import { PIPELINE_ENTITY } from './pipeline.service.js';

export { missionTags, type MissionTags } from '../../domain/pipeline.js';

export function createPipelineMissionsService({
  db,
  standards,
}: {
  db: Kysely<Database>;
  standards: StandardsService;
}) {
  /** The buyer's effective missions with their active outcomes (what an entry may be tagged with). */
  async function choices(organisationId: number) {
    const { standard } = await standards.effective({ org: organisationId });
    return standard.missions.map((m) => ({
      id: m.id,
      name: m.name,
      outcomes: m.outcomes.filter((o) => o.status === 'active').map((o) => ({ id: o.id, name: o.name })),
    }));
  }

  /** Names for the tags on an entry (ids no longer in the standard are shown as they are). */
  async function describe(organisationId: number, stored: unknown) {
    const tags = missionTags(stored);
    const missions = await choices(organisationId);
    const outcomes = new Map(missions.flatMap((m) => m.outcomes.map((o) => [o.id, o.name])));
    return {
      missions: tags.missionIds.map((id) => ({ id, name: missions.find((m) => m.id === id)?.name ?? id })),
      outcomes: tags.outcomeIds.map((id) => ({ id, name: outcomes.get(id) ?? id })),
    };
  }

  return {
    choices,
    describe,

    /** The entry and what it may be tagged with (its buyer's editors only). */
    async form(actor: Actor | null, entryId: number) {
      const e = await findEntry(db, entryId);
      if (!e) throw new AppError('NOT_FOUND', `There is no pipeline entry ${entryId}`);
      assertCan(actor, 'pipeline.edit', { organisationId: e.organisationId });
      return { entry: e, tags: missionTags(e.missions), choices: await choices(e.organisationId) };
    },

    /** Sets the entry's tags (replacing them) from the version the editor saw. */
    async save(actor: Actor | null, entryId: number, version: number, raw: Record<string, unknown>) {
      if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
      const first = await findEntry(db, entryId);
      if (!first) throw new AppError('NOT_FOUND', `There is no pipeline entry ${entryId}`);
      assertCan(actor, 'pipeline.edit', { organisationId: first.organisationId });
      const missions = await choices(first.organisationId);
      const missionOf = new Map(missions.flatMap((m) => m.outcomes.map((o) => [o.id, m.id])));
      const outcomeIds = list(raw, 'outcomeIds');
      const chosen = list(raw, 'missionIds');
      const problems: Problem[] = [
        ...chosen
          .filter((id) => !missions.some((m) => m.id === id))
          .map((id) => ({ field: 'missionIds', message: `${id} is not a mission of this buyer’s standard` })),
        ...outcomeIds
          .filter((id) => !missionOf.has(id))
          .map((id) => ({
            field: 'outcomeIds',
            message: `${id} is not an active outcome of this buyer’s standard`,
          })),
      ];
      if (problems.length > 0) throw new InputProblems(problems);
      const wanted = new Set([...chosen, ...outcomeIds.map((o) => missionOf.get(o)!)]);
      const tags: MissionTags = {
        // Catalogue order, so the same tags always read (and diff) the same.
        missionIds: missions.map((m) => m.id).filter((id) => wanted.has(id)),
        outcomeIds: missions
          .flatMap((m) => m.outcomes.map((o) => o.id))
          .filter((id) => outcomeIds.includes(id)),
      };
      await db.transaction().execute(async (trx) => {
        const e = await findEntry(trx, entryId, { forUpdate: true });
        if (!e) throw new AppError('NOT_FOUND', `There is no pipeline entry ${entryId}`);
        if (e.version !== version)
          throw new AppError(
            'CONFLICT',
            `This entry was changed by ${e.updatedBy} after you opened it (you had version ${version}; it is now ` +
              `version ${e.version}). Nothing was saved: open the latest version and tag it again.`,
          );
        const before = missionTags(e.missions);
        if (JSON.stringify(before) === JSON.stringify(tags)) return;
        const next = e.version + 1;
        await updateEntryMissions(trx, entryId, tags, next, actor.email);
        await insertChange(trx, {
          entryId,
          organisationId: e.organisationId,
          version: next,
          actor: actor.email,
          action: 'updated',
          changes: [{ field: 'missions', before, after: tags }],
          published: e.published,
        });
        await writeAudit(trx, {
          actor: actor.email,
          action: 'pipeline.missions',
          entityType: PIPELINE_ENTITY,
          entityId: String(entryId),
          before: { missions: before, version: e.version, organisationId: e.organisationId },
          after: { missions: tags, version: next, organisationId: e.organisationId },
        });
      });
      return (await findEntry(db, entryId))!;
    },
  };
}

export type PipelineMissionsService = ReturnType<typeof createPipelineMissionsService>;
