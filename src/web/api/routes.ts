// JSON API under /api. Every route declares its schemas: requests are validated before the handler runs, and the
// same schemas are the OpenAPI description (/api/docs).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { registerHorizonApi } from './horizon-routes.js';
import { registerOpportunityApi } from './opportunity-routes.js';
import { registerPipelineApi } from './pipeline-routes.js';
import { registerEngagementApi } from './engagement-routes.js';
import { registerCollaborationApi } from './collaboration-routes.js';
import { registerMarketApi } from './market-routes.js';
import { registerMissionsApi } from './missions-routes.js';
import { registerSpendApi } from './spend-routes.js';
import { registerSupplierApi } from './supplier-routes.js';
import { registerQualityApi } from './quality-routes.js';
import { registerCalendarApi } from './calendar-routes.js';
import { registerRedFlagsApi } from './redflags-routes.js';
import { registerSavedSearchApi } from './saved-search-routes.js';
import { registerSocialValueApi } from './social-value-routes.js';
import { registerStandardsApi } from './standards-routes.js';
import { registerKpiLibraryApi } from './kpi-library-routes.js';
import { registerImportsApi } from './imports-routes.js';
import { registerKpisApi } from './kpis-routes.js';
import { registerSuppliersApi } from './suppliers-routes.js';
import {
  AnyObject,
  AsOfQuery,
  ContractList,
  ContractListQuery,
  ContractSummary,
  ErrorBody,
  League,
  LeagueQuery,
  OcidParams,
  OrganisationParams,
  ReleaseParams,
  Scorecard,
} from './schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export async function registerApi(parent: FastifyInstance, services: Services): Promise<void> {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(ErrorBody);
  api.addSchema(ContractSummary);

  api.get(
    '/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Search contracting processes',
        querystring: ContractListQuery,
        response: { 200: ContractList, ...errors },
      },
    },
    async (request) => services.contracts.list(services.contracts.queryOrThrow(request.query)),
  );

  api.get(
    '/contracts/:ocid',
    {
      schema: {
        tags: ['contracts'],
        summary: 'One contracting process: parties, lots, awards, contracts, notices',
        params: OcidParams,
        response: { 200: AnyObject, ...errors },
      },
    },
    async (request) => services.contracts.get(request.params.ocid),
  );

  api.get(
    '/contracts/:ocid/record',
    {
      schema: {
        tags: ['contracts'],
        summary: 'The OCDS record package: every release and the compiled release',
        params: OcidParams,
        response: { 200: AnyObject, ...errors },
      },
    },
    async (request) => {
      const uri = `${request.protocol}://${request.host}${request.url}`;
      return services.contracts.recordPackage(request.params.ocid, uri);
    },
  );

  api.get(
    '/contracts/:ocid/releases/:key',
    {
      schema: {
        tags: ['contracts'],
        summary: 'One stored release, as published (1.0 releases upgraded to 1.1)',
        params: ReleaseParams,
        response: { 200: AnyObject, ...errors },
      },
    },
    async (request) => services.contracts.release(request.params.ocid, request.params.key),
  );

  api.get(
    '/quality/organisations',
    {
      schema: {
        tags: ['quality'],
        summary: 'Data-quality league table: every buyer’s score, sortable and paginated',
        querystring: LeagueQuery,
        response: { 200: League, ...errors },
      },
    },
    async (request) => services.quality.league(request.query),
  );

  api.get(
    '/quality/organisations/:id',
    {
      schema: {
        tags: ['quality'],
        summary:
          'One organisation’s data-quality scorecard: score, checks, trend, peers, accountable officer',
        params: OrganisationParams,
        querystring: AsOfQuery,
        response: { 200: Scorecard, ...errors },
      },
    },
    async (request) => services.quality.scorecard(request.params.id, request.query),
  );

  registerHorizonApi(api, services);
  registerPipelineApi(api, services);
  registerEngagementApi(api, services);
  registerOpportunityApi(api, services);
  registerCollaborationApi(api, services);
  registerMarketApi(api, services);
  registerSpendApi(api, services);
  registerSupplierApi(api, services);
  registerQualityApi(api, services);
  await registerCalendarApi(api, services);
  registerRedFlagsApi(api, services);
  registerSavedSearchApi(api, services);
  registerStandardsApi(api, services);
  registerSocialValueApi(api, services);
  registerMissionsApi(api, services);
  registerKpiLibraryApi(api, services);
  registerImportsApi(api, services);
  registerKpisApi(api, services);
  registerSuppliersApi(api, services);

  api.get(
    '/stats',
    { schema: { tags: ['service'], summary: 'Totals: processes, releases, buyers, suppliers, sources' } },
    async () => services.stats.totals(),
  );

  api.get(
    '/sync',
    { schema: { tags: ['service'], summary: 'Sync status of each live source (central teams and admins)' } },
    async (request) => services.sync.status(request.actor),
  );
}
