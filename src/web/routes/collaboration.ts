// Collaboration finder pages (docs/collaboration.md): /collaborate for mission leads and central teams, and
// /organisations/:id/collaborate for one buyer ("who could you buy with?"). GET forms, so every result has a
// shareable address; the CSV and JSON are the API's (/api/collaborate.csv, /api/collaborate).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { inputFor, readCollaborationForm, toCollaborationInput } from '../pages/collaboration/form.js';
import { collaborationViewModel } from '../pages/collaboration/view-model.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

export function registerCollaborationPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const collaboration = services.collaboration;

  async function show(request: FastifyRequest, reply: FastifyReply, base: string, buyerId?: number) {
    const form = readCollaborationForm(request.query as Record<string, unknown>);
    const { input, problems } = toCollaborationInput(form, buyerId);
    const parsed = collaboration.parseQuery(input);
    const all = [
      ...problems,
      ...parsed.problems.map((p) => ({ field: inputFor(p.field), message: p.message })),
    ];
    if (all.length > 0)
      return views.page(
        request,
        reply,
        'collaboration/list.njk',
        collaborationViewModel({ base, form, problems: all }),
        400,
      );
    try {
      const result = await collaboration.find(parsed.query);
      const buyer = result.buyer ?? undefined;
      return views.page(
        request,
        reply,
        'collaboration/list.njk',
        collaborationViewModel({ base, form, problems: all, result, ...(buyer ? { buyer } : {}) }),
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return reply.callNotFound();
      throw e;
    }
  }

  app.get('/collaborate', async (request, reply) => show(request, reply, '/collaborate'));

  app.get<{ Params: { id: string } }>('/organisations/:id/collaborate', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    return show(request, reply, `/organisations/${id}/collaborate`, id);
  });
}
