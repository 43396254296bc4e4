// Market engagement pages (docs/engagement.md): an entry's exercises and no-engagement reason, the new/edit
// exercise forms (CSRF-checked by plugins/session.ts; authorisation in the service), one exercise, a buyer's
// summary and its CSV. Public reading follows the pipeline: published entries' exercises to anyone.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import { engagementCsv } from '../../services/engagement/engagement-csv.js';
import type { Services } from '../../services/index.js';
import {
  EMPTY_EXERCISE,
  exerciseFormViewModel,
  exerciseInput,
  exerciseValues,
  rationaleError,
  readExerciseForm,
  type ExerciseFormValues,
} from '../pages/engagement/form-view-model.js';
import {
  buyerEngagementViewModel,
  engagementHref,
  entryEngagementViewModel,
  exerciseHref,
  exerciseViewModel,
} from '../pages/engagement/view-model.js';
import { entryHref, pipelineHref } from '../pages/pipeline/view-model.js';
import { csvDownload } from '../csv-reply.js';
import type { Views } from '../views.js';
import { entryId } from './pipeline.js';
import { organisationId } from './quality.js';

const FORM = 'engagement/form.njk';

function exerciseId(v: string): number {
  if (!/^[1-9]\d{0,15}$/.test(v)) throw new AppError('NOT_FOUND', `There is no engagement exercise ${v}`);
  return Number(v);
}

const versionOf = (body: Record<string, unknown>, least: number): number => {
  const v = Number(body.version);
  if (!Number.isInteger(v) || v < least) throw new AppError('BAD_REQUEST', 'The form has no version');
  return v;
};

const signIn = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

const formErrorCodes = new Set(['BAD_REQUEST', 'CONFLICT']);

export function registerEngagementPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const engagement = services.engagement;

  async function formContext(
    request: FastifyRequest,
    entry: Awaited<ReturnType<typeof engagement.editableEntry>>,
    values: ExerciseFormValues,
    existing?: { id: number; purpose: string },
  ) {
    const candidates = await engagement.candidates(entry, values.endDate || values.startDate || null);
    const crumbs = [
      { text: 'Pipelines', href: '/pipeline' },
      { text: entry.organisationName, href: pipelineHref(entry.organisationId) },
      { text: entry.title, href: entryHref(entry.id) },
      { text: 'Market engagement', href: engagementHref(entry.id) },
    ];
    return {
      title: existing ? 'Change an engagement exercise' : 'Record an engagement exercise',
      caption: `${entry.organisationName}: ${entry.title}`,
      action: existing ? exerciseHref(existing.id) : engagementHref(entry.id),
      cancelHref: existing ? exerciseHref(existing.id) : engagementHref(entry.id),
      values,
      candidates,
      entryHasCpv: entry.cpvCode !== null,
      breadcrumbs: existing
        ? [...crumbs, { text: existing.purpose, href: exerciseHref(existing.id) }, { text: 'Change' }]
        : [...crumbs, { text: 'New exercise' }],
    };
  }

  async function entryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra = {},
    status = 200,
  ) {
    const view = await engagement.forEntry(request.actor, id);
    return views.page(
      request,
      reply,
      'engagement/entry.njk',
      { ...entryEngagementViewModel(view), ...extra },
      status,
    );
  }

  app.get<{ Params: { entryId: string } }>('/pipeline/entries/:entryId/engagement', async (request, reply) =>
    entryPage(request, reply, entryId(request.params.entryId)),
  );

  app.get<{ Params: { entryId: string } }>(
    '/pipeline/entries/:entryId/engagement/new',
    async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      const entry = await engagement.editableEntry(request.actor, entryId(request.params.entryId));
      const context = await formContext(request, entry, EMPTY_EXERCISE);
      return views.page(request, reply, FORM, exerciseFormViewModel(context));
    },
  );

  app.post<{ Params: { entryId: string } }>(
    '/pipeline/entries/:entryId/engagement',
    async (request, reply) => {
      const id = entryId(request.params.entryId);
      const values = readExerciseForm((request.body ?? {}) as Record<string, unknown>);
      try {
        const x = await engagement.create(request.actor, id, exerciseInput(values));
        return reply.redirect(exerciseHref(x.id), 303);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
        const entry = await engagement.editableEntry(request.actor, id);
        const context = await formContext(request, entry, values);
        return views.page(request, reply, FORM, exerciseFormViewModel({ ...context, error: e.message }), 400);
      }
    },
  );

  app.post<{ Params: { entryId: string } }>(
    '/pipeline/entries/:entryId/engagement/rationale',
    async (request, reply) => {
      const id = entryId(request.params.entryId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const version = versionOf(body, 0);
      try {
        await engagement.setRationale(request.actor, id, version, body.rationale);
        return reply.redirect(engagementHref(id), 303);
      } catch (e) {
        if (!isAppError(e) || !formErrorCodes.has(e.code)) throw e;
        const conflict = e.code === 'CONFLICT';
        const errors = conflict ? [{ text: e.message, href: '#conflict' }] : rationaleError(e.message);
        return entryPage(
          request,
          reply,
          id,
          {
            errorSummary: errors,
            conflict: conflict ? e.message : undefined,
            rationaleValue: typeof body.rationale === 'string' ? body.rationale : '',
            rationaleErrorMessage: conflict ? undefined : { text: errors.map((x) => x.text).join('. ') },
            // Keep the version the editor started from: saving again without looking conflicts again.
            ...(conflict ? { rationaleVersion: version } : {}),
          },
          conflict ? 409 : 400,
        );
      }
    },
  );

  app.get<{ Params: { id: string } }>('/engagement/:id', async (request, reply) => {
    const view = await engagement.exercise(request.actor, exerciseId(request.params.id));
    return views.page(request, reply, 'engagement/exercise.njk', exerciseViewModel(view));
  });

  app.get<{ Params: { id: string } }>('/engagement/:id/edit', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const x = await engagement.editable(request.actor, exerciseId(request.params.id));
    const entry = await engagement.editableEntry(request.actor, x.entryId);
    const context = await formContext(request, entry, exerciseValues(x), x);
    return views.page(request, reply, FORM, exerciseFormViewModel({ ...context, version: x.version }));
  });

  app.post<{ Params: { id: string } }>('/engagement/:id', async (request, reply) => {
    const id = exerciseId(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = readExerciseForm(body);
    const version = versionOf(body, 1);
    try {
      await engagement.update(request.actor, id, version, exerciseInput(values));
      return reply.redirect(exerciseHref(id), 303);
    } catch (e) {
      if (!isAppError(e) || !formErrorCodes.has(e.code)) throw e;
      const x = await engagement.editable(request.actor, id);
      const entry = await engagement.editableEntry(request.actor, x.entryId);
      const context = { ...(await formContext(request, entry, values, x)), version };
      if (e.code === 'CONFLICT')
        return views.page(
          request,
          reply,
          FORM,
          exerciseFormViewModel({
            ...context,
            conflict: { message: e.message, href: `${exerciseHref(id)}/edit` },
          }),
          409,
        );
      return views.page(request, reply, FORM, exerciseFormViewModel({ ...context, error: e.message }), 400);
    }
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/engagement', async (request, reply) => {
    const view = await engagement.buyer(request.actor, organisationId(request.params.id));
    return views.page(request, reply, 'engagement/buyer.njk', buyerEngagementViewModel(view));
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/engagement.csv', async (request, reply) => {
    const view = await engagement.buyer(request.actor, organisationId(request.params.id));
    return csvDownload(
      reply,
      `engagement-${view.organisation.id}.csv`,
      engagementCsv(view.exercises, `${request.protocol}://${request.host}`),
    );
  });
}
