// The KPI library as use cases (docs/kpi-library.md): search and read templates (the starter set in
// data/reference/kpi-library overlaid by items added or edited in the app), and — for the central team and admins
// (authz action kpiLibrary.edit) — add and edit them. An edit names the version it was made from (CONFLICT when
// someone saved since), keeps the id's meaning (direction and unit are fixed: add a new item instead) and is
// versioned and audited in one transaction.
import type { Kysely } from 'kysely';
import {
  missionsOf,
  searchLibrary,
  type KpiTemplate,
  type LibraryFilters,
} from '../../domain/kpi-library.js';
import { slugify } from '../../domain/missions/identifiers.js';
import { AppError } from '../../errors.js';
import { listAudit, type AuditRecord } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  findTemplate,
  listTemplates,
  saveTemplate,
  TEMPLATE_ENTITY,
} from '../../store/kpi-library.repository.js';
import { assertCan, can, type Actor } from '../authz.js';
import { loadMissionReference, type MissionReference } from '../missions/reference.js';
import { InputProblems } from '../missions/standards-input.js';
import { readTemplate } from './kpi-input.js';
import { loadStarterSet } from './library-reference.js';

export const LIBRARY_PAGE_SIZE = 20;
export const LIBRARY_MAX_PAGE_SIZE = 100;

export interface LibraryItem {
  template: KpiTemplate;
  version: number;
  /** From the starter set (possibly edited since). */
  seeded: boolean;
  missionIds: string[];
  updatedBy: string | null;
}

export interface LibraryPage {
  items: LibraryItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** An item as JSON (the API and `missionbuy kpis library --json`): the template's fields with its version. */
export const libraryItemJson = (i: LibraryItem) => ({
  ...i.template,
  version: i.version,
  seeded: i.seeded,
  missionIds: i.missionIds,
});

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export function createKpiLibraryService({
  db,
  reference,
}: {
  db: Kysely<Database>;
  reference?: MissionReference;
}) {
  const ref = () => reference ?? loadMissionReference();
  const missionOf = (outcomeId: string) => ref().national.outcomes.find((o) => o.id === outcomeId)?.missionId;
  const item = (template: KpiTemplate, version: number, seeded: boolean, by: string | null): LibraryItem => ({
    template,
    version,
    seeded,
    missionIds: missionsOf(template, missionOf),
    updatedBy: by,
  });

  /** Every item: the starter set with stored versions in place of starter items, then items added in the app. */
  async function all(): Promise<LibraryItem[]> {
    const stored = new Map((await listTemplates(db)).map((s) => [s.template.id, s]));
    const seeds = loadStarterSet(ref().national);
    const seedIds = new Set(seeds.map((t) => t.id));
    return [
      ...seeds.map((t) => {
        const s = stored.get(t.id);
        return s ? item(s.template, s.version, true, s.updatedBy) : item(t, 1, true, null);
      }),
      ...[...stored.values()]
        .filter((s) => !seedIds.has(s.template.id))
        .map((s) => item(s.template, s.version, false, s.updatedBy)),
    ];
  }

  async function get(id: string): Promise<LibraryItem> {
    const found = (await all()).find((i) => i.template.id === id);
    if (!found) throw new AppError('NOT_FOUND', `There is no KPI template ${id}`);
    return found;
  }

  const outcomeIds = () => new Set(ref().national.outcomes.map((o) => o.id));

  return {
    mayEdit: (actor: Actor | null): boolean => can(actor, 'kpiLibrary.edit'),
    missions: () => ref().national.missions,
    outcomes: () => ref().national.outcomes,
    all,
    get,

    /** Templates matching the filters, a page at a time (the library is hundreds of items: searched in memory). */
    async search(f: LibraryFilters, paging: { page?: number; pageSize?: number } = {}): Promise<LibraryPage> {
      const items = await all();
      const byId = new Map(items.map((i) => [i.template.id, i]));
      const hits = searchLibrary(
        items.map((i) => i.template),
        f,
        missionOf,
      );
      const pageSize = Math.min(
        LIBRARY_MAX_PAGE_SIZE,
        Math.max(1, Math.floor(paging.pageSize ?? LIBRARY_PAGE_SIZE)),
      );
      const page = Math.max(1, Math.floor(paging.page ?? 1));
      return {
        items: hits.slice((page - 1) * pageSize, page * pageSize).map((t) => byId.get(t.id)!),
        total: hits.length,
        page,
        pageSize,
      };
    },

    /** Adds a template (`kpi.custom.<slug>`; ids are never reused). */
    async create(actor: Actor | null, raw: Record<string, unknown>): Promise<LibraryItem> {
      assertCan(actor, 'kpiLibrary.edit');
      const fields = readTemplate(raw, outcomeIds());
      const slug = slugify(typeof raw.slug === 'string' && raw.slug.trim() ? raw.slug : fields.name);
      const id = `kpi.custom.${slug}`;
      if ((await all()).some((i) => i.template.id === id) || (await findTemplate(db, id)))
        throw new InputProblems([
          { field: 'name', message: `The identifier ${id} is taken: choose another name` },
        ]);
      const t: KpiTemplate = { id, ...fields, template: true, status: 'active' };
      try {
        await db.transaction().execute((trx) => saveTemplate(trx, t, 1, false, actor.email, null));
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${id} was added by someone else just now`);
        throw e;
      }
      return get(id);
    },

    /** Saves a new version of a template made from `version`; `status` may retire or restore it. */
    async update(
      actor: Actor | null,
      id: string,
      version: number,
      raw: Record<string, unknown>,
    ): Promise<LibraryItem> {
      assertCan(actor, 'kpiLibrary.edit');
      const fields = readTemplate(raw, outcomeIds());
      const status = raw.status === 'retired' ? 'retired' : raw.status === 'active' ? 'active' : undefined;
      try {
        await db.transaction().execute(async (trx) => {
          const stored = await findTemplate(trx, id, { forUpdate: true });
          const current = stored ? item(stored.template, stored.version, stored.seeded, null) : await get(id);
          if (current.version !== version)
            throw new AppError(
              'CONFLICT',
              `${id} was changed after you opened it (you had version ${version}; it is now version ` +
                `${current.version}). Nothing was saved: open the latest version and make your changes again.`,
            );
          const was = current.template;
          const meaning = (['direction', 'unit'] as const).filter((k) => was[k] !== fields[k]);
          if (meaning.length > 0)
            throw new InputProblems(
              meaning.map((k) => ({
                field: k,
                message: `Changing the ${k} would change what ${id} means: add a new template instead`,
              })),
            );
          const next: KpiTemplate = { id, ...fields, template: true, status: status ?? was.status };
          await saveTemplate(trx, next, version + 1, current.seeded, actor.email, {
            template: was,
            version,
            stored: stored !== undefined,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', `${id} was changed by someone else just now`);
        throw e;
      }
      return get(id);
    },

    /** A template's change history, newest first (the starter version is the file itself). */
    history: (id: string): Promise<AuditRecord[]> => listAudit(db, TEMPLATE_ENTITY, id),
  };
}

export type KpiLibraryService = ReturnType<typeof createKpiLibraryService>;

export type { AuditRecord } from '../../store/audit.repository.js';
