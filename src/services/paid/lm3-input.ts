// The LM3 form's input (docs/paid-money.md "LM3"): the financial year, staff costs and the local staff's part (£),
// the default re-spend share and the staff's (per cent), and survey shares per supplier as lines of
// `supplier id, per cent`. Every problem is reported by field; nothing is saved unless all is well.
import { sql, type Kysely } from 'kysely';
import { toDecimal } from '../../domain/decimal.js';
import type { Database } from '../../store/database.js';
import type { Lm3Save } from '../../store/lm3.repository.js';

export interface Lm3FormInput {
  year?: string | undefined;
  staffCosts?: string | undefined;
  localStaffCosts?: string | undefined;
  defaultShare?: string | undefined;
  staffShare?: string | undefined;
  shares?: string | undefined;
}

export type Lm3Field = 'year' | 'staffCosts' | 'localStaffCosts' | 'defaultShare' | 'staffShare' | 'shares';
export interface Lm3Problem {
  field: Lm3Field;
  message: string;
}

/** Most survey lines accepted at once. */
export const MAX_SHARE_LINES = 500;

const blank = (v: string | undefined) => (v ?? '').trim() === '';

/** A non-negative amount in pounds (`12,500.00`, `£12500`) as an exact decimal, or undefined when unreadable. */
function pounds(v: string): string | null | undefined {
  if (v.trim() === '') return null;
  const d = toDecimal(v.trim().replace(/^£/, ''));
  return d === null || d.startsWith('-') ? undefined : d;
}

/** A per-cent figure 0–100 as a share 0–1 (exact: the decimal point moved two places), or undefined. */
export function percentShare(v: string): string | undefined {
  const d = toDecimal(v.trim().replace(/%$/, ''));
  if (d === null || d.startsWith('-') || Number(d) > 100) return undefined;
  const [int = '0', frac = ''] = d.split('.');
  const padded = int.padStart(3, '0');
  return toDecimal(`${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`) ?? undefined;
}

export async function checkLm3Input(
  db: Kysely<Database>,
  input: Lm3FormInput,
): Promise<{ value: { year: number; figures: Lm3Save } | null; problems: Lm3Problem[] }> {
  const problems: Lm3Problem[] = [];
  const problem = (field: Lm3Field, message: string) => problems.push({ field, message });
  const yearText = (input.year ?? '').trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100)
    problem('year', 'Financial year must be the year it starts in, like 2022 for April 2022 to March 2023');
  const staffCosts = pounds(input.staffCosts ?? '');
  if (staffCosts === undefined)
    problem('staffCosts', 'Staff costs must be an amount in pounds, like 1250000');
  const localStaffCosts = pounds(input.localStaffCosts ?? '');
  if (localStaffCosts === undefined)
    problem('localStaffCosts', 'Local staff costs must be an amount in pounds, like 900000');
  if (localStaffCosts && staffCosts && Number(localStaffCosts) > Number(staffCosts))
    problem('localStaffCosts', 'Local staff costs cannot be more than staff costs');
  const share = (field: 'defaultShare' | 'staffShare', label: string) => {
    const v = input[field] ?? '';
    if (blank(v)) return null;
    const s = percentShare(v);
    if (s === undefined) problem(field, `${label} must be a per cent from 0 to 100`);
    return s ?? null;
  };
  const defaultShare = share('defaultShare', 'Default re-spend share');
  const staffShare = share('staffShare', 'Staff re-spend share');

  const lines = (input.shares ?? '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== '');
  const shares: { supplierId: number; share: string }[] = [];
  if (lines.length > MAX_SHARE_LINES) problem('shares', `Give at most ${MAX_SHARE_LINES} survey lines`);
  else
    for (const { line, text } of lines) {
      const m = /^(\d{1,12})\s*[,;\t ]\s*([\d.]+%?)$/.exec(text);
      const s = m ? percentShare(m[2]!) : undefined;
      if (!m || s === undefined) {
        problem(
          'shares',
          `Survey line ${line} must be a supplier ID and a per cent from 0 to 100, like 1234, 40`,
        );
        continue;
      }
      if (shares.some((x) => x.supplierId === Number(m[1])))
        problem('shares', `Survey line ${line} repeats supplier ${m[1]}`);
      else shares.push({ supplierId: Number(m[1]), share: s });
    }
  if (shares.length > 0) {
    const ids = shares.map((s) => s.supplierId);
    const found = await sql<{ id: string }>`
      select id from supplier where id = any(${ids}::bigint[]) and merged_into is null`.execute(db);
    const known = new Set(found.rows.map((r) => Number(r.id)));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0)
      problem('shares', `No current supplier with ID ${missing.slice(0, 5).join(', ')}`);
  }
  if (problems.length > 0) return { value: null, problems };
  return {
    value: {
      year,
      figures: {
        staffCosts: staffCosts ?? null,
        localStaffCosts: localStaffCosts ?? null,
        defaultShare,
        staffShare,
        shares,
      },
    },
    problems,
  };
}
