// Data-quality scorecards (issue 5, item 2): one organisation's scorecard with its accountable officer, trend and
// peers; the league table across buyers; naming the accountable officer (validated, audited). Scores are computed
// from the checks as of a day (default: today in the UK); the formula is in docs/quality-checks.md.
import type { Kysely } from 'kysely';
import {
  addResults,
  comparePeers,
  newTallies,
  quarterEnds,
  scoreChecks,
  type CheckScore,
  type OrganisationScore,
  type PeerComparison,
  type Tallies,
} from '../analytics/quality/scorecard.js';
import { runQualityChecks, type QualityScope } from '../analytics/quality/index.js';
import { isDay, ukDay, type Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { findOfficer, saveOfficer, type Officer } from '../store/officer.repository.js';
import { findOrganisationsByIds } from '../store/organisation-read.repository.js';
import { organisationOrThrow as findOrganisation } from './organisation-lookup.js';
import {
  parseLeagueQuery,
  parseOfficerInput,
  type LeagueQuery,
  type LeagueQueryInput,
  type OfficerInputRaw,
} from './quality-input.js';

/** Quarters in a scorecard's trend. */
export const TREND_QUARTERS = 4;

export interface QualityDeps {
  db: Kysely<Database>;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
  pageSize?: number;
}

export interface LeagueRow {
  /** 1 + the number of organisations with a higher score; null when not scored. */
  rank: number | null;
  id: number;
  name: string;
  buyerType: string | null;
  score: number | null;
  failures: number;
  notComputable: number;
  checksScored: number;
}

export interface League {
  asOf: Day;
  items: LeagueRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: LeagueQuery['sort'];
  order: LeagueQuery['order'];
}

export interface Scorecard extends OrganisationScore {
  asOf: Day;
  organisation: { id: number; name: string; buyerType: string | null };
  officer: Officer | null;
  checks: CheckScore[];
  trend: { quarter: string; asOf: Day; score: number | null }[];
  peers: PeerComparison & { buyerType: string | null };
}

export function createQualityService(deps: QualityDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const pageSize = deps.pageSize ?? 500;

  const dayOrThrow = (asOf: string | undefined): Day => {
    if (asOf === undefined) return today();
    if (!isDay(asOf)) throw new AppError('BAD_REQUEST', `asOf must be a day (YYYY-MM-DD), got "${asOf}"`);
    return asOf;
  };

  async function tally(scope: QualityScope, asOf: Day, keepFailing: boolean): Promise<Tallies> {
    const tallies = newTallies();
    for await (const page of runQualityChecks(db, scope, { asOf, pageSize }))
      addResults(tallies, page, keepFailing);
    return tallies;
  }

  /** Every buyer's score as of a day, with its name and buyer type. */
  async function allScores(asOf: Day) {
    const tallies = await tally({ all: true }, asOf, false);
    const orgs = await findOrganisationsByIds(db, [...tallies.keys()]);
    return orgs.map((o) => ({ org: o, score: scoreChecks(tallies.get(o.id)) }));
  }

  const organisationOrThrow = (id: number) => findOrganisation(db, id);

  return {
    parseLeagueQuery,

    async league(input: LeagueQueryInput = {}): Promise<League> {
      const q = parseLeagueQuery(input);
      const asOf = dayOrThrow(q.asOf);
      const scored = await allScores(asOf);
      const rows: LeagueRow[] = scored.map(({ org, score: s }) => ({
        rank: s.score === null ? null : 1 + scored.filter((o) => (o.score.score ?? -1) > s.score!).length,
        id: org.id,
        name: org.name,
        buyerType: org.buyer_type,
        score: s.score,
        failures: s.failures,
        notComputable: s.notComputable,
        checksScored: s.checksScored,
      }));
      const dir = q.order === 'asc' ? 1 : -1;
      const byName = (a: LeagueRow, b: LeagueRow) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id;
      const compare = (a: LeagueRow, b: LeagueRow): number => {
        if (q.sort === 'name') return dir * byName(a, b);
        const key = q.sort === 'score' ? 'score' : 'failures';
        const x = a[key];
        const y = b[key];
        // Organisations without a score come last whatever the order.
        if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
        return dir * (x - y) || byName(a, b);
      };
      rows.sort(compare);
      const start = (q.page - 1) * q.pageSize;
      return {
        asOf,
        items: rows.slice(start, start + q.pageSize),
        total: rows.length,
        page: q.page,
        pageSize: q.pageSize,
        sort: q.sort,
        order: q.order,
      };
    },

    async scorecard(id: number, options: { asOf?: string } = {}): Promise<Scorecard> {
      const asOf = dayOrThrow(options.asOf);
      const org = await organisationOrThrow(id);
      const own = scoreChecks((await tally({ buyerId: id }, asOf, true)).get(id));
      const trend = [];
      for (const q of quarterEnds(asOf, TREND_QUARTERS)) {
        const s = scoreChecks((await tally({ buyerId: id }, q.asOf, false)).get(id));
        trend.push({ ...q, score: s.score });
      }
      const peerScores =
        org.buyer_type === null
          ? []
          : (await allScores(asOf))
              .filter(({ org: o }) => o.id !== id && o.buyer_type === org.buyer_type)
              .map(({ score: s }) => s.score);
      return {
        asOf,
        organisation: { id: org.id, name: org.name, buyerType: org.buyer_type },
        officer: await findOfficer(db, id),
        ...own,
        trend,
        peers: { buyerType: org.buyer_type, ...comparePeers(own.score, peerScores) },
      };
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
