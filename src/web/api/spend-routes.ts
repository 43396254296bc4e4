// GET /api/spend: paid-money analytics for one buyer or place over a period (docs/paid-money.md).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { SpendProfileSchema, SpendQuerySchema } from './spend-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerSpendApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/spend',
    {
      schema: {
        tags: ['spend'],
        summary:
          'Paid money: by supplier, category, place and period; SME/VCSE/local shares; on/off contract; LM3',
        querystring: SpendQuerySchema,
        response: { 200: SpendProfileSchema, ...errors },
      },
    },
    async (request) => {
      const { buyerId, ...rest } = request.query;
      return services.paid.profile(
        services.paid.queryOrThrow({ ...rest, ...(buyerId !== undefined ? { buyerId } : {}) }),
      );
    },
  );
}
