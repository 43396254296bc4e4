// The mission dashboard pages (docs/mission-dashboard.md): /missions, /missions/{id}, the contracts behind a figure,
// the method page every figure links to, and CSV of both dashboards. Read only: no form changes anything (the
// filter forms are GET). A bad filter shows the error summary with the national figures (400).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.js';
import { missionCsv, overviewCsv } from '../../services/missions/dashboard-csv.js';
import { isInputProblems } from '../../services/missions/standards-input.js';
import { contractsViewModel, kpisViewModel } from '../pages/missions/records-view-model.js';
import { missionViewModel, overviewViewModel } from '../pages/missions/view-model.js';
import { csvDownload } from '../csv-reply.js';
import type { Views } from '../views.js';

type Raw = Record<string, unknown>;

export function registerMissionPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;
  const missions = services.missionDashboard;

  /** Renders with the query read from the request; on bad input, with no filters and the problems (400). */
  async function withQuery(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    build: (q: ReturnType<typeof missions.query>) => Promise<object>,
  ) {
    try {
      return views.page(request, reply, template, await build(missions.query(request.query as Raw)));
    } catch (e) {
      if (!isInputProblems(e)) throw e;
      const vm = await build(missions.query({}));
      const errorSummary = e.problems.map((p) => ({ text: p.message, href: `#${p.field}` }));
      return views.page(request, reply, template, { ...vm, errorSummary }, 400);
    }
  }

  const csv = (reply: FastifyReply, name: string, body: string) =>
    csvDownload(reply, `${name}-${new Date().toISOString().slice(0, 10)}.csv`, body);

  app.get('/missions', (request, reply) =>
    withQuery(request, reply, 'missions/overview.njk', async (q) =>
      overviewViewModel(await missions.overview(q), missions.regions()),
    ),
  );

  app.get('/missions/method', (request, reply) =>
    views.page(request, reply, 'missions/method.njk', { title: 'How the mission figures are worked out' }),
  );

  app.get('/missions.csv', async (request, reply) => {
    const q = missions.query(request.query as Raw);
    const [o, sv] = await Promise.all([missions.overview(q), missions.socialValueByMission(q)]);
    return csv(reply, 'missions', overviewCsv(o, sv));
  });

  app.get<{ Params: { id: string } }>('/missions/:id', (request, reply) =>
    withQuery(request, reply, 'missions/mission.njk', async (q) =>
      missionViewModel(await missions.mission(request.params.id, q), missions.regions()),
    ),
  );

  app.get<{ Params: { id: string } }>('/missions/:id/figures.csv', async (request, reply) =>
    csv(
      reply,
      `mission-${request.params.id}`,
      missionCsv(
        await missions.mission(request.params.id, missions.query(request.query as Raw), { allBuyers: true }),
      ),
    ),
  );

  app.get<{ Params: { id: string } }>('/missions/:id/contracts', (request, reply) =>
    withQuery(request, reply, 'missions/contracts.njk', async (q) =>
      contractsViewModel(await missions.contracts(request.params.id, q)),
    ),
  );

  app.get<{ Params: { id: string } }>('/missions/:id/kpis', (request, reply) =>
    withQuery(request, reply, 'missions/kpis.njk', async (q) => {
      const rating = (request.query as Raw).rating;
      return kpisViewModel(
        await missions.kpis(
          request.params.id,
          q,
          typeof rating === 'string' && rating !== '' ? rating : undefined,
        ),
      );
    }),
  );
}
