// Red flags for a buyer (its buyer-level flags and every record's flags) or for one record, with a summary per flag
// and the results a page at a time; without either, the flag definitions and their thresholds in force.
// The API, CLI and pages call this one service, so they show the same figures.
import type { Kysely } from 'kysely';
import { RED_FLAGS, flagRecord, type FlagResult } from '../analytics/redflags/index.js';
import { loadRecordFacts, survivingOrganisations } from '../analytics/quality/load-facts.js';
import { RULES, rulesOn, ukDay, type RuleId, type RulesOn } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { nationalFlags, type NationalFlagsInput } from './redflags-national.js';
import { parseFlagsQuery, type FlagsQueryInput } from './redflags-input.js';
import { refreshRedFlags, judgeBuyer } from './redflags-refresh.js';
import { sortResults, statusOf, summarise, type FlagSummaryRow } from './redflags-report.js';
import { readBuyerFlags } from '../store/redflag-store.repository.js';

export type { FlagSummaryRow } from './redflags-report.js';

export interface FlagDefinition {
  id: string;
  title: string;
  scope: 'record' | 'buyer';
  severity: string;
  definition: string;
  source: string;
  gaps: readonly string[];
  thresholds: {
    id: RuleId;
    title: string;
    value: string;
    unit: string;
    configurableDefault: boolean;
    source: string;
  }[];
}

export interface FlagsReport {
  kind: 'buyer' | 'record';
  buyer: { id: number; name: string } | null;
  ocid: string | null;
  /** Records judged (the buyer's, or 1). */
  records: number;
  summary: FlagSummaryRow[];
  status: string;
  total: number;
  page: number;
  pageSize: number;
  items: FlagResult[];
}

export type FlagsAnswer = { kind: 'definitions'; asOf: string; flags: FlagDefinition[] } | FlagsReport;

export function createRedFlagsService(deps: { db: Kysely<Database>; rules?: RulesOn; today?: () => string }) {
  const { db } = deps;
  const rules = deps.rules ?? rulesOn();
  const stored = deps.rules === undefined;
  const today = deps.today ?? (() => ukDay(new Date().toISOString())!);

  function definitions(): FlagsAnswer {
    const asOf = today();
    return {
      kind: 'definitions',
      asOf,
      flags: RED_FLAGS.map((f) => ({
        id: f.id,
        title: f.title,
        scope: f.scope,
        severity: f.severity,
        definition: f.definition,
        source: f.source,
        gaps: f.gaps ?? [],
        thresholds: f.thresholds.flatMap((id) => {
          const v = rules(asOf).version(id);
          if (v === null) return [];
          return [
            {
              id,
              title: RULES[id].title,
              value: Array.isArray(v.value) ? v.value.join(', ') : String(v.value),
              unit: RULES[id].unit,
              configurableDefault: v.configurableDefault,
              source: v.source,
            },
          ];
        }),
      })),
    };
  }

  function report(
    base: Omit<FlagsReport, 'summary' | 'total' | 'items' | 'status' | 'page' | 'pageSize'>,
    results: FlagResult[],
    q: ReturnType<typeof parseFlagsQuery>,
    flagIds?: string[],
  ): FlagsReport {
    const sorted = sortResults(results);
    const shown = q.status === 'all' ? sorted : sorted.filter((r) => statusOf(r) === q.status);
    const start = (q.page - 1) * q.pageSize;
    return {
      ...base,
      summary: summarise(results, flagIds),
      status: q.status,
      total: shown.length,
      page: q.page,
      pageSize: q.pageSize,
      items: shown.slice(start, start + q.pageSize),
    };
  }

  async function run(q: ReturnType<typeof parseFlagsQuery>): Promise<FlagsAnswer> {
    if (q.ocid !== undefined) {
      const [facts] = await loadRecordFacts(db, [q.ocid]);
      if (!facts) throw new AppError('NOT_FOUND', `No record ${q.ocid}`);
      const buyer =
        facts.buyerId === null
          ? null
          : ((await survivingOrganisations(db, [facts.buyerId])).get(facts.buyerId) ?? null);
      return report(
        { kind: 'record', buyer: buyer && { id: buyer.id, name: buyer.name }, ocid: q.ocid, records: 1 },
        flagRecord(facts, rules),
        q,
        RED_FLAGS.filter((f) => f.scope === 'record').map((f) => f.id),
      );
    }
    if (q.buyerId === undefined) return definitions();
    // The flagged list is read from the stored results (docs/red-flags.md, "Stored results"), in one round trip
    // with the organisation (merges followed) and whether it waits to be judged again; a queued buyer, like other
    // statuses and rules other than the ones in force, is judged on request: a read never pays for other buyers'
    // refresh, and never shows results older than the data.
    const start = (q.page - 1) * q.pageSize;
    const read =
      stored && q.status === 'flagged' ? await readBuyerFlags(db, q.buyerId, start, q.pageSize) : undefined;
    const org =
      read === undefined ? (await survivingOrganisations(db, [q.buyerId])).get(q.buyerId) : read?.buyer;
    if (!org) throw new AppError('NOT_FOUND', `No organisation ${q.buyerId}`);
    const buyer = { id: org.id, name: org.name };
    if (read?.stored && !read.queued)
      return {
        kind: 'buyer',
        buyer,
        ocid: null,
        records: read.stored.records,
        summary: read.stored.summary as FlagSummaryRow[],
        status: q.status,
        total: read.stored.total,
        page: q.page,
        pageSize: q.pageSize,
        items: read.stored.items as FlagResult[],
      };
    const { records, results } = await judgeBuyer(db, org.id, rules);
    return report({ kind: 'buyer', buyer, ocid: null, records }, results, q);
  }

  return {
    /** Brings the stored red flags up to date (after an ingest or sync); what it recomputed. */
    refresh: () => refreshRedFlags(db),
    /** A page of the national list: every buyer's stored flagged results (redflags-national.ts). */
    national: (input: NationalFlagsInput = {}) => nationalFlags(db, input),
    /** The national list's first NATIONAL_CAP results passing the filters, for a download. */
    nationalExport: (input: NationalFlagsInput = {}) => nationalFlags(db, input, { all: true }),
    /** A page of results (or the definitions without buyerId and ocid). */
    flags: async (input: FlagsQueryInput = {}): Promise<FlagsAnswer> => run(parseFlagsQuery(input)),
    /** Every result passing the status filter, for a download; buyerId or ocid is required. */
    async export(input: FlagsQueryInput): Promise<FlagsReport> {
      const q = parseFlagsQuery({ ...input, page: undefined, pageSize: undefined });
      if (q.buyerId === undefined && q.ocid === undefined)
        throw new AppError('BAD_REQUEST', 'give buyerId or ocid to export red flags');
      const a = await run({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
      if (a.kind === 'definitions') throw new AppError('INTERNAL', 'expected a report');
      return a;
    },
  };
}

export type RedFlagsService = ReturnType<typeof createRedFlagsService>;
