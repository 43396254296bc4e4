// GET /api/market/suppliers/:id: the supplier profile (docs/market-analytics.md, "Supplier profile"). An
// organisation merged into another answers 301 to that one's profile.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { SupplierParamsSchema, SupplierProfileSchema, SupplierQuerySchema } from './supplier-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerSupplierApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/market/suppliers/:id',
    {
      schema: {
        tags: ['market'],
        summary:
          'Supplier profile: awards by buyer, market (with market share) and year; direct awards, single bids',
        params: SupplierParamsSchema,
        querystring: SupplierQuerySchema,
        response: { 200: SupplierProfileSchema, ...errors },
      },
    },
    async (request, reply) => {
      const id = Number(request.params.id);
      const profile = await services.supplierProfile.profile(
        services.supplierProfile.queryOrThrow(id, request.query),
      );
      if ('mergedInto' in profile) {
        const q = new URLSearchParams(request.query as Record<string, string>).toString();
        return reply.redirect(`/api/market/suppliers/${profile.mergedInto}${q ? `?${q}` : ''}`, 301);
      }
      return profile;
    },
  );
}
