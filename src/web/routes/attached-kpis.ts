// Attaching library KPIs to pipeline entries and contracts, tailoring and removing them, and tagging a pipeline
// entry with missions and outcomes (docs/kpi-library.md, docs/pipeline.md). CSRF-checked by plugins/session.ts;
// authorisation, versions and audit in the services. Field problems re-render the form with 400; a stale save 409.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { AttachedKpi, Subject } from '../../services/kpis/attached-kpis.service.js';
import { isInputProblems, type Problem } from '../../services/missions/standards-input.js';
import {
  measureValues,
  missionsFormViewModel,
  tailorFormViewModel,
  type FormValues,
} from '../pages/kpis/library-form-view-model.js';
import type { Views } from '../views.js';
import { entryId } from './pipeline.js';

const body = (request: FastifyRequest): FormValues => (request.body ?? {}) as FormValues;

function versionOf(values: FormValues): number {
  const v = Number(values.version);
  if (!Number.isInteger(v) || v < 1) throw new AppError('BAD_REQUEST', 'The form has no version');
  return v;
}

/** Field problems and stale saves back to the form; anything else to the error pages. */
function formProblems(e: unknown): { problems: Problem[]; status: number; conflict?: string } {
  if (isInputProblems(e)) return { problems: e.problems, status: 400 };
  if (isAppError(e) && e.code === 'CONFLICT') return { problems: [], status: 409, conflict: e.message };
  if (isAppError(e) && e.code === 'BAD_REQUEST')
    return { problems: [{ field: 'name', message: e.message }], status: 400 };
  throw e;
}

export function registerAttachedKpiPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const kpis = services.attachedKpis;
  const signIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

  async function attachForm(
    request: FastifyRequest,
    reply: FastifyReply,
    subject: Subject,
    templateId: string,
    values: FormValues | null,
    problems: Problem[] = [],
    status = 200,
  ) {
    const info = await kpis.subjectInfo(request.actor, subject);
    if (!kpis.mayAttach(request.actor, info.organisationId))
      throw new AppError('FORBIDDEN', 'Only the buyer’s editors may attach KPIs');
    const { template } = await services.kpiLibrary.get(templateId);
    return views.page(
      request,
      reply,
      'kpis/tailor-form.njk',
      tailorFormViewModel({
        heading: 'Attach a KPI',
        caption: info.title,
        action: `${info.href}/kpis`,
        cancelHref: info.href,
        template,
        values: values ?? measureValues(template),
        problems,
      }),
      status,
    );
  }

  const routes: [string, (p: Record<string, string>) => Subject][] = [
    ['/pipeline/entries/:entryId', (p) => ({ pipelineEntryId: entryId(p.entryId!) })],
    ['/contracts/:ocid', (p) => ({ ocid: p.ocid! })],
  ];
  for (const [base, subjectOf] of routes) {
    app.get<{ Params: Record<string, string>; Querystring: { template?: string } }>(
      `${base}/kpis/new`,
      async (request, reply) => {
        if (!request.actor) return signIn(request, reply);
        const templateId = request.query.template ?? '';
        if (!templateId) throw new AppError('NOT_FOUND', 'Choose a template from the KPI library first');
        return attachForm(request, reply, subjectOf(request.params), templateId, null);
      },
    );
    app.post<{ Params: Record<string, string> }>(`${base}/kpis`, async (request, reply) => {
      const values = body(request);
      const subject = subjectOf(request.params);
      const templateId = typeof values.template === 'string' ? values.template : '';
      try {
        await kpis.attach(request.actor, subject, templateId, values);
      } catch (e) {
        const { problems, status } = formProblems(e);
        return attachForm(request, reply, subject, templateId, values, problems, status);
      }
      const info = await kpis.subjectInfo(request.actor, subject);
      return reply.redirect(`${info.href}#kpis`, 303);
    });
  }

  async function tailorForm(
    request: FastifyRequest,
    reply: FastifyReply,
    k: AttachedKpi,
    values: FormValues,
    version: number,
    extra: { problems?: Problem[]; conflict?: string; status?: number } = {},
  ) {
    const info = await kpis.subjectInfo(
      request.actor,
      k.ocid !== null ? { ocid: k.ocid } : { pipelineEntryId: k.pipelineEntryId! },
    );
    const { template } = await services.kpiLibrary.get(k.templateId);
    return views.page(
      request,
      reply,
      'kpis/tailor-form.njk',
      {
        ...tailorFormViewModel({
          heading: 'Change a KPI',
          caption: info.title,
          action: `/kpis/attached/${k.id}`,
          cancelHref: `${info.href}#kpis`,
          template: { ...template, unit: k.unit, direction: k.direction },
          values,
          problems: extra.problems ?? [],
          version,
          removeAction: `/kpis/attached/${k.id}/remove`,
        }),
        conflict: extra.conflict,
      },
      extra.status ?? 200,
    );
  }

  const attachedId = (v: string) => {
    if (!/^[1-9]\d{0,15}$/.test(v)) throw new AppError('NOT_FOUND', `There is no attached KPI ${v}`);
    return Number(v);
  };

  app.get<{ Params: { id: string } }>('/kpis/attached/:id/edit', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const k = await kpis.editable(request.actor, attachedId(request.params.id));
    return tailorForm(request, reply, k, measureValues(k), k.version);
  });

  app.post<{ Params: { id: string } }>('/kpis/attached/:id', async (request, reply) => {
    const id = attachedId(request.params.id);
    const values = body(request);
    const version = versionOf(values);
    try {
      const k = await kpis.tailor(request.actor, id, version, values);
      return reply.redirect(
        k.ocid !== null
          ? `/contracts/${encodeURIComponent(k.ocid)}#kpis`
          : `/pipeline/entries/${k.pipelineEntryId}#kpis`,
        303,
      );
    } catch (e) {
      const { problems, status, conflict } = formProblems(e);
      const k = await kpis.editable(request.actor, id);
      return tailorForm(request, reply, k, values, version, {
        problems,
        status,
        ...(conflict ? { conflict } : {}),
      });
    }
  });

  app.post<{ Params: { id: string } }>('/kpis/attached/:id/remove', async (request, reply) => {
    const k = await kpis.remove(request.actor, attachedId(request.params.id));
    return reply.redirect(
      k.ocid !== null
        ? `/contracts/${encodeURIComponent(k.ocid)}#kpis`
        : `/pipeline/entries/${k.pipelineEntryId}#kpis`,
      303,
    );
  });

  // Missions and outcomes of a pipeline entry.
  app.get<{ Params: { entryId: string } }>('/pipeline/entries/:entryId/missions', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const f = await services.pipelineMissions.form(request.actor, entryId(request.params.entryId));
    return views.page(
      request,
      reply,
      'kpis/missions-form.njk',
      missionsFormViewModel({ entry: f.entry, choices: f.choices, values: { ...f.tags }, problems: [] }),
    );
  });

  app.post<{ Params: { entryId: string } }>('/pipeline/entries/:entryId/missions', async (request, reply) => {
    const id = entryId(request.params.entryId);
    const values = body(request);
    const version = versionOf(values);
    try {
      await services.pipelineMissions.save(request.actor, id, version, values);
      return reply.redirect(`/pipeline/entries/${id}`, 303);
    } catch (e) {
      const { problems, status, conflict } = formProblems(e);
      const f = await services.pipelineMissions.form(request.actor, id);
      return views.page(
        request,
        reply,
        'kpis/missions-form.njk',
        missionsFormViewModel({
          entry: { ...f.entry, version },
          choices: f.choices,
          values,
          problems,
          ...(conflict ? { conflict } : {}),
        }),
        status,
      );
    }
  });
}
