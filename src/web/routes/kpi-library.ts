// The KPI library pages (docs/kpi-library.md): the search (also the picker when attaching to a pipeline entry or
// a contract), one template, and the central team's add and change forms (CSRF-checked by plugins/session.ts;
// authorisation and audit in the service). Attaching is in attached-kpis.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { isInputProblems, type Problem } from '../../services/missions/standards-input.js';
import {
  templateFormViewModel,
  templateValues,
  type FormValues,
} from '../pages/kpis/library-form-view-model.js';
import {
  LIBRARY_FIELDS,
  searchViewModel,
  templateHref,
  templateViewModel,
  type LibraryForm,
} from '../pages/kpis/library-view-model.js';
import type { Views } from '../views.js';
import { registerAttachedKpiPages } from './attached-kpis.js';

export function readLibraryForm(q: Record<string, unknown>): {
  form: LibraryForm;
  problems: { field: string; text: string }[];
} {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
  const form = Object.fromEntries(LIBRARY_FIELDS.map((f) => [f, s(f)])) as LibraryForm;
  const problems: { field: string; text: string }[] = [];
  if (form.q.length > 200) problems.push({ field: 'q', text: 'Search must be 200 characters or fewer' });
  if (form.cpv && !/^\d{2,8}(-\d)?$/.test(form.cpv))
    problems.push({ field: 'cpv', text: 'Category must be a CPV code or division, like 45 or 90511000' });
  return { form, problems };
}

const pageOf = (q: unknown) => {
  const p = Number((q as { page?: string }).page ?? '1');
  return Number.isInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
};

export function registerKpiLibraryPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const library = services.kpiLibrary;
  const national = () => services.standards.national();
  const signIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

  app.get('/kpi-library', async (request, reply) => {
    const { form, problems } = readLibraryForm(request.query as Record<string, unknown>);
    const base = { form, national: national(), mayEdit: library.mayEdit(request.actor) };
    let attachTitle: string | null = null;
    const m = /^(entry|contract):(.+)$/.exec(form.attach);
    if (m)
      attachTitle = await services.attachedKpis
        .subjectInfo(
          request.actor,
          m[1] === 'entry' ? { pipelineEntryId: Number(m[2]) || 0 } : { ocid: m[2]! },
        )
        .then((s) => s.title)
        .catch(() => null);
    if (problems.length > 0)
      return views.page(request, reply, 'kpis/library.njk', searchViewModel({ ...base, problems }), 400);
    const result = await library.search(
      {
        text: form.q,
        ...(form.cpv ? { cpv: form.cpv } : {}),
        ...(form.outcome ? { outcome: form.outcome } : {}),
        ...(form.mission ? { mission: form.mission } : {}),
      },
      { page: pageOf(request.query) },
    );
    return views.page(
      request,
      reply,
      'kpis/library.njk',
      searchViewModel({ ...base, problems, result, attachTitle }),
    );
  });

  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    problems: Problem[],
    edit?: { id: string; version: number },
    status = 200,
  ) =>
    views.page(
      request,
      reply,
      'kpis/template-form.njk',
      templateFormViewModel({
        heading: edit ? 'Change a KPI template' : 'Add a KPI template',
        action: edit ? templateHref(edit.id) : '/kpi-library',
        cancelHref: edit ? templateHref(edit.id) : '/kpi-library',
        values,
        problems,
        national: national(),
        editing: edit !== undefined,
        ...(edit ? { version: edit.version } : {}),
      }),
      status,
    );

  app.get('/kpi-library/new', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    if (!library.mayEdit(request.actor))
      throw new AppError('FORBIDDEN', 'Only the central team and admins may add KPI templates');
    return form(request, reply, { direction: 'higher' }, []);
  });

  app.post('/kpi-library', async (request, reply) => {
    const values = (request.body ?? {}) as FormValues;
    try {
      const created = await library.create(request.actor, values);
      return reply.redirect(templateHref(created.template.id), 303);
    } catch (e) {
      if (!isInputProblems(e)) throw e;
      return form(request, reply, values, e.problems, undefined, 400);
    }
  });

  app.get<{ Params: { id: string } }>('/kpi-library/:id', async (request, reply) => {
    const item = await library.get(request.params.id);
    const history = await library.history(item.template.id);
    return views.page(
      request,
      reply,
      'kpis/template.njk',
      templateViewModel(item, national(), history, library.mayEdit(request.actor)),
    );
  });

  app.get<{ Params: { id: string } }>('/kpi-library/:id/edit', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    if (!library.mayEdit(request.actor))
      throw new AppError('FORBIDDEN', 'Only the central team and admins may change KPI templates');
    const item = await library.get(request.params.id);
    return form(request, reply, templateValues(item.template), [], {
      id: item.template.id,
      version: item.version,
    });
  });

  app.post<{ Params: { id: string } }>('/kpi-library/:id', async (request, reply) => {
    const values = (request.body ?? {}) as FormValues;
    const version = Number(values.version);
    if (!Number.isInteger(version) || version < 1)
      throw new AppError('BAD_REQUEST', 'The form has no version');
    try {
      await library.update(request.actor, request.params.id, version, values);
      return reply.redirect(templateHref(request.params.id), 303);
    } catch (e) {
      const edit = { id: request.params.id, version };
      if (isInputProblems(e)) return form(request, reply, values, e.problems, edit, 400);
      if (isAppError(e) && e.code === 'CONFLICT')
        return form(request, reply, values, [{ field: 'name', message: e.message }], edit, 409);
      throw e;
    }
  });

  registerAttachedKpiPages(app, deps);
}
