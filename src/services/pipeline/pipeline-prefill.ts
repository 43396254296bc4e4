// "Plan the re-procurement": a new pipeline entry's starting values from an expiring contract. The new contract is
// taken to start the day after the current one ends and to last as long; the procurement to start the horizon
// scan's lead time before that (6, 12 or 18 months by value: domain/rules/horizon.ts); the route follows the OCDS
// procurementMethod of the current contract. Everything stays editable; the contract is linked by its ocid.
import type { Kysely } from 'kysely';
import { ROUTE_IDS, type ProcurementRoute } from '../../domain/pipeline.js';
import {
  addDays,
  addMonths,
  daysBetween,
  leadTimeMonths,
  leadTimesOn,
  ukDay,
  type Day,
} from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findPipelineSource } from '../../store/pipeline-source.repository.js';
import type { PipelineInputRaw } from './pipeline-input.js';

const ROUTE_OF_METHOD: Record<string, ProcurementRoute> = {
  open: 'open',
  selective: 'competitive-flexible',
  limited: 'direct-award',
  direct: 'direct-award',
};

export interface ContractPrefill {
  organisationId: number;
  ocid: string;
  contractTitle: string | null;
  values: PipelineInputRaw;
}

export async function prefillFromContract(
  db: Kysely<Database>,
  ocid: string,
  asOf: Day,
): Promise<ContractPrefill> {
  const s = await findPipelineSource(db, ocid);
  if (!s) throw new AppError('NOT_FOUND', `There is no contracting process ${ocid}`);
  if (s.buyerId === null) throw new AppError('BAD_REQUEST', `The buyer of ${ocid} is not known`);
  const end = ukDay(s.contractEnd);
  const start = ukDay(s.contractStart);
  const nextStart = end === null ? null : addDays(end, 1);
  const nextEnd =
    nextStart !== null && start !== null && end !== null ? addDays(nextStart, daysBetween(start, end)) : null;
  const lead = leadTimeMonths(s.gbpValue, leadTimesOn(asOf).value);
  const route = s.procurementMethod === null ? undefined : ROUTE_OF_METHOD[s.procurementMethod];
  const title = s.title ?? ocid;
  return {
    organisationId: s.buyerId,
    ocid,
    contractTitle: s.title,
    values: {
      title: `Re-procurement: ${title}`.slice(0, 200),
      description: s.description ?? '',
      cpvCode: s.cpvMain ?? '',
      deliveryRegion: s.deliveryRegion ?? '',
      valueMin: s.gbpValue ?? '',
      valueMax: s.gbpValue ?? '',
      procurementStart: nextStart === null ? '' : addMonths(nextStart, -lead),
      contractStart: nextStart ?? '',
      contractEnd: nextEnd ?? '',
      route: route !== undefined && ROUTE_IDS.includes(route) ? route : '',
      status: 'idea',
      linkedOcids: [ocid],
    },
  };
}
