// Data-quality scorecards (issue 5, item 2): one organisation's scorecard with its accountable officer, trend and
// peers; the league table across buyers; naming the accountable officer (validated, audited). Scores are computed
// from the checks as of a day (default: today in the UK); the formula is in docs/quality-checks.md. Today's come
// from the stored snapshot (quality-refresh.ts), any other day's are computed live.
import type { Kysely } from 'kysely';
import { runQualityChecks, type QualityScope } from '../analytics/quality/index.js';
import {
  addResults,
  comparePeers,
  newTallies,
  quarterEnds,
  scoreChecks,
  type CheckScore,
  type CheckTally,
  type OrganisationScore,
  type PeerComparison,
  type Tallies,
} from '../analytics/quality/scorecard.js';
import { ukDay, type Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { findOfficer, saveOfficer, type Officer } from '../store/officer.repository.js';
import { findOrganisationsByIds } from '../store/organisation-read.repository.js';
import {
  storedBuyerTypes,
  storedFailures,
  storedLeague,
  storedPeerScores,
  storedScores,
  storedTallies,
} from '../store/quality-read.repository.js';
import { dayOrToday, organisationOrThrow as orgOrThrow } from './quality-common.js';
import { leagueCsv } from './quality-csv.js';
import {
  parseLeagueQuery,
  parseOfficerInput,
  type LeagueQuery,
  type LeagueQueryInput,
  type OfficerInputRaw,
} from './quality-input.js';
import {
  buyerTypesOf,
  checkBuyerType,
  rankLeague,
  type BuyerTypeCount,
  type LeagueRow,
} from './quality-league.js';
import { refreshQuality, snapshotAnswers, TREND_QUARTERS, type RefreshSummary } from './quality-refresh.js';

export { TREND_QUARTERS };
export type { LeagueRow };

export interface QualityDeps {
  db: Kysely<Database>;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
  pageSize?: number;
}

export interface League {
  asOf: Day;
  items: LeagueRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: LeagueQuery['sort'];
  order: LeagueQuery['order'];
  /** The buyer-type filter applied, or null. */
  buyerType: string | null;
  /** The buyer types of the scored organisations (for a filter), with how many organisations have each. */
  buyerTypes: BuyerTypeCount[];
}

export interface Scorecard extends OrganisationScore {
  asOf: Day;
  organisation: { id: number; name: string; buyerType: string | null };
  officer: Officer | null;
  checks: CheckScore[];
  trend: { quarter: string; asOf: Day; score: number | null }[];
  peers: PeerComparison & { buyerType: string | null };
}

type Org = { id: number; buyer_type: string | null };

export function createQualityService(deps: QualityDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const pageSize = deps.pageSize ?? 500;

  const dayOrThrow = (asOf: string | undefined): Day => dayOrToday(asOf, today);
  const organisationOrThrow = (id: number) => orgOrThrow(db, id);

  async function tally(scope: QualityScope, asOf: Day, keepFailing: boolean): Promise<Tallies> {
    const tallies = newTallies();
    for await (const page of runQualityChecks(db, scope, { asOf, pageSize }))
      addResults(tallies, page, keepFailing);
    return tallies;
  }

  /** Every buyer's score as of a day, with its name and buyer type (computed live). */
  async function allScores(asOf: Day) {
    const tallies = await tally({ all: true }, asOf, false);
    const orgs = await findOrganisationsByIds(db, [...tallies.keys()]);
    return orgs.map((o) => ({ org: o, score: scoreChecks(tallies.get(o.id)) }));
  }

  const storedFor = (asOf: Day): Promise<boolean> => snapshotAnswers(db, asOf, today(), pageSize);

  /** Rows of the league (filtered and sorted), a page of them or (limit null) all, with the total and types. */
  async function leagueRows(q: LeagueQuery, limit: number | null, offset: number) {
    const asOf = dayOrThrow(q.asOf);
    if (await storedFor(asOf)) {
      const buyerTypes = await storedBuyerTypes(db, asOf);
      checkBuyerType(q, buyerTypes, asOf);
      const { rows, total } = await storedLeague(db, { ...q, asOf, limit, offset });
      return { asOf, rows, total, buyerTypes };
    }
    const scored = await allScores(asOf);
    const buyerTypes = buyerTypesOf(scored);
    checkBuyerType(q, buyerTypes, asOf);
    const all = rankLeague(scored, q);
    const rows = limit === null ? all.slice(offset) : all.slice(offset, offset + limit);
    return { asOf, rows, total: all.length, buyerTypes };
  }

  /** The scorecard's parts from the stored snapshot. */
  async function storedScorecard(org: Org, asOf: Day) {
    const [tallies, failures, scores] = await Promise.all([
      storedTallies(db, org.id),
      storedFailures(db, org.id),
      storedScores(db, org.id),
    ]);
    const checks = new Map<string, CheckTally>(
      tallies.map((t) => [
        t.check_id,
        {
          passed: t.passed,
          failed: t.failed,
          notComputable: t.not_computable,
          notYetDue: t.not_yet_due,
          outOfScope: t.out_of_scope,
          failingOcids: failures.get(t.check_id)?.ocids ?? [],
          failingSubjects: failures.get(t.check_id)?.subjects ?? [],
        },
      ]),
    );
    return {
      own: scoreChecks(checks),
      trend: quarterEnds(asOf, TREND_QUARTERS).map((q) => ({ ...q, score: scores.get(q.asOf) ?? null })),
      peerScores: org.buyer_type === null ? [] : await storedPeerScores(db, asOf, org.buyer_type, org.id),
    };
  }

  /** The scorecard's parts computed from the contract model as of any day. */
  async function liveScorecard(org: Org, asOf: Day) {
    const own = scoreChecks((await tally({ buyerId: org.id }, asOf, true)).get(org.id));
    const trend = [];
    for (const q of quarterEnds(asOf, TREND_QUARTERS)) {
      const s = scoreChecks((await tally({ buyerId: org.id }, q.asOf, false)).get(org.id));
      trend.push({ ...q, score: s.score });
    }
    const peerScores =
      org.buyer_type === null
        ? []
        : (await allScores(asOf))
            .filter(({ org: o }) => o.id !== org.id && o.buyer_type === org.buyer_type)
            .map(({ score: s }) => s.score);
    return { own, trend, peerScores };
  }

  return {
    parseLeagueQuery,

    async league(input: LeagueQueryInput = {}): Promise<League> {
      const q = parseLeagueQuery(input);
      const { asOf, rows, total, buyerTypes } = await leagueRows(q, q.pageSize, (q.page - 1) * q.pageSize);
      return {
        asOf,
        items: rows,
        total,
        page: q.page,
        pageSize: q.pageSize,
        sort: q.sort,
        order: q.order,
        buyerType: q.buyerType ?? null,
        buyerTypes,
      };
    },

    /** Every row of the league table in the same order and filter (the CSV export); page and pageSize ignored. */
    async leagueAll(input: LeagueQueryInput = {}): Promise<{ asOf: Day; rows: LeagueRow[] }> {
      const { asOf, rows } = await leagueRows(parseLeagueQuery(input), null, 0);
      return { asOf, rows };
    },

    /** The league table as CSV (leagueAll, every row), with scorecard addresses under `baseUrl`. */
    async leagueCsv(
      input: LeagueQueryInput,
      baseUrl: string,
    ): Promise<{ asOf: Day; csv: string; rows: number }> {
      const { asOf, rows } = await leagueRows(parseLeagueQuery(input), null, 0);
      return { asOf, csv: leagueCsv(rows, asOf, baseUrl), rows: rows.length };
    },

    async scorecard(id: number, options: { asOf?: string } = {}): Promise<Scorecard> {
      const asOf = dayOrThrow(options.asOf);
      const org = await organisationOrThrow(id);
      const { own, trend, peerScores } = (await storedFor(asOf))
        ? await storedScorecard(org, asOf)
        : await liveScorecard(org, asOf);
      return {
        asOf,
        organisation: { id: org.id, name: org.name, buyerType: org.buyer_type },
        officer: await findOfficer(db, id),
        ...own,
        trend,
        peers: { buyerType: org.buyer_type, ...comparePeers(own.score, peerScores) },
      };
    },

    /** Brings the stored scores up to date as of today (incremental when the day has not changed). */
    refresh(options: { full?: boolean } = {}): Promise<RefreshSummary> {
      return refreshQuality(db, { asOf: today(), pageSize, ...options });
    },

    async officer(id: number): Promise<Officer | null> {
      await organisationOrThrow(id);
      return findOfficer(db, id);
    },

    /** Names the accountable officer; the change and its audit entry are one transaction. */
    async setOfficer(id: number, input: OfficerInputRaw, actor: string): Promise<Officer> {
      const officer = parseOfficerInput(input);
      if (actor.trim() === '') throw new AppError('BAD_REQUEST', 'who is making the change must be given');
      await organisationOrThrow(id);
      return saveOfficer(db, id, officer, actor.trim());
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
