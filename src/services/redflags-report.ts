// What a red-flag list shows, shared by the list computed on request (redflags.service.ts) and the stored results
// (redflags-refresh.ts), so both give the same summary and the same order: a result's status bucket, the summary per
// flag, and the list order (severity, flag, record; ties keep the order the flags were run in).
import { RED_FLAGS, type FlagResult } from '../analytics/redflags/index.js';

export interface FlagSummaryRow {
  flagId: string;
  title: string;
  scope: 'record' | 'buyer';
  severity: string;
  flagged: number;
  clear: number;
  notComputable: number;
  outOfScope: number;
}

export const statusOf = (r: FlagResult) =>
  r.status === 'not-applicable'
    ? r.reason === 'not-computable'
      ? 'not-computable'
      : 'out-of-scope'
    : r.status;

export function summarise(results: readonly FlagResult[], flagIds?: readonly string[]): FlagSummaryRow[] {
  const flags = RED_FLAGS.filter((f) => !flagIds || flagIds.includes(f.id));
  return flags.map((f) => {
    const mine = results.filter((r) => r.flagId === f.id).map(statusOf);
    const count = (s: string) => mine.filter((m) => m === s).length;
    return {
      flagId: f.id,
      title: f.title,
      scope: f.scope,
      severity: f.severity,
      flagged: count('flagged'),
      clear: count('clear'),
      notComputable: count('not-computable'),
      outOfScope: count('out-of-scope'),
    };
  });
}

export const SEVERITY = { high: 0, medium: 1, low: 2 } as const;

export const severityOf = (id: string) => RED_FLAGS.find((f) => f.id === id)?.severity ?? 'low';

/** The list order: severity, then flag id, then record (buyer-level results first); a stable sort. */
export const sortResults = (results: readonly FlagResult[]): FlagResult[] =>
  [...results].sort(
    (a, b) =>
      SEVERITY[severityOf(a.flagId)] - SEVERITY[severityOf(b.flagId)] ||
      a.flagId.localeCompare(b.flagId) ||
      (a.ocid ?? '').localeCompare(b.ocid ?? ''),
  );
