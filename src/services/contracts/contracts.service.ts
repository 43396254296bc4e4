// Contracts use cases: the filtered list (page, API, CSV), one contract with everything known about it, its
// OCDS record package and raw releases. Reads only; no authorisation needed (published data).
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import {
  findAwards,
  findClassifications,
  findContracts,
  findIdentifiers,
  findLots,
  findProcess,
  findProcessOrganisations,
  findRecord,
  findRelease,
  findReleaseData,
  findTimeline,
} from '../../store/process-detail.repository.js';
import {
  countProcesses,
  iterateProcessesForExport,
  listProcesses,
  type ProcessFilters,
} from '../../store/process.repository.js';
import type { CpvLabels } from '../reference/cpv-labels.js';
import {
  parseContractQuery,
  type ContractFilters,
  type ContractQuery,
  type ContractQueryInput,
} from './contract-query.js';
import type { ContractDetail, ContractList, OrganisationRef } from './contract-types.js';
import {
  processValues,
  toAward,
  toClassifications,
  toContract,
  toLot,
  toNotice,
  toSummary,
} from './contract-mapping.js';
import { toCsvStream } from './contracts-csv.js';

export interface ContractsDeps {
  db: Kysely<Database>;
  cpv: CpvLabels;
  /** Named as the publisher of the record packages we build. */
  publisherName: string;
}

const toStoreFilters = (f: ContractFilters): ProcessFilters => {
  const { cpv, ...rest } = f;
  return cpv === undefined ? rest : { ...rest, cpvPrefix: cpv };
};

/** An OCDS 1.1 record package (https://standard.open-contracting.org/1.1/en/schema/record_package/). */
export interface RecordPackage {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: { name: string };
  records: { ocid: string; releases: unknown[]; compiledRelease: unknown }[];
}

export function createContractsService(deps: ContractsDeps) {
  const { db } = deps;

  const notFound = (ocid: string) =>
    new AppError('NOT_FOUND', `There is no contracting process with the ocid ${ocid}`);

  return {
    /** Checks a query (page, CSV or API); problems are per field, for an error summary. */
    parseQuery: parseContractQuery,

    /** The same, throwing BAD_REQUEST with every problem in the message (for the API). */
    queryOrThrow(input: ContractQueryInput): ContractQuery {
      const { query, problems } = parseContractQuery(input);
      if (problems.length > 0)
        throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
      return query;
    },

    async list(query: ContractQuery): Promise<ContractList> {
      const filters = toStoreFilters(query.filters);
      const [rows, total] = await Promise.all([
        listProcesses(db, filters, {
          sort: query.sort,
          order: query.order,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        countProcesses(db, filters),
      ]);
      return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    },

    /** The filtered list as a CSV stream, in the list's order; `baseUrl` makes the url column absolute. */
    exportCsv(query: ContractQuery, baseUrl: string): Readable {
      return toCsvStream(
        iterateProcessesForExport(db, toStoreFilters(query.filters), query.sort, query.order),
        baseUrl,
      );
    },

    /** Names for the ids a query filters on (to say "Buyer: Leeds City Council" instead of "buyerId=12"). */
    async describeFilters(
      filters: ContractFilters,
    ): Promise<{ buyer?: OrganisationRef; supplier?: OrganisationRef }> {
      const out: { buyer?: OrganisationRef; supplier?: OrganisationRef } = {};
      if (filters.buyerId !== undefined) {
        const o = await findOrganisationById(db, filters.buyerId);
        if (o) out.buyer = { id: o.id, name: o.name };
      }
      if (filters.supplierId !== undefined) {
        const o = await findOrganisationById(db, filters.supplierId);
        if (o) out.supplier = { id: o.id, name: o.name };
      }
      return out;
    },

    /** Everything known about one process. Throws NOT_FOUND for an unknown ocid. */
    async get(ocid: string): Promise<ContractDetail> {
      const p = await findProcess(db, ocid);
      if (!p) throw notFound(ocid);
      const [orgs, lots, awards, contracts, classifications, timeline, record] = await Promise.all([
        findProcessOrganisations(db, ocid),
        findLots(db, ocid),
        findAwards(db, ocid),
        findContracts(db, ocid),
        findClassifications(db, ocid),
        findTimeline(db, ocid),
        findRecord(db, ocid),
      ]);
      const identifiers = await findIdentifiers(
        db,
        orgs.map((o) => o.id),
      );
      const idsOf = (orgId: number) =>
        identifiers
          .filter((i) => i.organisation_id === orgId)
          .map((i) => ({ scheme: i.scheme, id: i.identifier }));

      const isSupplier = (o: (typeof orgs)[number]) => o.roles.includes('supplier') || o.award_ids.length > 0;
      const suppliers = orgs.filter(isSupplier).map((o) => ({
        id: o.id,
        name: o.name,
        sme: o.scale === null ? null : o.scale === 'sme',
        vcse: o.vcse,
        locality: o.locality,
        postalCode: o.postal_code,
        identifiers: idsOf(o.id),
        awardIds: o.award_ids,
      }));
      const otherParties = orgs
        .filter((o) => !isSupplier(o) && o.id !== p.buyer_id)
        .map((o) => ({ id: o.id, name: o.name, roles: o.roles, identifiers: idsOf(o.id) }));
      const suppliersOf = (awardId: string): OrganisationRef[] =>
        orgs.filter((o) => o.award_ids.includes(awardId)).map((o) => ({ id: o.id, name: o.name }));

      const summary = toSummary(p);
      return {
        ...summary,
        buyer:
          p.buyer_id !== null && p.buyer_name !== null
            ? {
                id: p.buyer_id,
                name: p.buyer_name,
                locality: p.buyer_locality,
                postalCode: p.buyer_postal_code,
                buyerType: p.buyer_type,
              }
            : null,
        description: p.description,
        mainProcurementCategory: p.main_procurement_category,
        aboveThreshold: p.above_threshold,
        legalBasis: p.legal_basis,
        specialRegimes: p.special_regimes,
        classifications: toClassifications(classifications, p, deps.cpv),
        values: processValues(p),
        tenderPeriod: { start: p.tender_period_start, end: p.tender_period_end },
        bids: {
          numberOfTenderers: p.number_of_tenderers,
          smeFinalStageBids: p.sme_final_stage_bids,
          vcseFinalStageBids: p.vcse_final_stage_bids,
        },
        suitableFor: { sme: p.suitable_sme, vcse: p.suitable_vcse },
        deliveryRegions: p.delivery_regions,
        suppliers,
        otherParties,
        lots: lots.map(toLot),
        awards: awards.map((a) => toAward(a, suppliersOf(a.award_id))),
        contracts: contracts.map(toContract),
        notices: timeline.map(toNotice),
        findings: {
          releases: timeline.reduce((n, t) => n + t.finding_count, 0),
          record: record?.finding_count ?? 0,
        },
        record: record
          ? {
              releaseCount: record.release_count,
              compiledAt: record.compiled_at,
              latestReleaseDate: record.latest_release_date,
            }
          : null,
        releaseCount: p.release_count,
      };
    },

    /**
     * The OCDS record package for one process: its compiled record (table `record`) and every stored release,
     * embedded, in date order. Throws NOT_FOUND when the process or its record is unknown.
     */
    async recordPackage(ocid: string, uri: string): Promise<RecordPackage> {
      const [record, releases] = await Promise.all([findRecord(db, ocid), findReleaseData(db, ocid)]);
      if (!record) throw notFound(ocid);
      const published = record.latest_release_date ?? record.compiled_at;
      return {
        uri,
        version: '1.1',
        publishedDate: published.toISOString(),
        publisher: { name: deps.publisherName },
        records: [{ ocid, releases: releases.map((r) => r.data), compiledRelease: record.compiled }],
      };
    },

    /** One stored release as published (after any 1.0 → 1.1 upgrade). Throws NOT_FOUND. */
    async release(ocid: string, key: number): Promise<unknown> {
      const r = await findRelease(db, ocid, key);
      if (!r) throw new AppError('NOT_FOUND', `There is no stored release ${key} of ${ocid}`);
      return r.data;
    },
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;
