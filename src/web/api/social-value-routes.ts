// The social value API (docs/social-value.md): roll-ups and a contract's commitments for anyone; writes for the
// buyer's editors (commitments, delivery reports) and verifiers, who send their session cookie and the session's
// CSRF token in an `X-CSRF-Token` header. Authorisation and auditing happen in the social value service.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { OcidParams } from './schemas.js';
import { readErrors, writeErrors } from './write-routes.js';
import {
  CommitmentBody,
  CommitmentSchema,
  ContractSocialValueSchema,
  DeliveryBody,
  DeliverySchema,
  IdParams,
  RollUpQuerySchema,
  RollUpSchema,
  VerdictBody,
} from './social-value-schemas.js';

const errors = readErrors;

export function registerSocialValueApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const sv = services.socialValue;
  api.addSchema(DeliverySchema);
  api.addSchema(CommitmentSchema);

  api.get(
    '/social-value',
    {
      schema: {
        tags: ['missions'],
        summary: 'Social value committed vs delivered vs verified, one row per group and metric id',
        querystring: RollUpQuerySchema,
        response: { 200: RollUpSchema, ...errors },
      },
    },
    async (request) => sv.rollUp(sv.filters(request.query)),
  );

  api.get(
    '/contracts/:ocid/social-value',
    {
      schema: {
        tags: ['missions'],
        summary: 'A contract’s social value commitments, delivery reports and roll-up per metric',
        params: OcidParams,
        response: { 200: ContractSocialValueSchema, ...errors },
      },
    },
    async (request) => sv.contract(request.actor, request.params.ocid),
  );

  api.post(
    '/contracts/:ocid/social-value/commitments',
    {
      schema: {
        tags: ['missions'],
        summary: 'Record a commitment (the buyer’s editors; session cookie and X-CSRF-Token header)',
        params: OcidParams,
        body: CommitmentBody,
        response: { 201: { $ref: 'SocialValueCommitment#' }, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sv.commit(request.actor, request.params.ocid, request.body)),
  );

  api.post(
    '/social-value/commitments/:id/deliveries',
    {
      schema: {
        tags: ['missions'],
        summary: 'Report delivery against a commitment, with evidence links (the buyer’s editors)',
        params: IdParams,
        body: DeliveryBody,
        response: { 201: { $ref: 'SocialValueDelivery#' }, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sv.report(request.actor, request.params.id, request.body)),
  );

  api.post(
    '/social-value/deliveries/:id/verification',
    {
      schema: {
        tags: ['missions'],
        summary:
          'Verify or reject an unverified delivery report (accountable officer, central; not the reporter)',
        params: IdParams,
        body: VerdictBody,
        response: { 200: { $ref: 'SocialValueDelivery#' }, ...writeErrors },
      },
    },
    async (request) => sv.verify(request.actor, request.params.id, request.body),
  );
}
