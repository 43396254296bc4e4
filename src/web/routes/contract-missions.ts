// A contract's mission overrides (docs/missions.md, "Mapping"): GET shows the form to the buyer's editors (and
// admins), POST saves an add, remove or withdraw with a reason through the mapping service (authorised, audited).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { isInputProblems } from '../../services/missions/standards-input.js';
import { AppError } from '../../errors.js';
import { overrideViewModel } from '../pages/contracts/missions-view-model.js';
import type { Views } from '../views.js';

export function registerContractMissionPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const missions = () => services.standards.national().missions;

  app.get<{ Params: { ocid: string } }>('/contracts/:ocid/missions', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const m = await services.missionMap.contractMissions(request.params.ocid);
    if (!services.missionMap.mayOverride(request.actor, m.buyer?.id ?? null))
      throw new AppError('FORBIDDEN', 'Only the buyer’s editors may change this contract’s missions');
    return views.page(request, reply, 'contracts/missions.njk', overrideViewModel(m, missions()));
  });

  app.post<{ Params: { ocid: string } }>('/contracts/:ocid/missions', async (request, reply) => {
    const ocid = request.params.ocid;
    const values = (request.body ?? {}) as Record<string, unknown>;
    try {
      await services.missionMap.saveOverride(request.actor, ocid, values);
    } catch (e) {
      if (!isInputProblems(e)) throw e;
      const m = await services.missionMap.contractMissions(ocid);
      return views.page(
        request,
        reply,
        'contracts/missions.njk',
        overrideViewModel(m, missions(), values, e.problems),
        400,
      );
    }
    return reply.redirect(`/contracts/${encodeURIComponent(ocid)}#missions`, 303);
  });
}
