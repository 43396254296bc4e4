// JSON API for the records behind the data-quality scorecard: one check for one organisation (its failing
// records), one check across buyers, and the league table as CSV. The league table and scorecards are in routes.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  CheckAcross,
  CheckAcrossQuery,
  CheckDetail,
  CheckIdParams,
  CheckParams,
  CheckRecordsQuery,
  LeagueCsvQuery,
} from './quality-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerQualityApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/quality/organisations.csv',
    {
      schema: {
        tags: ['quality'],
        summary: 'The data-quality league table as CSV: every row, same filter and order as the JSON',
        querystring: LeagueCsvQuery,
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'CSV (UTF-8 with BOM)' }, ...errors },
      },
    },
    async (request, reply) => {
      const base = `${request.protocol}://${request.host}`;
      const { asOf, csv } = await services.quality.leagueCsv(request.query, base);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="quality-league-${asOf}.csv"`)
        .send(csv);
    },
  );

  api.get(
    '/quality/organisations/:id/checks/:checkId',
    {
      schema: {
        tags: ['quality'],
        summary:
          'One check for one organisation: definition, counts, and the failing (or not computable) records',
        params: CheckParams,
        querystring: CheckRecordsQuery,
        response: { 200: CheckDetail, ...errors },
      },
    },
    async (request) =>
      services.qualityDetail.checkDetail(request.params.id, request.params.checkId, request.query),
  );

  api.get(
    '/quality/checks/:checkId',
    {
      schema: {
        tags: ['quality'],
        summary: 'One check across every buyer: counts per organisation, lowest pass rate first',
        params: CheckIdParams,
        querystring: CheckAcrossQuery,
        response: { 200: CheckAcross, ...errors },
      },
    },
    async (request) => services.qualityDetail.checkAcross(request.params.checkId, request.query),
  );
}
