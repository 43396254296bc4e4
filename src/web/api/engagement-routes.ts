// The market engagement JSON API (docs/engagement.md): published entries' exercises, their participation mix and
// the buyer's UK2 notices for anyone (participants' names are not public); writes for editors of the buyer (the
// pipeline's rule), who send their session cookie and the session's CSRF token in an `X-CSRF-Token` header.
// Authorisation, version checks and auditing happen in the engagement service; a stale version gets 409.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { readErrors, writeErrors, writer } from './write-routes.js';
import {
  BuyerEngagementSchema,
  EntryEngagementSchema,
  EntryParams,
  ExerciseBody,
  ExerciseParams,
  ExerciseSchema,
  ExerciseUpdateBody,
  MixSchema,
  OrgParams,
  RationaleBody,
} from './engagement-schemas.js';

const errors = readErrors;
const tags = ['engagement'];

export function registerEngagementApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const engagement = services.engagement;
  api.addSchema(MixSchema);
  api.addSchema(ExerciseSchema);

  /** An exercise as the public sees it (the service has already emptied participants for public readers). */
  const publicExercise = async (id: number) => (await engagement.exercise(null, id)).exercise;

  api.get(
    '/pipeline/entries/:entryId/engagement',
    {
      schema: {
        tags,
        summary:
          'A published pipeline entry’s engagement exercises, mix, no-engagement reason and UK2 notices',
        params: EntryParams,
        response: { 200: EntryEngagementSchema, ...errors },
      },
    },
    async (request) => {
      const v = await engagement.forEntry(null, request.params.entryId);
      return {
        entryId: v.entry.id,
        exercises: v.exercises,
        mix: v.mix,
        rationale: v.rationale?.rationale ?? null,
        rationaleVersion: v.rationale?.version ?? 0,
        notices: v.notices,
      };
    },
  );

  api.get(
    '/organisations/:id/engagement',
    {
      schema: {
        tags,
        summary: 'A buyer’s published engagement exercises, its participation mix and UK2 notices',
        params: OrgParams,
        response: { 200: BuyerEngagementSchema, ...errors },
      },
    },
    async (request) => {
      const v = await engagement.buyer(null, request.params.id);
      return { organisationId: v.organisation.id, exercises: v.exercises, mix: v.mix, notices: v.notices };
    },
  );

  api.get(
    '/engagement/:exerciseId',
    {
      schema: {
        tags,
        summary: 'One engagement exercise of a published entry',
        params: ExerciseParams,
        response: { 200: { $ref: 'EngagementExercise#' }, ...errors },
      },
    },
    async (request) => publicExercise(request.params.exerciseId),
  );

  api.post(
    '/pipeline/entries/:entryId/engagement',
    {
      schema: {
        tags,
        summary: 'Record an exercise (editors of the buyer; session cookie and X-CSRF-Token header)',
        params: EntryParams,
        body: ExerciseBody,
        response: { 201: { $ref: 'EngagementExercise#' }, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = writer(request);
      const x = await engagement.create(actor, request.params.entryId, request.body);
      return reply.code(201).send((await engagement.exercise(actor, x.id)).exercise);
    },
  );

  api.put(
    '/engagement/:exerciseId',
    {
      schema: {
        tags,
        summary: 'Replace an exercise’s fields, from the version you read (409 when someone saved since)',
        params: ExerciseParams,
        body: ExerciseUpdateBody,
        response: { 200: { $ref: 'EngagementExercise#' }, ...writeErrors },
      },
    },
    async (request) => {
      const actor = writer(request);
      const { version, ...fields } = request.body;
      await engagement.update(actor, request.params.exerciseId, version, fields);
      return (await engagement.exercise(actor, request.params.exerciseId)).exercise;
    },
  );

  api.put(
    '/pipeline/entries/:entryId/engagement/rationale',
    {
      schema: {
        tags,
        summary: 'Record (or clear) why an entry had no engagement, from the version you read',
        params: EntryParams,
        body: RationaleBody,
        response: {
          200: {
            type: 'object',
            properties: { rationale: { type: ['string', 'null'] }, version: { type: 'integer' } },
          },
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const r = await engagement.setRationale(
        writer(request),
        request.params.entryId,
        request.body.version,
        request.body.rationale,
      );
      return { rationale: r.rationale, version: r.version };
    },
  );
}
