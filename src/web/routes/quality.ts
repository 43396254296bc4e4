// Data-quality pages (issue 5, item 2): the league table, how the score is computed, one organisation's
// scorecard, one check for one organisation with its failing records, and one check across buyers. Every state
// is a GET address; bad parameters get the services' clear 400, unknown organisations and checks a 404.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { checkAcrossViewModel, checkDetailViewModel } from '../pages/quality/check-view-model.js';
import { leagueViewModel } from '../pages/quality/league-view-model.js';
import { methodViewModel } from '../pages/quality/method-view-model.js';
import { scorecardViewModel } from '../pages/quality/scorecard-view-model.js';
import type { Views } from '../views.js';

type Query = Record<string, unknown>;

/** The query parameters as strings (the first of repeated ones); the services check them. */
function params(query: unknown, names: readonly string[]): Record<string, string> {
  const q = (query ?? {}) as Query;
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = Array.isArray(q[n]) ? (q[n] as unknown[])[0] : q[n];
    if (typeof v === 'string' && v !== '') out[n] = v;
  }
  return out;
}

export function organisationId(v: string): number {
  if (!/^[1-9]\d{0,15}$/.test(v))
    throw new AppError('NOT_FOUND', `There is no organisation with the id ${v}`);
  return Number(v);
}

export function registerQualityPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;

  app.get('/quality', async (request, reply) => {
    const q = params(request.query, ['sort', 'order', 'page', 'pageSize', 'buyerType']);
    const league = await services.quality.league(q);
    return views.page(request, reply, 'quality/league.njk', leagueViewModel(league));
  });

  app.get('/quality/method', async (request, reply) =>
    views.page(request, reply, 'quality/method.njk', methodViewModel(services.qualityDetail.definitions())),
  );

  app.get<{ Params: { checkId: string } }>('/quality/checks/:checkId', async (request, reply) => {
    const q = params(request.query, ['page', 'pageSize']);
    const across = await services.qualityDetail.checkAcross(request.params.checkId, q);
    return views.page(request, reply, 'quality/across.njk', checkAcrossViewModel(across));
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/quality', async (request, reply) => {
    const id = organisationId(request.params.id);
    const card = await services.quality.scorecard(id);
    const officerEditHref = services.officerEdit.mayEdit(request.actor, id)
      ? `/organisations/${id}/officer`
      : undefined;
    return views.page(request, reply, 'quality/scorecard.njk', {
      ...scorecardViewModel(card),
      officerEditHref,
    });
  });

  app.get<{ Params: { id: string; checkId: string } }>(
    '/organisations/:id/quality/checks/:checkId',
    async (request, reply) => {
      const q = params(request.query, ['status', 'sort', 'order', 'page', 'pageSize']);
      const id = organisationId(request.params.id);
      const detail = await services.qualityDetail.checkDetail(id, request.params.checkId, q);
      return views.page(request, reply, 'quality/check.njk', checkDetailViewModel(detail));
    },
  );
}
