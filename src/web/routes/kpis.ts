// KPI pages (docs/kpis.md): a contract's performance page and its two forms (add a KPI, record a rating: CSRF forms,
// the service authorises and audits), a buyer's KPI page with its overdue list and distribution, the national
// distribution, and their CSV downloads. Forms send a signed-out visitor to sign in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { kpisCsv } from '../../services/kpis/kpis-csv.js';
import { isInputProblems, type Problem } from '../../services/missions/standards-input.js';
import { performanceViewModel } from '../pages/kpis/contract-view-model.js';
import { kpiFormViewModel, ratingFormViewModel, type FormValues } from '../pages/kpis/form-view-model.js';
import { performanceHref } from '../pages/kpis/shared.js';
import { buyerKpisViewModel, nationalKpisViewModel } from '../pages/kpis/summary-view-model.js';
import { csvDownload } from '../csv-reply.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

type OcidParams = { ocid: string };
type RatingParams = { ocid: string; kpi: string };

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
const pageOf = (q: unknown): number => {
  const p = (q as Record<string, unknown>).page;
  return typeof p === 'string' && /^[1-9]\d{0,5}$/.test(p) ? Number(p) : 1;
};
const kpiIdOf = (raw: string): number => {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new AppError('NOT_FOUND', `There is no KPI ${raw}`);
  return Number(raw);
};

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return csvDownload(reply, `${name}.csv`, csv);
}

export function registerKpiPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;
  const kpis = services.kpis;
  const signIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

  /** The contract's performance, refusing actors who may not edit it (the forms' pages). */
  async function editable(request: FastifyRequest<{ Params: OcidParams }>) {
    const perf = await kpis.contractPerformance(request.params.ocid);
    if (!kpis.mayEdit(request.actor, perf.buyer?.id ?? null))
      throw new AppError('FORBIDDEN', 'Only the buyer’s editors may add KPIs and ratings to this contract');
    return perf;
  }

  /** Saves a form; on field problems re-renders it with 400, else redirects to the performance page. */
  async function submit(
    reply: FastifyReply,
    ocid: string,
    save: () => Promise<number>,
    redisplay: (problems: Problem[]) => Promise<FastifyReply>,
    anchor: (id: number) => string,
  ) {
    let id: number;
    try {
      id = await save();
    } catch (e) {
      if (!isInputProblems(e)) throw e;
      return redisplay(e.problems);
    }
    return reply.redirect(`${performanceHref(ocid)}#${anchor(id)}`, 303);
  }

  app.get<{ Params: OcidParams }>('/contracts/:ocid/performance', async (request, reply) => {
    const perf = await kpis.contractPerformance(request.params.ocid);
    const mayEdit = kpis.mayEdit(request.actor, perf.buyer?.id ?? null);
    return views.page(request, reply, 'kpis/contract.njk', performanceViewModel(perf, mayEdit));
  });

  app.get<{ Params: OcidParams }>('/contracts/:ocid/performance/kpis/new', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    return views.page(request, reply, 'kpis/kpi-form.njk', kpiFormViewModel(await editable(request)));
  });

  app.post<{ Params: OcidParams }>('/contracts/:ocid/performance/kpis', async (request, reply) => {
    const { ocid } = request.params;
    const values = (request.body ?? {}) as FormValues;
    return submit(
      reply,
      ocid,
      () => kpis.addKpi(request.actor, ocid, values),
      async (problems) =>
        views.page(
          request,
          reply,
          'kpis/kpi-form.njk',
          kpiFormViewModel(await editable(request), values, problems),
          400,
        ),
      (id) => `kpi-entered-${id}`,
    );
  });

  app.get<{ Params: RatingParams }>(
    '/contracts/:ocid/performance/kpis/:kpi/ratings/new',
    async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      await editable(request);
      const { perf, kpi } = await kpis.enteredKpi(request.params.ocid, kpiIdOf(request.params.kpi));
      return views.page(request, reply, 'kpis/rating-form.njk', ratingFormViewModel(perf, kpi));
    },
  );

  app.post<{ Params: RatingParams }>(
    '/contracts/:ocid/performance/kpis/:kpi/ratings',
    async (request, reply) => {
      const { ocid } = request.params;
      const kpiId = kpiIdOf(request.params.kpi);
      const values = (request.body ?? {}) as FormValues;
      return submit(
        reply,
        ocid,
        () => kpis.addRating(request.actor, ocid, kpiId, values),
        async (problems) => {
          const { perf, kpi } = await kpis.enteredKpi(ocid, kpiId);
          return views.page(
            request,
            reply,
            'kpis/rating-form.njk',
            ratingFormViewModel(perf, kpi, values, problems),
            400,
          );
        },
        () => `kpi-entered-${kpiId}`,
      );
    },
  );

  app.get<{ Params: { id: string } }>('/organisations/:id/kpis', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const view = buyerKpisViewModel(await kpis.buyer(id), pageOf(request.query));
    return views.page(request, reply, 'kpis/buyer.njk', view);
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/kpis.csv', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const overdue = (request.query as Record<string, unknown>).overdue === 'yes';
    const { kpis: rows } = await kpis.ratings({ buyerId: id, overdue });
    return sendCsv(reply, `kpis-${id}${overdue ? '-overdue' : ''}`, kpisCsv(rows, baseUrl(request)));
  });

  app.get('/kpis', async (request, reply) =>
    views.page(
      request,
      reply,
      'kpis/national.njk',
      nationalKpisViewModel(await kpis.national(), pageOf(request.query)),
    ),
  );

  app.get('/kpis.csv', async (request, reply) =>
    sendCsv(reply, 'kpis', kpisCsv((await kpis.ratings({})).kpis, baseUrl(request))),
  );
}
