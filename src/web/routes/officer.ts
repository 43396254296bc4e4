// The accountable-officer form: GET shows it (signed-out users are sent to sign in first), POST saves through the
// officer-edit service, which checks officer.set and audits; invalid input comes back with its errors.
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { OFFICER_FIELDS, officerViewModel, type OfficerValues } from '../pages/quality/officer-view-model.js';
import type { Views } from '../views.js';
import { organisationId } from './quality.js';

export function registerOfficerPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;

  app.get<{ Params: { id: string } }>('/organisations/:id/officer', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const form = await services.officerEdit.form(request.actor, organisationId(request.params.id));
    return views.page(request, reply, 'quality/officer.njk', officerViewModel(form));
  });

  app.post<{ Params: { id: string } }>('/organisations/:id/officer', async (request, reply) => {
    const id = organisationId(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: OfficerValues = Object.fromEntries(
      OFFICER_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']),
    );
    try {
      await services.officerEdit.set(request.actor, id, values);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      const form = await services.officerEdit.form(request.actor, id);
      return views.page(
        request,
        reply,
        'quality/officer.njk',
        officerViewModel(form, values, e.message),
        400,
      );
    }
    return reply.redirect(`/organisations/${id}/quality#officer-heading`, 303);
  });
}
