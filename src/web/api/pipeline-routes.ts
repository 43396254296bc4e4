// The pipeline JSON API (docs/pipeline.md): published entries for anyone (a buyer's pipeline, the central pipeline
// across buyers, one entry); writes for editors, who send their session cookie and the session's CSRF token in an
// `X-CSRF-Token` header (a cross-site page can send the cookie but cannot read the token). Authorisation, version
// checks and auditing happen in the pipeline service; a stale version gets 409.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { readErrors, writeErrors, writer } from './write-access.js';
import {
  CentralQuery,
  EntryParams,
  OrgParams,
  PageQuery,
  PipelineEntryBody,
  PipelineEntrySchema,
  PipelinePageSchema,
  PipelineUpdateBody,
} from './pipeline-schemas.js';

const errors = readErrors;

export function registerPipelineApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const pipeline = services.pipeline;
  api.addSchema(PipelineEntrySchema);

  api.get(
    '/organisations/:id/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'A buyer’s published pipeline entries, soonest procurement start first',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: PipelinePageSchema, ...errors },
      },
    },
    async (request) => {
      const v = await pipeline.pipeline(null, request.params.id, { ...request.query, publicView: true });
      return { items: v.items, total: v.total, page: v.page, pageSize: v.pageSize };
    },
  );

  api.get(
    '/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Published pipeline entries across buyers, filtered by CPV, region, value and start window',
        querystring: CentralQuery,
        response: { 200: PipelinePageSchema, ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, cpv, region, ...rest } = request.query;
      const v = await pipeline.central(
        { ...rest, ...(cpv ? { cpvPrefix: cpv } : {}), ...(region ? { regionPrefix: region } : {}) },
        { page, pageSize },
      );
      return { items: v.items, total: v.total, page: v.page, pageSize: v.pageSize };
    },
  );

  api.get(
    '/pipeline/entries/:entryId',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'One published pipeline entry',
        params: EntryParams,
        response: { 200: { $ref: 'PipelineEntry#' }, ...errors },
      },
    },
    async (request) => (await pipeline.entry(null, request.params.entryId)).entry,
  );

  api.post(
    '/organisations/:id/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Add an entry (editors of the buyer; session cookie and X-CSRF-Token header)',
        params: OrgParams,
        body: PipelineEntryBody,
        response: { 201: { $ref: 'PipelineEntry#' }, ...writeErrors },
      },
    },
    async (request, reply) => {
      const entry = await pipeline.create(writer(request), request.params.id, request.body);
      return reply.code(201).send(entry);
    },
  );

  api.put(
    '/pipeline/entries/:entryId',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Replace an entry’s fields, from the version you read (409 when someone saved since)',
        params: EntryParams,
        body: PipelineUpdateBody,
        response: { 200: { $ref: 'PipelineEntry#' }, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...fields } = request.body;
      return pipeline.update(writer(request), request.params.entryId, version, fields);
    },
  );
}
