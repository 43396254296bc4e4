// The standards catalogue and mission mapping, read-only (docs/missions.md): the effective standard of the nation,
// a region or a buyer; the effective CPV → mission rules; one CPV code through them; a contract's missions.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { OcidParams } from './schemas.js';
import {
  ContractMissionsSchema,
  CpvParamsSchema,
  CpvRuleSchema,
  EffectiveStandardSchema,
  MappingSchema,
  ScopeQuerySchema,
} from './standards-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;

export function registerStandardsApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/standards',
    {
      schema: {
        tags: ['missions'],
        summary: 'The effective standard (missions → outcomes → metrics) with the provenance of each item',
        querystring: ScopeQuerySchema,
        response: { 200: EffectiveStandardSchema, ...errors },
      },
    },
    async (request) => services.standards.effective(request.query),
  );
  api.get(
    '/standards/mapping',
    {
      schema: {
        tags: ['missions'],
        summary: 'The effective CPV → mission rules (default, region, buyer)',
        querystring: ScopeQuerySchema,
        response: { 200: MappingSchema, ...errors },
      },
    },
    async (request) => services.missionMap.effective(request.query),
  );
  api.get(
    '/standards/mapping/cpv/:code',
    {
      schema: {
        tags: ['missions'],
        summary: 'The rule that maps one CPV code to missions',
        params: CpvParamsSchema,
        querystring: ScopeQuerySchema,
        response: { 200: CpvRuleSchema, ...errors },
      },
    },
    async (request) => ({
      code: request.params.code.slice(0, 8),
      rule: await services.missionMap.ruleFor(request.params.code, request.query),
    }),
  );
  api.get(
    '/contracts/:ocid/missions',
    {
      schema: {
        tags: ['missions'],
        summary: 'A contract’s missions with the provenance of each, and its overrides',
        params: OcidParams,
        response: { 200: ContractMissionsSchema, ...errors },
      },
    },
    async (request) => services.missionMap.contractMissions(request.params.ocid),
  );
}
