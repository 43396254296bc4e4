// Collaboration finder use cases (issue 6, item 4): groups of buyers who could buy together, as of a day (default:
// today in the UK), nationally or for one buyer ("who could you buy with?"), and its CSV export. Reads published
// data only: no authorisation. Definitions: docs/collaboration.md. Pages come from the stored summary when it
// answers the question (today's), else from the contracts; the CSV always from the contracts.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  findCollaborationPage,
  findGroupMembers,
  toCollaborationGroup,
  windowLast,
  type CollaborationGroup,
  type CollaborationScope,
  type GroupMemberRow,
} from '../../analytics/collaboration/index.js';
import { leadTimesOn, ukDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import type { CpvLabels } from '../reference/cpv-labels.js';
import { collaborationCsvStream, type CsvGroup } from './collaboration-csv.js';
import { refreshCollaboration } from './summary-refresh.js';
import {
  parseCollaborationQuery,
  type CollaborationQuery,
  type CollaborationQueryInput,
} from './collaboration-query.js';

export interface CollaborationDeps {
  db: Kysely<Database>;
  cpv?: CpvLabels;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
}

export interface CollaborationResult extends Omit<CollaborationQuery, 'asOf'> {
  asOf: Day;
  /** Last day of the window (inclusive): decisions due from asOf to this day. */
  windowEnd: Day;
  /** The buyer asked about, named (per-buyer view). */
  buyer: { id: number; name: string } | null;
  total: number;
  groups: CollaborationGroup[];
}

/** The market's label: the CPV code of the group or class with zeros after it. */
const marketLabel = (cpv: CpvLabels | undefined) => (market: string) =>
  cpv?.label(market.padEnd(8, '0')) ?? null;

export function createCollaborationService(deps: CollaborationDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);

  const scopeOf = (q: CollaborationQuery, asOf: Day): CollaborationScope => ({
    asOf,
    last: windowLast(asOf, q.windowMonths),
    level: q.level,
    policy: leadTimesOn(asOf).value,
    minBuyers: q.minBuyers,
    ...(q.filters.cpv !== undefined ? { cpvPrefix: q.filters.cpv } : {}),
    ...(q.filters.region !== undefined ? { region: q.filters.region } : {}),
    ...(q.filters.buyerId !== undefined ? { buyerId: q.filters.buyerId } : {}),
  });

  return {
    parseQuery: parseCollaborationQuery,

    /** The same, throwing BAD_REQUEST with every problem in the message (API, CLI). */
    queryOrThrow(input: CollaborationQueryInput): CollaborationQuery {
      const { query, problems } = parseCollaborationQuery(input);
      if (problems.length > 0)
        throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
      return query;
    },

    async find(q: CollaborationQuery): Promise<CollaborationResult> {
      const asOf = q.asOf ?? today();
      const scope = scopeOf(q, asOf);
      const id = q.filters.buyerId;
      const [rows, org] = await Promise.all([
        findCollaborationPage(db, scope, {
          sort: q.sort,
          order: q.order,
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        }),
        id === undefined ? Promise.resolve(undefined) : findOrganisationById(db, id),
      ]);
      if (id !== undefined && !org) throw new AppError('NOT_FOUND', `no organisation ${id}`);
      const label = marketLabel(deps.cpv);
      return {
        asOf,
        windowMonths: q.windowMonths,
        windowEnd: scope.last,
        level: q.level,
        minBuyers: q.minBuyers,
        filters: q.filters,
        sort: q.sort,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        buyer: org ? { id: org.id, name: org.name } : null,
        total: rows[0]?.total ?? 0,
        groups: rows.map((r) => toCollaborationGroup(r, q.level, label)),
      };
    },

    /** Rebuilds the stored summary as of today (after a sync; daily). */
    refresh: () => refreshCollaboration(db, today()),

    /** Every group (all pages) with all its contracts as CSV, in the query's order. */
    exportCsv(q: CollaborationQuery, baseUrl: string): Readable {
      const asOf = q.asOf ?? today();
      const scope = scopeOf(q, asOf);
      const label = marketLabel(deps.cpv);
      async function* groups(): AsyncGenerator<CsvGroup> {
        const chunk = 100;
        for (let offset = 0; ; offset += chunk) {
          const rows = await findGroupMembers(db, scope, {
            sort: q.sort,
            order: q.order,
            limit: chunk,
            offset,
          });
          const byRank = new Map<number, GroupMemberRow[]>();
          for (const r of rows) {
            const list = byRank.get(r.rank);
            if (list) list.push(r);
            else byRank.set(r.rank, [r]);
          }
          for (const members of byRank.values())
            yield { level: q.level, label: label(members[0]!.market), members };
          if (byRank.size < chunk) return;
        }
      }
      return collaborationCsvStream(groups(), baseUrl);
    },
  };
}

export type CollaborationService = ReturnType<typeof createCollaborationService>;
