// The pipeline JSON API (docs/pipeline.md): published entries for anyone (a buyer's pipeline, the central pipeline
// across buyers, one entry); writes for editors, who send their session cookie and the session's CSRF token in an
// `X-CSRF-Token` header (a cross-site page can send the cookie but cannot read the token). Authorisation, version
// checks and auditing happen in the pipeline service; a stale version gets 409.
import { timingSafeEqual } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Actor } from '../../services/authz.js';
import type { Services } from '../../services/index.js';
import { cookieNames, CSRF_FAILED, parseCookies } from '../plugins/session.js';
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

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;
const writeErrors = {
  ...errors,
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;
// Either cookie name: development and production (__Host-) deployments.
const SESSION_COOKIES = [
  cookieNames({ production: true }).session,
  cookieNames({ production: false }).session,
];

export function registerPipelineApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const pipeline = services.pipeline;
  api.addSchema(PipelineEntrySchema);

  /** The signed-in editor behind a write: a live session and its CSRF token in X-CSRF-Token. */
  async function writer(request: FastifyRequest): Promise<Actor> {
    const cookies = parseCookies(request.headers.cookie);
    const token = SESSION_COOKIES.map((n) => cookies.get(n)).find((t) => t !== undefined);
    const session = token ? await services.accounts.resolveSession(token) : null;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    const sent = Buffer.from(String(request.headers['x-csrf-token'] ?? ''));
    const expected = Buffer.from(session.csrfToken);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
      throw new AppError('FORBIDDEN', CSRF_FAILED);
    return session.actor;
  }

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
      const entry = await pipeline.create(await writer(request), request.params.id, request.body);
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
      return pipeline.update(await writer(request), request.params.entryId, version, fields);
    },
  );
}
