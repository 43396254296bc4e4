// GET /api/flags: red flags for a buyer (?buyerId=) or one record (?ocid=); without either, the definitions.
// GET /api/flags/national: every buyer's stored flagged results, filtered (docs/red-flags.md, "National list").
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { FlagsAnswer, FlagsQuery, NationalFlagsAnswer, NationalFlagsQuery } from './redflags-schemas.js';

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
  parent.withTypeProvider<TypeBoxTypeProvider>().get(
    '/flags/national',
    {
      schema: {
        tags: ['red flags'],
        summary:
          'Every buyer’s flagged results (the stored results, refreshed after each ingest and sync), filtered by ' +
          'flag, severity, buyer, CPV and region, a page at a time; results of buyers waiting to be judged again ' +
          'are marked stale',
        querystring: NationalFlagsQuery,
        response: { 200: NationalFlagsAnswer, ...errors },
      },
    },
    async (request) => services.redflags.national(request.query),
  );
}
