// GET /api/horizon (JSON, paginated) and /api/horizon.csv (every contract of the scan): the horizon scan
// (docs/horizon-scan.md) with the page's filters.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { HorizonQuerySchema, HorizonScanSchema } from './horizon-schemas.js';

const errors = { 400: { $ref: 'Error#' } } as const;

export function registerHorizonApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const horizon = services.horizon;

  api.get(
    '/horizon',
    {
      schema: {
        tags: ['horizon'],
        summary: 'Horizon scan: let contracts ending in the next months, with decision-due dates',
        querystring: HorizonQuerySchema,
        response: { 200: HorizonScanSchema, ...errors },
      },
    },
    async (request) => horizon.scan(horizon.queryOrThrow(request.query)),
  );

  api.get(
    '/horizon.csv',
    {
      schema: {
        tags: ['horizon'],
        summary: 'The horizon scan as CSV: every contract (all pages), same filters and order',
        querystring: HorizonQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const query = horizon.queryOrThrow(request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="horizon.csv"')
        .send(horizon.exportCsv(query, `${request.protocol}://${request.host}`));
    },
  );
}
