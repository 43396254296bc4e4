// Contracts pages: the searchable list (GET form, so every result page has a shareable address), its CSV export,
// and one contract's page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.js';
import { detailViewModel } from '../pages/contracts/detail-view-model.js';
import { inputFor, readListForm, toQueryInput } from '../pages/contracts/list-form.js';
import { listViewModel } from '../pages/contracts/list-view-model.js';
import { missionsSection } from '../pages/contracts/missions-view-model.js';
import { redFlagsTable } from '../pages/contracts/redflags-view-model.js';
import { performanceHref } from '../pages/kpis/shared.js';
import { contractSocialValueHref } from '../pages/social-value/view-model.js';
import { attachedSection } from '../pages/kpis/library-view-model.js';
import { csvDownload, csvProblems } from '../csv-reply.js';
import type { Views } from '../views.js';

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export function registerContractPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const contracts = services.contracts;

  app.get('/contracts', async (request, reply) => {
    const form = readListForm(request.query as Record<string, unknown>);
    const { input, problems } = toQueryInput(form);
    const parsed = contracts.parseQuery(input);
    const all = [
      ...problems,
      ...parsed.problems.map((p) => ({ field: inputFor(p.field), message: p.message })),
    ];
    if (all.length > 0)
      return views.page(request, reply, 'contracts/list.njk', listViewModel({ form, problems: all }), 400);
    const [list, named] = await Promise.all([
      contracts.list(parsed.query),
      contracts.describeFilters(parsed.query.filters),
    ]);
    return views.page(
      request,
      reply,
      'contracts/list.njk',
      listViewModel({ form, problems: [], query: parsed.query, list, named }),
    );
  });

  app.get('/contracts.csv', async (request, reply) => {
    const form = readListForm(request.query as Record<string, unknown>);
    const { input, problems } = toQueryInput(form);
    const query = contracts.queryOrThrow(input);
    if (problems.length > 0) {
      return csvProblems(reply, problems);
    }
    const day = new Date().toISOString().slice(0, 10);
    return csvDownload(reply, `contracts-${day}.csv`, contracts.exportCsv(query, baseUrl(request)));
  });

  app.get<{ Params: { ocid: string } }>('/contracts/:ocid', async (request, reply) => {
    const detail = await contracts.get(request.params.ocid);
    const flags = await services.redflags.flags({ ocid: detail.ocid, status: 'all' });
    const missions = await services.missionMap.contractMissions(detail.ocid);
    const kpis = detail.buyer ? await services.attachedKpis.list(request.actor, { ocid: detail.ocid }) : null;
    return views.page(request, reply, 'contracts/detail.njk', {
      ...detailViewModel(detail),
      redFlags: redFlagsTable(flags),
      performanceHref: performanceHref(detail.ocid),
      // Editors of the buyer can plan the re-procurement in their pipeline, prefilled from this contract.
      planHref:
        detail.buyer && services.pipeline.mayEdit(request.actor, detail.buyer.id)
          ? `/pipeline/from/${encodeURIComponent(detail.ocid)}`
          : undefined,
      kpis: kpis ? attachedSection(kpis, `contract:${detail.ocid}`) : null,
      missions: missionsSection(
        missions,
        services.standards.national().missions,
        services.missionMap.mayOverride(request.actor, missions.buyer?.id ?? null),
      ),
      socialValueHref: contractSocialValueHref(detail.ocid),
    });
  });
}
