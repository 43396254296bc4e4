// GET /api/suppliers, /api/suppliers/unresolved, /api/suppliers/{id}: resolved suppliers (docs/suppliers.md).
// Read-only, like the rest of the API; merges and splits are made on the pages, signed in.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  PayeeListQuery,
  PayeePage,
  SupplierDetail,
  SupplierListQuery,
  SupplierPage,
  SupplierParams,
} from './suppliers-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerSuppliersApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/suppliers',
    {
      schema: {
        tags: ['suppliers'],
        summary: 'Suppliers resolved across OCDS parties, contract registers and spend payees',
        querystring: SupplierListQuery,
        response: { 200: SupplierPage, ...errors },
      },
    },
    async (request) => services.suppliers.list(request.query),
  );
  api.get(
    '/suppliers/unresolved',
    {
      schema: {
        tags: ['suppliers'],
        summary:
          'Spend payees no Companies House, charity or PPON number ties to an organisation (for review)',
        querystring: PayeeListQuery,
        response: { 200: PayeePage, ...errors },
      },
    },
    async (request) => services.suppliers.unresolved(request.query),
  );
  api.get(
    '/suppliers/:id',
    {
      schema: {
        tags: ['suppliers'],
        summary:
          'One supplier: its sources with the evidence and confidence of each match, and its overrides',
        params: SupplierParams,
        response: { 200: SupplierDetail, ...errors },
      },
    },
    async (request) => {
      const d = await services.suppliers.get(request.params.id);
      const { history: _history, ...rest } = d;
      return {
        ...rest,
        overrides: rest.overrides.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
      };
    },
  );
}
