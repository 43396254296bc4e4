// GET /api/imports and /api/imports/:id: import runs, their column mapping, counts and rejected rows, for a
// signed-in user (session cookie) allowed imports.read (authz.ts): central and admin see all, members their own.
// GET /api/organisations/:id/local-contracts: a buyer's register and notice-export contracts (public).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  ImportListQuery,
  ImportRunDetail,
  ImportRunList,
  ImportRunParams,
  ImportRunQuery,
  LocalContractList,
} from './imports-schemas.js';

const errors = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
} as const;

export function registerImportsApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Import runs of local files (spend, register, notices), newest first; needs a signed-in session',
        querystring: ImportListQuery,
        response: { 200: ImportRunList, ...errors },
      },
    },
    async (request) => services.imports.list(request.actor, request.query),
  );
  api.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary:
          'One import run: how each column was mapped, counts, and a page of its rejected rows by line',
        params: ImportRunParams,
        querystring: ImportRunQuery,
        response: { 200: ImportRunDetail, ...errors },
      },
    },
    async (request) => services.imports.get(request.actor, request.params.id, request.query),
  );
  api.get(
    '/organisations/:id/local-contracts',
    {
      schema: {
        tags: ['imports'],
        summary:
          'A buyer’s contracts from contract registers and Contracts Finder notice exports, with source file and line',
        params: ImportRunParams,
        querystring: ImportRunQuery,
        response: { 200: LocalContractList, 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
      },
    },
    async (request) => services.imports.contracts(request.params.id, request.query),
  );
}
