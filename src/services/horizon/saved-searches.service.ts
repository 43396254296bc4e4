// Saved horizon searches and their alerts (issue 6, item 1; docs/saved-searches.md). A signed-in user saves the
// scan's filters under a name, lists, renames and deletes them, follows each as an Atom feed through an unguessable
// token, and sees what is new since they last looked. Every use of a search goes through `savedSearch.manage`
// (authz.ts): only its owner reaches it. The feed is read by token alone (feed readers have no session).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  alertReasons,
  countHorizonAlerts,
  findHorizonAlerts,
  windowEnd,
  type AlertReason,
  type AlertScope,
} from '../../analytics/horizon/index.js';
import { leadTimesOn, ukDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import {
  countSavedSearches,
  deleteSavedSearch,
  findSavedSearch,
  findSavedSearchByFeedToken,
  horizonWrittenAt,
  insertSavedSearch,
  listSavedSearches,
  nameTaken,
  saveAlertCount,
  updateSavedSearch,
  type SavedSearchRecord,
} from '../../store/saved-search.repository.js';
import { assertCan, type Actor } from '../authz.js';
import { horizonScope, type HorizonQuery, type HorizonQueryInput } from './horizon-query.js';
import {
  SAVED_SEARCH_LIMIT,
  horizonQueryOf,
  parseSavedSearchName,
  savedQueryString,
  throwProblems,
  toSavedQuery,
  type SavedQuery,
} from './saved-search-input.js';

export interface SavedSearchDeps {
  db: Kysely<Database>;
  now?: () => Date;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: SavedQuery;
  /** The /horizon page's query string for it (no "?"). */
  queryString: string;
  /** The Atom feed's secret path segment. */
  feedToken: string;
  createdAt: string;
  updatedAt: string;
  seenAt: string;
  seenDay: Day;
  /** Alerts since last seen (as counted for the header). */
  alerts: number;
}

export interface SavedSearchAlert {
  /** The process; null for a contract-register row. */
  ocid: string | null;
  registerContractId: number | null;
  title: string | null;
  buyer: { id: number; name: string } | null;
  /** The date that counts today (end, or latest possible end). */
  horizonDay: Day;
  decisionDueBy: Day;
  valueGbp: string | null;
  reasons: AlertReason[];
}

export interface SavedSearchAlerts {
  search: SavedSearch;
  asOf: Day;
  total: number;
  page: number;
  pageSize: number;
  items: SavedSearchAlert[];
}

export const ALERTS_PAGE_SIZE = 50;
export const ALERTS_MAX_PAGE = 1000;

const newFeedToken = () => randomBytes(32).toString('base64url');

export function createSavedSearchService({ db, now = () => new Date() }: SavedSearchDeps) {
  const today = (): Day => ukDay(now())!;

  const view = (s: SavedSearchRecord): SavedSearch => ({
    id: s.id,
    name: s.name,
    query: s.query,
    queryString: savedQueryString(s.query),
    feedToken: s.feedToken,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    seenAt: s.seenAt.toISOString(),
    seenDay: s.seenDay,
    alerts: s.alertCount ?? 0,
  });

  /** The search, when the actor may use it (its owner); NOT_FOUND when there is none. */
  async function owned(actor: Actor | null, id: number): Promise<SavedSearchRecord> {
    assertCan(actor, 'savedSearch.manage', { ownerUserId: actor?.userId }); // signed in at all
    const s = await findSavedSearch(db, id);
    if (!s) throw new AppError('NOT_FOUND', `There is no saved search ${id}`);
    assertCan(actor, 'savedSearch.manage', { ownerUserId: s.userId });
    return s;
  }

  const alertScope = (s: SavedSearchRecord, asOf: Day): { scope: AlertScope; query: HorizonQuery } => {
    const query = horizonQueryOf(s.query);
    return {
      query,
      scope: {
        scope: horizonScope(query, asOf),
        months: query.months,
        policy: leadTimesOn(asOf).value,
        seenAt: s.seenAt,
        seenDay: s.seenDay,
      },
    };
  };

  /**
   * Brings the stored alert counts up to date: a count is stale when it was worked out on an earlier day (the
   * window and decision dates move daily) or before the horizon rows last changed. Fresh counts cost one read.
   */
  async function refreshCounts(searches: SavedSearchRecord[]): Promise<SavedSearchRecord[]> {
    if (searches.length === 0) return searches;
    const day = today();
    const written = await horizonWrittenAt(db);
    const stale = (s: SavedSearchRecord) =>
      s.alertCount === null ||
      s.alertCountedAt === null ||
      s.alertCountedDay !== day ||
      (written !== null && written > s.alertCountedAt);
    return Promise.all(
      searches.map(async (s) => {
        if (!stale(s)) return s;
        const at = now();
        const count = await countHorizonAlerts(db, alertScope(s, day).scope);
        await saveAlertCount(db, s.id, count, at, day);
        return { ...s, alertCount: count, alertCountedAt: at, alertCountedDay: day };
      }),
    );
  }

  return {
    /** The actor's searches by name, with their alert counts. */
    async list(actor: Actor | null): Promise<SavedSearch[]> {
      assertCan(actor, 'savedSearch.manage', { ownerUserId: actor?.userId });
      return (await refreshCounts(await listSavedSearches(db, actor.userId))).map(view);
    },

    async get(actor: Actor | null, id: number): Promise<SavedSearch> {
      const [s] = await refreshCounts([await owned(actor, id)]);
      return view(s!);
    },

    /** Saves the scan's query under a name: BAD_REQUEST for a bad name or query, CONFLICT at the limit or for a name in use. */
    async create(
      actor: Actor | null,
      input: { name: unknown; query: HorizonQueryInput },
    ): Promise<SavedSearch> {
      assertCan(actor, 'savedSearch.manage', { ownerUserId: actor?.userId });
      const { name, problem } = parseSavedSearchName(input.name);
      const { query, problems } = toSavedQuery(input.query);
      if (problem || problems.length > 0) throwProblems([...(problem ? [problem] : []), ...problems]);
      if ((await countSavedSearches(db, actor.userId)) >= SAVED_SEARCH_LIMIT)
        throw new AppError(
          'CONFLICT',
          `You can keep up to ${SAVED_SEARCH_LIMIT} saved searches: delete one to save another`,
        );
      if (await nameTaken(db, actor.userId, name))
        throw new AppError('CONFLICT', `You already have a saved search called ${name}`);
      const at = now();
      try {
        const s = await insertSavedSearch(
          db,
          { userId: actor.userId, name, query, feedToken: newFeedToken(), now: at, today: today() },
          actor.email,
        );
        return view(s);
      } catch (e) {
        if ((e as { code?: string }).code === '23505')
          throw new AppError('CONFLICT', `You already have a saved search called ${name}`, { cause: e });
        throw e;
      }
    },

    async rename(actor: Actor | null, id: number, rawName: unknown): Promise<SavedSearch> {
      const s = await owned(actor, id);
      const { name, problem } = parseSavedSearchName(rawName);
      if (problem) throwProblems([problem]);
      if (await nameTaken(db, s.userId, name, s.id))
        throw new AppError('CONFLICT', `You already have a saved search called ${name}`);
      return view(await updateSavedSearch(db, s, { kind: 'rename', name }, now(), actor!.email));
    },

    async remove(actor: Actor | null, id: number): Promise<void> {
      const s = await owned(actor, id);
      await deleteSavedSearch(db, s, actor!.email);
    },

    /** A new feed token: the old feed address stops working at once. */
    async regenerateFeedToken(actor: Actor | null, id: number): Promise<SavedSearch> {
      const s = await owned(actor, id);
      const change = { kind: 'feed-token', feedToken: newFeedToken() } as const;
      return view(await updateSavedSearch(db, s, change, now(), actor!.email));
    },

    /** Marks one search seen now: its alerts start again from here. */
    async markSeen(actor: Actor | null, id: number): Promise<SavedSearch> {
      const s = await owned(actor, id);
      const at = now();
      const change = { kind: 'seen', seenAt: at, seenDay: today() } as const;
      return view(await updateSavedSearch(db, s, change, at, actor!.email));
    },

    /** Marks every search of the actor seen. */
    async markAllSeen(actor: Actor | null): Promise<number> {
      assertCan(actor, 'savedSearch.manage', { ownerUserId: actor?.userId });
      const searches = await listSavedSearches(db, actor.userId);
      const at = now();
      for (const s of searches)
        await updateSavedSearch(db, s, { kind: 'seen', seenAt: at, seenDay: today() }, at, actor.email);
      return searches.length;
    },

    /** A page of one search's alerts, soonest decision first. */
    async alerts(
      actor: Actor | null,
      id: number,
      page = 1,
      pageSize = ALERTS_PAGE_SIZE,
    ): Promise<SavedSearchAlerts> {
      if (!Number.isInteger(page) || page < 1 || page > ALERTS_MAX_PAGE)
        throw new AppError('BAD_REQUEST', `page: Page must be a whole number from 1 to ${ALERTS_MAX_PAGE}`);
      const [s] = await refreshCounts([await owned(actor, id)]);
      const asOf = today();
      const { scope } = alertScope(s!, asOf);
      const rows = await findHorizonAlerts(db, scope, { limit: pageSize, offset: (page - 1) * pageSize });
      return {
        search: view(s!),
        asOf,
        total: s!.alertCount ?? 0,
        page,
        pageSize,
        items: rows.map((r) => ({
          ocid: r.ocid,
          registerContractId: r.register_contract_id,
          title: r.title,
          buyer: r.buyer_id === null ? null : { id: r.buyer_id, name: r.buyer_name ?? '' },
          horizonDay: r.horizon_day,
          decisionDueBy: r.decision_due,
          valueGbp: r.gbp_value,
          reasons: alertReasons(r),
        })),
      };
    },

    /** The header's count: alerts across the actor's searches (0 when signed out). */
    async alertCount(actor: Actor | null): Promise<number> {
      if (actor === null) return 0;
      const searches = await refreshCounts(await listSavedSearches(db, actor.userId));
      return searches.reduce((n, s) => n + (s.alertCount ?? 0), 0);
    },

    /** The search behind a feed token and its scan query (as of today); NOT_FOUND for an unknown or revoked token. */
    async byFeedToken(token: string): Promise<{ name: string; saved: SavedQuery; query: HorizonQuery }> {
      const s = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findSavedSearchByFeedToken(db, token) : null;
      if (!s) throw new AppError('NOT_FOUND', 'There is no saved-search feed at this address');
      return { name: s.name, saved: s.query, query: horizonQueryOf(s.query) };
    },

    /** Today's window end for a search (for the page's wording). */
    windowEndOf: (s: SavedSearch): Day => windowEnd(today(), horizonQueryOf(s.query).months),
  };
}

export type SavedSearchService = ReturnType<typeof createSavedSearchService>;
