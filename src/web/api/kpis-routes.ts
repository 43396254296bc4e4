// The KPI API (docs/kpis.md): KPIs with their rating status (filter by buyer, overdue), a contract's performance,
// and the distribution of ratings nationally or for one buyer, public; and recording a rating of an entered KPI
// (editors of the contract's buyer, kpis.rate; the session cookie and its CSRF token in X-CSRF-Token).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  BuyerDistribution,
  Distribution,
  KpiList,
  KpiRatingsQuery,
  Performance,
  RatingBody,
  RatingCreated,
  RatingParams,
} from './kpis-schemas.js';
import { AsOfQuery, OcidParams, OrganisationParams } from './schemas.js';
import { writeErrors, writer } from './write-routes.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;
const tags = ['kpis'];

export function registerKpisApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/kpis/ratings',
    {
      schema: {
        tags,
        summary: 'KPIs from the data and entered by buyers, with ratings, schedule and overdue flags',
        querystring: KpiRatingsQuery,
        response: { 200: KpiList, ...errors },
      },
    },
    async (request) =>
      services.kpis.ratings({
        buyerId: request.query.buyer,
        overdue: request.query.overdue,
        asOf: request.query.asOf,
      }),
  );
  api.get(
    '/kpis/distribution',
    {
      schema: {
        tags,
        summary: 'Distribution of KPI ratings nationally, per buyer, per CPV division and per mission',
        querystring: AsOfQuery,
        response: { 200: Distribution, ...errors },
      },
    },
    async (request) => services.kpis.national(request.query.asOf),
  );
  api.get(
    '/organisations/:id/kpis',
    {
      schema: {
        tags,
        summary: 'A buyer’s overdue KPIs and the distribution of its ratings (overall and per CPV division)',
        params: OrganisationParams,
        querystring: AsOfQuery,
        response: { 200: BuyerDistribution, ...errors },
      },
    },
    async (request) => services.kpis.buyer(request.params.id, request.query.asOf),
  );
  api.get(
    '/contracts/:ocid/performance',
    {
      schema: {
        tags,
        summary: 'A contract’s KPIs (data and entered) with their rating history and status',
        params: OcidParams,
        querystring: AsOfQuery,
        response: { 200: Performance, ...errors },
      },
    },
    async (request) => services.kpis.contractPerformance(request.params.ocid, request.query.asOf),
  );
  api.post(
    '/contracts/:ocid/performance/kpis/:kpi/ratings',
    {
      schema: {
        tags,
        summary:
          'Record a rating of an entered KPI: from a measured value when the KPI has thresholds, else the code',
        params: RatingParams,
        body: RatingBody,
        response: { 201: RatingCreated, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { ocid, kpi } = request.params;
      const rating = await services.kpis.recordRating(writer(request), ocid, kpi, request.body);
      return reply.code(201).send({ kpiId: kpi, ...rating });
    },
  );
}
