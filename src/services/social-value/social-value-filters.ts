// Roll-up filters from a query string, the API or the CLI: a buyer id, an ITL1 region (UKC … UKN), a national
// mission id, a metric id, and the grouping. A bad value is a BAD_REQUEST naming it (the pages show it in the error summary).
import { ROLL_UP_BY, type RollUpBy } from '../../analytics/social-value/index.js';
import { InputProblems, type Problem } from '../missions/standards-input.js';

export interface RollUpFilters {
  buyer?: number;
  region?: string;
  mission?: string;
  /** One metric id (the records behind one row of a roll-up). */
  metric?: string;
  by: RollUpBy;
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

export function readRollUpFilters(
  raw: Record<string, unknown>,
  known: { regions: ReadonlyMap<string, string>; missions: ReadonlySet<string> },
): RollUpFilters {
  const problems: Problem[] = [];
  const out: RollUpFilters = { by: 'total' };
  const buyer = text(raw.buyer);
  if (buyer !== '') {
    if (/^\d{1,15}$/.test(buyer)) out.buyer = Number(buyer);
    else
      problems.push({
        field: 'buyer',
        message: `Buyer must be an organisation id (a number), not “${buyer}”`,
      });
  }
  const region = text(raw.region).toUpperCase();
  if (region !== '') {
    if (/^UK[C-N]$/.test(region) && known.regions.has(region)) out.region = region;
    else
      problems.push({
        field: 'region',
        message: `Region must be an ITL1 code from UKC to UKN, not “${region}”`,
      });
  }
  const mission = text(raw.mission);
  if (mission !== '') {
    if (known.missions.has(mission)) out.mission = mission;
    else problems.push({ field: 'mission', message: `There is no mission “${mission}”` });
  }
  const metric = text(raw.metric);
  if (metric !== '') {
    if (/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/.test(metric)) out.metric = metric;
    else problems.push({ field: 'metric', message: `“${metric}” is not a metric id` });
  }
  const by = text(raw.by);
  if (by !== '') {
    if ((ROLL_UP_BY as readonly string[]).includes(by)) out.by = by as RollUpBy;
    else problems.push({ field: 'by', message: `Group by one of ${ROLL_UP_BY.join(', ')}` });
  }
  if (problems.length > 0) throw new InputProblems(problems);
  return out;
}
