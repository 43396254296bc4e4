// Pipeline pages (docs/pipeline.md): a buyer's pipeline (the editors' workspace, or the public page when signed
// out), an entry with its change log, the new/edit forms (CSRF-checked by plugins/session.ts; authorisation in the
// service), "plan the re-procurement" from a contract, and the change log. Exports and the central pipeline are
// in pipeline-files.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { PipelineStatus } from '../../domain/pipeline.js';
import { isDay } from '../../domain/rules/index.js';
import {
  formViewModel,
  prefillValues,
  readForm,
  toInput,
  valuesOf,
  type FormContext,
  type FormValues,
} from '../pages/pipeline/form-view-model.js';
import {
  changesViewModel,
  entryHref,
  entryViewModel,
  pipelineHref,
  pipelineViewModel,
} from '../pages/pipeline/view-model.js';
import { attachedSection } from '../pages/kpis/library-view-model.js';
import type { Views } from '../views.js';
import { organisationId } from './quality.js';

export function entryId(v: string): number {
  if (!/^[1-9]\d{0,15}$/.test(v)) throw new AppError('NOT_FOUND', `There is no pipeline entry ${v}`);
  return Number(v);
}

const pageOf = (q: unknown) => {
  const p = Number((q as { page?: string }).page ?? '1');
  return Number.isInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
};

const SINCE_ERROR = 'Changed since must be a date as YYYY-MM-DD';

/** A change log's `since` (YYYY-MM-DD, from the start of that day UTC): as typed, and the instant when valid. */
function sinceOf(query: { since?: string }): { text: string; valid: boolean; since?: Date } {
  const text = (query.since ?? '').trim();
  const valid = text === '' || (/^\d{4}-\d{2}-\d{2}$/.test(text) && isDay(text));
  return { text, valid, ...(text && valid ? { since: new Date(`${text}T00:00:00Z`) } : {}) };
}

const signIn = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

export function registerPipelinePages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const pipeline = services.pipeline;
  const FORM = 'pipeline/form.njk';

  app.get<{ Params: { id: string } }>('/organisations/:id/pipeline', async (request, reply) => {
    const view = await pipeline.pipeline(request.actor, organisationId(request.params.id), {
      page: pageOf(request.query),
    });
    return views.page(request, reply, 'pipeline/list.njk', pipelineViewModel(view, ''));
  });

  async function newForm(request: FastifyRequest, orgId: number, values: FormValues, ocid?: string) {
    const view = await pipeline.pipeline(request.actor, orgId, { pageSize: 1 });
    const context: FormContext = {
      title: 'Add a pipeline entry',
      caption: view.organisation.name,
      action: pipelineHref(orgId),
      cancelHref: pipelineHref(orgId),
      values,
      breadcrumbs: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: view.organisation.name, href: pipelineHref(orgId) },
        { text: 'New entry' },
      ],
    };
    if (ocid) {
      const detail = await services.contracts.get(ocid).catch(() => null);
      context.fromContract = { ocid, title: detail?.title ?? null };
    }
    return context;
  }

  app.get<{ Params: { id: string }; Querystring: { from?: string } }>(
    '/organisations/:id/pipeline/new',
    async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      const orgId = organisationId(request.params.id);
      if (!pipeline.mayEdit(request.actor, orgId))
        throw new AppError('FORBIDDEN', 'You do not have permission to change this organisation’s pipeline');
      const from = request.query.from;
      let values: FormValues = { status: 'idea' };
      if (from) {
        const prefill = await pipeline.fromContract(request.actor, from);
        if (prefill.organisationId !== orgId)
          return reply.redirect(
            `${pipelineHref(prefill.organisationId)}/new?from=${encodeURIComponent(from)}`,
            303,
          );
        values = prefillValues(prefill.values);
      }
      return views.page(request, reply, FORM, formViewModel(await newForm(request, orgId, values, from)));
    },
  );

  app.post<{ Params: { id: string } }>('/organisations/:id/pipeline', async (request, reply) => {
    const orgId = organisationId(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = readForm(body);
    try {
      const e = await pipeline.create(request.actor, orgId, toInput(values));
      return reply.redirect(entryHref(e.id), 303);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      const from = typeof body.from === 'string' && body.from ? body.from : undefined;
      const context = await newForm(request, orgId, values, from);
      return views.page(request, reply, FORM, formViewModel({ ...context, error: e.message }), 400);
    }
  });

  /** "Plan the re-procurement": the contract's buyer's new-entry form, prefilled from the contract. */
  app.get<{ Params: { ocid: string } }>('/pipeline/from/:ocid', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const prefill = await pipeline.fromContract(request.actor, request.params.ocid);
    return reply.redirect(
      `${pipelineHref(prefill.organisationId)}/new?from=${encodeURIComponent(prefill.ocid)}`,
      303,
    );
  });

  app.get<{ Params: { entryId: string }; Querystring: { since?: string; page?: string } }>(
    '/pipeline/entries/:entryId',
    async (request, reply) => {
      const since = sinceOf(request.query);
      const found = await pipeline.entry(request.actor, entryId(request.params.entryId), {
        page: pageOf(request.query),
        ...(since.since ? { since: since.since } : {}),
      });
      const view = since.valid ? found : { ...found, changes: { ...found.changes, items: [], total: 0 } };
      const e = view.entry;
      const [kpis, tags] = await Promise.all([
        services.attachedKpis.list(request.actor, { pipelineEntryId: e.id }),
        services.pipelineMissions.describe(e.organisationId, e.missions),
      ]);
      return views.page(
        request,
        reply,
        'pipeline/entry.njk',
        {
          ...entryViewModel(view, view.members, since.text, since.valid ? undefined : SINCE_ERROR),
          tags,
          missionsHref: view.mayEdit ? `${entryHref(e.id)}/missions` : null,
          kpis: attachedSection(kpis, `entry:${e.id}`),
        },
        since.valid ? 200 : 400,
      );
    },
  );

  function editContext(e: Awaited<ReturnType<typeof pipeline.editable>>, values: FormValues): FormContext {
    return {
      title: 'Change a pipeline entry',
      caption: e.organisationName,
      action: entryHref(e.id),
      cancelHref: entryHref(e.id),
      values,
      version: e.version,
      savedStatus: e.status as PipelineStatus,
      breadcrumbs: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: e.organisationName, href: pipelineHref(e.organisationId) },
        { text: e.title, href: entryHref(e.id) },
        { text: 'Change' },
      ],
    };
  }

  app.get<{ Params: { entryId: string } }>('/pipeline/entries/:entryId/edit', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const e = await pipeline.editable(request.actor, entryId(request.params.entryId));
    return views.page(request, reply, FORM, formViewModel(editContext(e, valuesOf(e))));
  });

  app.post<{ Params: { entryId: string } }>('/pipeline/entries/:entryId', async (request, reply) => {
    const id = entryId(request.params.entryId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = readForm(body);
    const version = Number(body.version);
    if (!Number.isInteger(version) || version < 1)
      throw new AppError('BAD_REQUEST', 'The form has no version');
    try {
      await pipeline.update(request.actor, id, version, toInput(values));
      return reply.redirect(entryHref(id), 303);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'BAD_REQUEST' && e.code !== 'CONFLICT')) throw e;
      const current = await pipeline.editable(request.actor, id);
      // Keep the version the editor started from: saving again without looking must conflict again.
      const context = {
        ...editContext(current, values),
        version,
        savedStatus: current.status as PipelineStatus,
      };
      if (e.code === 'CONFLICT')
        return views.page(
          request,
          reply,
          FORM,
          formViewModel({ ...context, conflict: { message: e.message, href: `${entryHref(id)}/edit` } }),
          409,
        );
      return views.page(request, reply, FORM, formViewModel({ ...context, error: e.message }), 400);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { since?: string; page?: string } }>(
    '/organisations/:id/pipeline/changes',
    async (request, reply) => {
      const orgId = organisationId(request.params.id);
      const since = sinceOf(request.query);
      const view = await pipeline.changes(request.actor, orgId, {
        page: pageOf(request.query),
        ...(since.since ? { since: since.since } : {}),
      });
      if (!since.valid)
        return views.page(
          request,
          reply,
          'pipeline/changes.njk',
          changesViewModel({ ...view, items: [], total: 0 }, since.text, SINCE_ERROR),
          400,
        );
      return views.page(request, reply, 'pipeline/changes.njk', changesViewModel(view, since.text));
    },
  );
}
