// The records behind a scorecard figure (issue 5, item 2: "links to every failing record"): one check for one
// organisation, with its definition, counts and the failing (or not computable) records, paginated and sorted;
// the same check across every buyer; and every check's definition for the method page. Counts follow the
// scorecard's units (docs/quality-checks.md, "Scorecard"), so the detail always agrees with the scorecard.
import type { Kysely } from 'kysely';
import type { CheckResult, QualityCheck } from '../analytics/quality/index.js';
import {
  QUALITY_CHECKS,
  qualityCheck,
  runQualityChecks,
  type QualityScope,
} from '../analytics/quality/index.js';
import {
  addResults,
  newTallies,
  scoreChecks,
  SEVERITY_WEIGHTS,
  type CheckTally,
  type Tallies,
} from '../analytics/quality/scorecard.js';
import { ukDay, type Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { findOrganisationsByIds } from '../store/organisation-read.repository.js';
import { findProcessHeadlines } from '../store/process-headline.repository.js';
import { storedCheckTallies } from '../store/quality-read.repository.js';
import { dayOrToday, organisationOrThrow } from './quality-common.js';
import { snapshotAnswers } from './quality-refresh.js';
import {
  parseCheckRecordsQuery,
  parseLeagueQuery,
  type CheckRecordsQuery,
  type CheckRecordsQueryInput,
  type LeagueQueryInput,
} from './quality-input.js';

export interface CheckDefinition {
  id: string;
  title: string;
  category: QualityCheck['category'];
  severity: QualityCheck['severity'];
  /** The check's weight in the score (by severity). */
  weight: number;
  /** `record`: judged on each record; `buyer`: on the organisation as a whole (one unit per subject). */
  scope: QualityCheck['scope'];
  definition: string;
  source: string;
  appliesTo: string;
  fields: string[];
  gaps: string[];
}

export interface CheckCounts {
  passed: number;
  failed: number;
  notComputable: number;
  notYetDue: number;
  outOfScope: number;
  /** passed + failed. */
  applicable: number;
  /** passed / applicable; null when the check judged nothing. */
  passRate: number | null;
}

export interface CheckRecord {
  /** Null for an organisation-level unit (`subject` names it). */
  ocid: string | null;
  subject: string | null;
  title: string | null;
  firstPublished: Date | null;
  /** Each result that made the unit fail (or left it not computable): the part judged and why. */
  reasons: { subject: string | null; detail: string; missing: string[] }[];
}

export interface CheckDetail {
  asOf: Day;
  organisation: { id: number; name: string; buyerType: string | null };
  check: CheckDefinition;
  counts: CheckCounts;
  /** With not-computable units: the fields that would be needed, and on how many units each is missing. */
  missing: { field: string; units: number }[];
  records: {
    status: CheckRecordsQuery['status'];
    items: CheckRecord[];
    total: number;
    page: number;
    pageSize: number;
    sort: CheckRecordsQuery['sort'];
    order: CheckRecordsQuery['order'];
  };
}

export interface CheckAcrossRow extends CheckCounts {
  id: number;
  name: string;
  buyerType: string | null;
}

export interface CheckAcross {
  asOf: Day;
  check: CheckDefinition;
  /** Every buyer the check judged or could not judge, worst pass rate first (unjudged last). */
  items: CheckAcrossRow[];
  total: number;
  page: number;
  pageSize: number;
}

export function checkDefinition(c: QualityCheck): CheckDefinition {
  return {
    id: c.id,
    title: c.title,
    category: c.category,
    severity: c.severity,
    weight: SEVERITY_WEIGHTS[c.severity],
    scope: c.scope,
    definition: c.definition,
    source: c.source,
    appliesTo: c.appliesTo,
    fields: [...c.fields],
    gaps: [...(c.gaps ?? [])],
  };
}

function checkOrThrow(id: string): QualityCheck {
  const check = qualityCheck(id);
  if (!check)
    throw new AppError(
      'NOT_FOUND',
      `There is no data-quality check "${id}"; the checks are ${QUALITY_CHECKS.map((c) => c.id).join(', ')}`,
    );
  return check;
}

const unitKey = (r: CheckResult) => (r.ocid !== null ? `ocid:${r.ocid}` : `subject:${r.subject ?? ''}`);

/** The units in a status, as the scorecard decides it: failed if any result fails; not computable if none passes. */
function unitsWith(results: readonly CheckResult[], status: CheckRecordsQuery['status']) {
  const byUnit = new Map<string, CheckResult[]>();
  for (const r of results) {
    const k = unitKey(r);
    const list = byUnit.get(k);
    if (list) list.push(r);
    else byUnit.set(k, [r]);
  }
  const out: { results: CheckResult[]; reasons: CheckResult[] }[] = [];
  for (const list of byUnit.values()) {
    const failed = list.filter((r) => r.status === 'fail');
    if (status === 'failed' && failed.length > 0) out.push({ results: list, reasons: failed });
    if (status === 'not-computable' && failed.length === 0 && !list.some((r) => r.status === 'pass')) {
      const nc = list.filter((r) => r.reason === 'not-computable');
      if (nc.length > 0) out.push({ results: list, reasons: nc });
    }
  }
  return out;
}

function sortRecords(items: CheckRecord[], q: CheckRecordsQuery): CheckRecord[] {
  const dir = q.order === 'asc' ? 1 : -1;
  const name = (r: CheckRecord) => r.ocid ?? r.subject ?? '';
  const byOcid = (a: CheckRecord, b: CheckRecord) => name(a).localeCompare(name(b), 'en-GB');
  const key = (r: CheckRecord): string | number | null =>
    q.sort === 'title' ? r.title : q.sort === 'published' ? (r.firstPublished?.getTime() ?? null) : name(r);
  return items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    // Records without a title or a date come last whatever the order.
    if (x === null || y === null) return x === y ? byOcid(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string, 'en-GB');
    return dir * c || byOcid(a, b);
  });
}

export function createQualityDetailService(deps: {
  db: Kysely<Database>;
  today?: () => Day;
  pageSize?: number;
}) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const pageSize = deps.pageSize ?? 500;

  async function results(check: QualityCheck, scope: QualityScope, asOf: Day): Promise<CheckResult[]> {
    const out: CheckResult[] = [];
    const only =
      check.scope === 'record'
        ? { recordChecks: [check], buyerChecks: [] }
        : { recordChecks: [], buyerChecks: [check] };
    for await (const page of runQualityChecks(db, scope, { asOf, pageSize, ...only })) out.push(...page);
    return out;
  }

  /** One check's counts for every buyer: from the stored snapshot for today, computed live for another day. */
  async function across(check: QualityCheck, asOf: Day) {
    if (await snapshotAnswers(db, asOf, today(), pageSize)) {
      const stored = await storedCheckTallies(db, asOf, check.id);
      return stored.map((t) => {
        const tally: CheckTally = {
          passed: t.passed,
          failed: t.failed,
          notComputable: t.not_computable,
          notYetDue: t.not_yet_due,
          outOfScope: t.out_of_scope,
          failingOcids: [],
          failingSubjects: [],
        };
        const id = Number(t.buyer_id);
        return {
          id,
          name: t.name ?? `organisation ${id}`,
          buyerType: t.buyer_type,
          ...countsOf(check, new Map([[id, new Map([[check.id, tally]])]]), id),
        };
      });
    }
    const tallies = addResults(newTallies(), await results(check, { all: true }, asOf), false);
    const orgs = await findOrganisationsByIds(db, [...tallies.keys()]);
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      buyerType: o.buyer_type,
      ...countsOf(check, tallies, o.id),
    }));
  }

  const countsOf = (check: QualityCheck, tallies: Tallies, buyerId: number): CheckCounts => {
    const row = scoreChecks(tallies.get(buyerId), [check]).checks[0]!;
    const { passed, failed, notComputable, notYetDue, outOfScope, applicable, passRate } = row;
    return { passed, failed, notComputable, notYetDue, outOfScope, applicable, passRate };
  };

  return {
    parseCheckRecordsQuery,

    /** Every check's definition, in registry order (the method page). */
    definitions(): { checks: CheckDefinition[]; weights: typeof SEVERITY_WEIGHTS } {
      return { checks: QUALITY_CHECKS.map(checkDefinition), weights: SEVERITY_WEIGHTS };
    },

    /** One check for one organisation: definition, counts and the records behind the failures. */
    async checkDetail(id: number, checkId: string, input: CheckRecordsQueryInput = {}): Promise<CheckDetail> {
      const check = checkOrThrow(checkId);
      const q = parseCheckRecordsQuery(input);
      const asOf = dayOrToday(q.asOf, today);
      const org = await organisationOrThrow(db, id);
      // Results of organisations merged into this one count against it (and only those are this buyer's).
      const rs = (await results(check, { buyerId: id }, asOf)).filter((r) => r.buyerId === id);
      const units = unitsWith(rs, q.status);
      const missing = new Map<string, number>();
      for (const u of unitsWith(rs, 'not-computable'))
        for (const f of new Set(u.reasons.flatMap((r) => r.missing ?? [])))
          missing.set(f, (missing.get(f) ?? 0) + 1);
      const heads = await findProcessHeadlines(
        db,
        units.flatMap((u) => (u.results[0]!.ocid === null ? [] : [u.results[0]!.ocid])),
      );
      const items = sortRecords(
        units.map(({ results: [first], reasons }) => {
          const head = first!.ocid === null ? undefined : heads.get(first!.ocid);
          return {
            ocid: first!.ocid,
            subject: first!.ocid === null ? (first!.subject ?? 'organisation') : null,
            title: head?.title ?? null,
            firstPublished: head?.firstPublished ?? null,
            reasons: reasons.map((r) => ({
              subject: r.subject ?? null,
              detail: r.detail,
              missing: r.missing ?? [],
            })),
          };
        }),
        q,
      );
      const start = (q.page - 1) * q.pageSize;
      return {
        asOf,
        organisation: { id: org.id, name: org.name, buyerType: org.buyer_type },
        check: checkDefinition(check),
        counts: countsOf(check, addResults(newTallies(), rs, false), id),
        missing: [...missing]
          .map(([field, n]) => ({ field, units: n }))
          .sort((a, b) => b.units - a.units || a.field.localeCompare(b.field)),
        records: {
          status: q.status,
          items: items.slice(start, start + q.pageSize),
          total: items.length,
          page: q.page,
          pageSize: q.pageSize,
          sort: q.sort,
          order: q.order,
        },
      };
    },

    /**
     * One check's counts for every buyer (those it found out of scope too), lowest pass rate first: from the stored
     * snapshot for today, computed live for another day.
     */
    async checkAllBuyers(checkId: string, asOf: Day = today()): Promise<CheckAcrossRow[]> {
      return (await across(checkOrThrow(checkId), asOf)).sort(
        (a, b) =>
          (a.passRate ?? 2) - (b.passRate ?? 2) ||
          b.failed - a.failed ||
          a.name.localeCompare(b.name, 'en-GB') ||
          a.id - b.id,
      );
    },

    /** One check across every buyer: counts per organisation, lowest pass rate first, a page. */
    async checkAcross(
      checkId: string,
      input: Pick<LeagueQueryInput, 'page' | 'pageSize' | 'asOf'> = {},
    ): Promise<CheckAcross> {
      const check = checkOrThrow(checkId);
      const q = parseLeagueQuery({ page: input.page, pageSize: input.pageSize, asOf: input.asOf });
      const asOf = dayOrToday(q.asOf, today);
      const rows = (await this.checkAllBuyers(checkId, asOf)).filter(
        (r) => r.applicable + r.notComputable > 0,
      );
      const start = (q.page - 1) * q.pageSize;
      return {
        asOf,
        check: checkDefinition(check),
        items: rows.slice(start, start + q.pageSize),
        total: rows.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type QualityDetailService = ReturnType<typeof createQualityDetailService>;
