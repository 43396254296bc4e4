// Social value committed vs delivered as use cases (issue 8 item 5; docs/social-value.md): a contract's
// commitments (per metric of the standard in force for its buyer, in the metric's unit) and delivery reports with
// evidence links; verification of a report; roll-ups per contract, buyer, region, mission and nationally.
// Authorisation: socialValue.record (the buyer's editors) and socialValue.verify (its accountable officer, central)
// in authz.ts. Every change is audited in its own transaction (social-value.repository.ts).
import type { Kysely } from 'kysely';
import {
  loadCommitmentFacts,
  rollUp,
  type FactFilters,
  type GroupNames,
  type MetricInfo,
  type RollUp,
  type RollUpBy,
} from '../../analytics/social-value/index.js';
import { refreshMissionSocialValue } from '../../analytics/missions/index.js';
import { sameUnit, verificationTransition } from '../../domain/missions/social-value.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import {
  findCommitment,
  findDelivery,
  insertCommitment,
  insertDelivery,
  judgeDelivery,
  listCommitments,
  listDeliveries,
  type CommitmentRow,
  type DeliveryRow,
} from '../../store/social-value.repository.js';
import { findContractForMissions, findOrganisationRegion } from '../../store/standards.repository.js';
import { assertCan, can, contractTarget, type Action, type Actor } from '../authz.js';
import { loadMissionReference, type MissionReference } from '../missions/reference.js';
import { itl1, regionName } from '../missions/scope.js';
import { createStandardsService } from '../missions/standards.service.js';
import { InputProblems } from '../missions/standards-input.js';
import { loadMetricCatalogue } from './metric-catalogue.js';
import { readCommitmentInput, readDeliveryInput, readVerdictInput } from './social-value-input.js';
import { readRollUpFilters, type RollUpFilters } from './social-value-filters.js';

export type { CommitmentRow, DeliveryRow } from '../../store/social-value.repository.js';

export interface ContractRef {
  ocid: string;
  title: string | null;
  buyer: { id: number; name: string | null } | null;
  region: string | null;
}

/** A metric a commitment on this contract may use: active in the standard effective for the contract's buyer. */
export interface OfferedMetric {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  outcome: string;
  mission: string;
  tier: string;
}

export interface CommitmentView extends CommitmentRow {
  metric: MetricInfo | null;
  deliveries: DeliveryRow[];
}

export interface ContractSocialValue {
  contract: ContractRef;
  offered: OfferedMetric[];
  commitments: CommitmentView[];
  rollUp: RollUp;
  mayRecord: boolean;
  mayVerify: boolean;
}

export interface RollUpResult extends RollUp {
  filters: RollUpFilters;
  by: RollUpBy;
  /** Names for the filters: the buyer's, the region's, the mission's. */
  named: { buyer: string | null; region: string | null; mission: string | null };
}

export function createSocialValueService({
  db,
  reference,
}: {
  db: Kysely<Database>;
  reference?: MissionReference;
}) {
  const ref = (): MissionReference => reference ?? loadMissionReference();
  const standards = createStandardsService({ db, ...(reference ? { reference } : {}) });
  const regionOf = (code: string | null): string | null => itl1(code, ref());
  const names: GroupNames = {
    region: (code) => regionName(ref().regions.get(code) ?? code),
    mission: (id) => ref().national.missions.find((m) => m.id === id)?.name ?? id,
  };

  async function contractRef(ocid: string): Promise<ContractRef> {
    const c = await findContractForMissions(db, ocid);
    if (!c) throw new AppError('NOT_FOUND', `There is no contracting process ${ocid}`);
    return {
      ocid: c.ocid,
      title: c.title,
      buyer: c.buyer_id === null ? null : { id: Number(c.buyer_id), name: c.buyer_name },
      region: regionOf(c.region_code),
    };
  }

  /** Whether the actor may take a social value action on a contract of this buyer (no buyer known: admins only). */
  const allowed = (actor: Actor | null, action: Action, buyerId: number | null): boolean =>
    can(actor, action, contractTarget(buyerId));

  function demand(actor: Actor | null, action: Action, c: ContractRef): asserts actor is Actor {
    assertCan(actor, action, contractTarget(c.buyer?.id ?? null));
  }

  async function offered(c: ContractRef): Promise<OfferedMetric[]> {
    const view = await standards.effective(c.buyer ? { org: c.buyer.id } : {});
    return view.standard.missions.flatMap((m) =>
      m.outcomes.flatMap((o) =>
        o.metrics
          .filter((x) => x.status === 'active')
          .map((x) => ({
            id: x.id,
            name: x.name,
            unit: x.unit,
            direction: x.direction,
            outcome: o.name,
            mission: m.name,
            tier: x.provenance.tier === 'national' ? 'national' : x.provenance.scope,
          })),
      ),
    );
  }

  /** The commitment and its contract, for a write or a form; NOT_FOUND when either is missing. */
  /** The mission dashboard's stored social value of the contract's buyer, after a change committed. */
  const refreshDashboard = (c: ContractRef) =>
    refreshMissionSocialValue(db, c.buyer === null ? {} : { buyerIds: [c.buyer.id] });

  async function commitmentWithContract(id: number) {
    const commitment = await findCommitment(db, id);
    if (!commitment) throw new AppError('NOT_FOUND', `There is no social value commitment ${id}`);
    return { commitment, contract: await contractRef(commitment.ocid) };
  }

  async function deliveryWithContract(id: number) {
    const delivery = await findDelivery(db, id);
    if (!delivery) throw new AppError('NOT_FOUND', `There is no social value delivery report ${id}`);
    return { delivery, ...(await commitmentWithContract(delivery.commitment_id)) };
  }

  return {
    async contract(actor: Actor | null, ocid: string): Promise<ContractSocialValue> {
      const contract = await contractRef(ocid);
      const [rows, metrics, offer, facts] = await Promise.all([
        listCommitments(db, ocid),
        loadMetricCatalogue(db, ref()),
        offered(contract),
        loadCommitmentFacts(db, { ocid }, regionOf),
      ]);
      const deliveries = await listDeliveries(
        db,
        rows.map((r) => r.id),
      );
      return {
        contract,
        offered: offer,
        commitments: rows.map((r) => ({
          ...r,
          metric: metrics.get(r.metric_id) ?? null,
          deliveries: deliveries.filter((d) => d.commitment_id === r.id),
        })),
        rollUp: rollUp(facts, metrics, 'contract', names),
        mayRecord: allowed(actor, 'socialValue.record', contract.buyer?.id ?? null),
        mayVerify: allowed(actor, 'socialValue.verify', contract.buyer?.id ?? null),
      };
    },

    /** What the commit form offers (the metrics of the buyer's standard); the actor must be allowed to record. */
    async commitForm(actor: Actor | null, ocid: string) {
      const contract = await contractRef(ocid);
      demand(actor, 'socialValue.record', contract);
      return { contract, offered: await offered(contract) };
    },

    /** Records a commitment at award: a metric of the buyer's standard, a target in the metric's unit, a timing. */
    async commit(actor: Actor | null, ocid: string, raw: Record<string, unknown>): Promise<CommitmentRow> {
      const contract = await contractRef(ocid);
      demand(actor, 'socialValue.record', contract);
      const input = readCommitmentInput(raw);
      const metric = (await offered(contract)).find((m) => m.id === input.metricId);
      if (!metric)
        throw new InputProblems([
          {
            field: 'metricId',
            message: `${input.metricId} is not an active metric of the standard for this contract’s buyer`,
          },
        ]);
      if (!sameUnit(input.unit, metric.unit))
        throw new InputProblems([
          {
            field: 'unit',
            message: `The unit must be the metric’s unit, “${metric.unit}” (quantities in other units are never added up)`,
          },
        ]);
      const row = await db.transaction().execute((trx) =>
        insertCommitment(
          trx,
          {
            ocid,
            metricId: metric.id,
            unit: metric.unit,
            target: input.target,
            dueDate: input.dueDate,
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            note: input.note,
          },
          actor.email,
        ),
      );
      if (!row)
        throw new InputProblems([
          {
            field: 'metricId',
            message: `This contract already has a commitment for ${metric.name}: report delivery against it`,
          },
        ]);
      await refreshDashboard(contract);
      return row;
    },

    /** The report form's subject: the commitment, its metric and contract; the actor must be allowed to record. */
    async reportForm(actor: Actor | null, commitmentId: number) {
      const { commitment, contract } = await commitmentWithContract(commitmentId);
      demand(actor, 'socialValue.record', contract);
      const metric = (await loadMetricCatalogue(db, ref())).get(commitment.metric_id) ?? null;
      return { contract, commitment, metric };
    },

    /** Reports delivery against a commitment: quantity in the commitment's unit, period, evidence links. */
    async report(actor: Actor | null, commitmentId: number, raw: Record<string, unknown>) {
      const { commitment, contract } = await commitmentWithContract(commitmentId);
      demand(actor, 'socialValue.record', contract);
      const input = readDeliveryInput(raw);
      const row = await db
        .transaction()
        .execute((trx) => insertDelivery(trx, { commitmentId: commitment.id, ...input }, actor.email));
      await refreshDashboard(contract);
      return row;
    },

    /** The verification form's subject; the actor must be allowed to verify. */
    async verifyForm(actor: Actor | null, deliveryId: number) {
      const found = await deliveryWithContract(deliveryId);
      demand(actor, 'socialValue.verify', found.contract);
      const metric = (await loadMetricCatalogue(db, ref())).get(found.commitment.metric_id) ?? null;
      return { ...found, metric };
    },

    /**
     * Verifies or rejects an unverified delivery report (once; a rejection needs a reason). Whoever reported a
     * delivery may not verify it [?]: verification is a second person's check of the evidence.
     */
    async verify(actor: Actor | null, deliveryId: number, raw: Record<string, unknown>) {
      const { delivery, contract } = await deliveryWithContract(deliveryId);
      demand(actor, 'socialValue.verify', contract);
      if (delivery.created_by === actor.email)
        throw new AppError('FORBIDDEN', 'You reported this delivery: someone else must verify it');
      const input = readVerdictInput(raw);
      const step = verificationTransition(delivery.status, input.verdict);
      if (!step.ok) throw new AppError('CONFLICT', step.reason);
      const after = await db
        .transaction()
        .execute((trx) => judgeDelivery(trx, delivery, step.status, input.note, actor.email));
      if (!after)
        throw new AppError('CONFLICT', 'Someone judged this report first: reload to see their verdict');
      await refreshDashboard(contract);
      return after;
    },

    /** Checks roll-up filters (buyer id, ITL1 region, mission id, grouping); BAD_REQUEST on a bad one. */
    filters: (raw: Record<string, unknown>): RollUpFilters =>
      readRollUpFilters(raw, {
        regions: ref().regions,
        missions: new Set(ref().national.missions.map((m) => m.id)),
      }),

    /**
     * Committed vs delivered vs verified, one row per group and metric id; synthetic processes left out unless a
     * benchmark asks for them.
     */
    async rollUp(filters: RollUpFilters, opts: { includeSynthetic?: boolean } = {}): Promise<RollUpResult> {
      const metrics = await loadMetricCatalogue(db, ref());
      const only = (m: MetricInfo) =>
        (filters.mission === undefined || m.missionId === filters.mission) &&
        (filters.metric === undefined || m.id === filters.metric);
      const f: FactFilters = {
        excludeSynthetic: !opts.includeSynthetic,
        ...(filters.buyer !== undefined ? { buyerId: filters.buyer } : {}),
        ...(filters.region !== undefined ? { region: filters.region } : {}),
        ...(filters.mission !== undefined || filters.metric !== undefined
          ? { metricIds: [...metrics.values()].filter(only).map((m) => m.id) }
          : {}),
      };
      const facts = await loadCommitmentFacts(db, f, regionOf);
      let buyerName: string | null = null;
      if (filters.buyer !== undefined) {
        const org = await findOrganisationRegion(db, filters.buyer);
        if (!org) throw new AppError('NOT_FOUND', `There is no organisation with the id ${filters.buyer}`);
        buyerName = org.name;
      }
      return {
        filters,
        by: filters.by,
        named: {
          buyer: buyerName,
          region: filters.region === undefined ? null : names.region(filters.region),
          mission: filters.mission === undefined ? null : names.mission(filters.mission),
        },
        ...rollUp(facts, metrics, filters.by, names),
      };
    },

    regions: () => standards.regions(),
    missions: () => ref().national.missions.map((m) => ({ id: m.id, name: m.name })),
  };
}

export type SocialValueService = ReturnType<typeof createSocialValueService>;
