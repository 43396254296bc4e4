// /api/saved-searches: the signed-in user's saved horizon searches as JSON (docs/saved-searches.md). Unlike the rest
// of /api these read the session cookie (plugins/session.ts), and every change must send the session's CSRF token
// as the X-CSRF-Token header (the list returns it). Only the owner reaches a search: the service checks.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SavedSearch, Services } from '../../services/index.js';
import { SAVED_SEARCH_LIMIT } from '../../services/horizon/saved-search-input.js';
import {
  AlertsQuery,
  CreateSavedSearch,
  RenameSavedSearch,
  SavedSearchAlertsSchema,
  SavedSearchList,
  SavedSearchParams,
  SavedSearchSchema,
} from './saved-search-schemas.js';

const errors = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;
const tags = ['saved searches'];

const withFeed = (request: FastifyRequest, s: SavedSearch) => {
  const { feedToken, ...rest } = s;
  return { ...rest, feedUrl: `${request.protocol}://${request.host}/saved-searches/feed/${feedToken}` };
};

export function registerSavedSearchApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const saved = services.savedSearches;
  const one = { params: SavedSearchParams, response: { 200: SavedSearchSchema, ...errors } };

  api.get(
    '/saved-searches',
    {
      schema: {
        tags,
        summary: 'Your saved horizon searches (signed in)',
        response: { 200: SavedSearchList, ...errors },
      },
    },
    async (request) => ({
      items: (await saved.list(request.actor)).map((s) => withFeed(request, s)),
      limit: SAVED_SEARCH_LIMIT,
      csrfToken: request.csrfToken,
    }),
  );

  api.post(
    '/saved-searches',
    {
      schema: {
        tags,
        summary: 'Save horizon filters under a name',
        body: CreateSavedSearch,
        response: { 201: SavedSearchSchema, ...errors },
      },
    },
    async (request, reply) => {
      const s = await saved.create(request.actor, request.body);
      return reply.code(201).send(withFeed(request, s));
    },
  );

  api.get(
    '/saved-searches/:id',
    { schema: { tags, summary: 'One of your saved searches', ...one } },
    async (request) => withFeed(request, await saved.get(request.actor, request.params.id)),
  );

  api.patch(
    '/saved-searches/:id',
    { schema: { tags, summary: 'Rename a saved search', body: RenameSavedSearch, ...one } },
    async (request) =>
      withFeed(request, await saved.rename(request.actor, request.params.id, request.body.name)),
  );

  api.delete(
    '/saved-searches/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved search',
        params: SavedSearchParams,
        response: { 204: {}, ...errors },
      },
    },
    async (request, reply) => {
      await saved.remove(request.actor, request.params.id);
      return reply.code(204).send();
    },
  );

  api.post(
    '/saved-searches/:id/feed-token',
    { schema: { tags, summary: 'A new feed address (the old one stops working)', ...one } },
    async (request) => withFeed(request, await saved.regenerateFeedToken(request.actor, request.params.id)),
  );

  api.post(
    '/saved-searches/:id/seen',
    { schema: { tags, summary: 'Mark a saved search seen: its alerts start again from now', ...one } },
    async (request) => withFeed(request, await saved.markSeen(request.actor, request.params.id)),
  );

  api.get(
    '/saved-searches/:id/alerts',
    {
      schema: {
        tags,
        summary: 'Contracts new in a saved search since you last marked it seen',
        params: SavedSearchParams,
        querystring: AlertsQuery,
        response: { 200: SavedSearchAlertsSchema, ...errors },
      },
    },
    async (request) => {
      const a = await saved.alerts(
        request.actor,
        request.params.id,
        request.query.page,
        request.query.pageSize,
      );
      return { ...a, search: withFeed(request, a.search) };
    },
  );
}
