// GET /api/market: market-shaping figures for one buyer, CPV prefix or region over a period
// (docs/market-analytics.md).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { MARKET_API_PAGE_SIZE } from '../../services/market/market-query.js';
import { MarketProfileSchema, MarketQuerySchema } from './market-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerMarketApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/market',
    {
      schema: {
        tags: ['market'],
        summary:
          'Market analytics: value, HHI, top-1/3, SME/VCSE, local, new entrants, single bids, direct awards',
        querystring: MarketQuerySchema,
        response: { 200: MarketProfileSchema, ...errors },
      },
    },
    async (request) => {
      const { page = 1, pageSize = MARKET_API_PAGE_SIZE, ...input } = request.query;
      return services.market.profile(services.market.queryOrThrow(input), {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
    },
  );
}
