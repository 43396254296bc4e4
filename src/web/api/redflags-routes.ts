// GET /api/flags: red flags for a buyer (?buyerId=) or one record (?ocid=); without either, the definitions.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { FlagsAnswer, FlagsQuery } from './redflags-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerRedFlagsApi(parent: FastifyInstance, services: Services): void {
  parent.withTypeProvider<TypeBoxTypeProvider>().get(
    '/flags',
    {
      schema: {
        tags: ['red flags'],
        summary:
          'Red flags with evidence for a buyer (buyerId) or a record (ocid), a summary per flag and a page of ' +
          'results; without either, every flag’s definition and thresholds in force',
        querystring: FlagsQuery,
        response: { 200: FlagsAnswer, ...errors },
      },
    },
    async (request) => services.redflags.flags(request.query),
  );
}
