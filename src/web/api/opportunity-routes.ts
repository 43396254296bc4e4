// The opportunities JSON API (docs/opportunities.md): published and closed opportunities for anyone; a buyer's
// editors create them (session cookie and the session's CSRF token as `X-CSRF-Token`, as for the pipeline API) and
// read the interest registered in them. Authorisation and auditing happen in the service. Suppliers register
// interest through the page's form only: its spam checks (honeypot, signed token) are made for people.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  InterestListSchema,
  OpportunityBody,
  OpportunityPageSchema,
  OpportunityParams,
  OpportunityQuery,
  OpportunitySchema,
  OrgOpportunityParams,
} from './opportunity-schemas.js';
import { OrgParams } from './pipeline-schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;
const signedIn = { ...errors, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' } } as const;

export function registerOpportunityApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const opportunities = services.opportunities;
  api.addSchema(OpportunitySchema);

  api.get(
    '/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Published and closed mission market opportunities, filtered and sorted',
        querystring: OpportunityQuery,
        response: { 200: OpportunityPageSchema, ...errors },
      },
    },
    async (request) => {
      const { items, total, page, pageSize } = await opportunities.list(request.query);
      return { items, total, page, pageSize };
    },
  );

  api.get(
    '/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'One published or closed opportunity',
        params: OpportunityParams,
        response: { 200: { $ref: 'Opportunity#' }, ...errors },
      },
    },
    // Anonymous: the API reads no cookies here, so drafts are never shown.
    async (request) => opportunities.get(null, request.params.id),
  );

  api.post(
    '/organisations/:id/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Create an opportunity (the organisation’s editors; session cookie and X-CSRF-Token)',
        params: OrgParams,
        body: OpportunityBody,
        response: { 201: { $ref: 'Opportunity#' }, ...signedIn },
      },
    },
    async (request, reply) => {
      const o = await opportunities.create(request.actor, request.params.id, request.body);
      return reply.code(201).send(o);
    },
  );

  api.get(
    '/organisations/:id/opportunities/:oid/interest',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'The interest registered in one of the organisation’s opportunities (its editors only)',
        params: OrgOpportunityParams,
        response: { 200: InterestListSchema, ...signedIn },
      },
    },
    async (request) => {
      const { items } = await opportunities.interest(request.actor, request.params.id, request.params.oid);
      return { opportunityId: request.params.oid, items };
    },
  );
}
