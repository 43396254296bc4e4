// GET /api/collaborate (JSON, paginated) and /api/collaborate.csv (every group with all its contracts): the
// collaboration finder (docs/collaboration.md) with the page's filters.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { CollaborationQuerySchema, CollaborationResultSchema } from './collaboration-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerCollaborationApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const collaboration = services.collaboration;

  api.get(
    '/collaborate',
    {
      schema: {
        tags: ['collaboration'],
        summary:
          'Collaboration finder: buyers with contracts in the same market and area, decisions due together',
        querystring: CollaborationQuerySchema,
        response: { 200: CollaborationResultSchema, ...errors },
      },
    },
    async (request) => collaboration.find(collaboration.queryOrThrow(request.query)),
  );

  api.get(
    '/collaborate.csv',
    {
      schema: {
        tags: ['collaboration'],
        summary: 'The collaboration groups as CSV: one row per contract of every group (all pages)',
        querystring: CollaborationQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const query = collaboration.queryOrThrow(request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="collaborate.csv"')
        .send(collaboration.exportCsv(query, `${request.protocol}://${request.host}`));
    },
  );
}
