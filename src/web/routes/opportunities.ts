// Public opportunity pages (docs/opportunities.md): the list with filters, sort and pagination, the Atom feeds
// (all and per mission), one opportunity with the supplier's interest form, and the form's POST. The form is
// checked three ways before anything is stored: the session plugin's CSRF token (signed-out visitors get the
// double-submit cookie from this page, as from the sign-in page), the honeypot and the signed form token
// (service), and two rate limits: per IP address across every opportunity, and per opportunity across addresses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { opportunitiesAtom } from '../pages/opportunities/atom.js';
import {
  detailViewModel,
  interestValues,
  listViewModel,
  opportunityHref,
} from '../pages/opportunities/view-model.js';
import { extraLimits } from '../plugins/rate-limits.js';
import type { Views } from '../views.js';
import { registerOpportunityAdminPages } from './opportunity-admin.js';

/** [?] Registrations of interest one IP address may send in an hour, across every opportunity. */
export const INTEREST_PER_IP_PER_HOUR = 10;
/** [?] Registrations one opportunity takes in an hour, from every address together. */
export const INTEREST_PER_OPPORTUNITY_PER_HOUR = 60;

export function opportunityId(v: string): number {
  if (!/^[1-9]\d{0,15}$/.test(v)) throw new AppError('NOT_FOUND', `There is no opportunity ${v}`);
  return Number(v);
}

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function registerOpportunityPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services; serviceName: string },
): void {
  const { views, services, serviceName } = deps;
  const opportunities = services.opportunities;
  const { missions, outcomes } = opportunities.catalogue();

  app.get('/opportunities', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const values = {
      mission: str(q.mission),
      region: str(q.region),
      status: str(q.status),
      sort: str(q.sort) || 'published',
    };
    try {
      const list = await opportunities.list({ ...values, page: str(q.page) });
      return views.page(
        request,
        reply,
        'opportunities/list.njk',
        listViewModel({ ...list, values, missions }),
      );
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      const vm = listViewModel({
        items: [],
        total: 0,
        page: 1,
        pageSize: 20,
        values,
        missions,
        error: e.message,
      });
      return views.page(request, reply, 'opportunities/list.njk', vm, 400);
    }
  });

  app.get('/opportunities/feed', async (request, reply) => {
    const mission = str((request.query as Record<string, unknown>).mission);
    const items = await opportunities.feed(mission || undefined);
    const base = baseUrl(request);
    const name = missions.find((m) => m.id === mission)?.name;
    const body = opportunitiesAtom(items, {
      title: `${serviceName}: mission market opportunities${name ? ` (${name})` : ''}`,
      self: `${base}/opportunities/feed${mission ? `?mission=${encodeURIComponent(mission)}` : ''}`,
      page: `${base}/opportunities${mission ? `?mission=${encodeURIComponent(mission)}` : ''}`,
      base,
      serviceName,
      updated: new Date(0),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(body);
  });

  async function detail(
    request: FastifyRequest,
    id: number,
    extra: { values?: Record<string, string>; error?: string } = {},
  ) {
    const o = await opportunities.get(request.actor, id);
    return detailViewModel({
      opportunity: o,
      missions,
      outcomes,
      formToken: o.status === 'published' ? await opportunities.formToken(id) : null,
      mayPublish: opportunities.mayPublish(request.actor, o.organisationId),
      mayReadInterest: opportunities.mayReadInterest(request.actor, o.organisationId),
      ...extra,
    });
  }

  app.get<{ Params: { id: string } }>('/opportunities/:id', async (request, reply) =>
    views.page(
      request,
      reply,
      'opportunities/detail.njk',
      await detail(request, opportunityId(request.params.id)),
    ),
  );

  const perOpportunity = extraLimits(app, 'interest', [
    {
      max: INTEREST_PER_OPPORTUNITY_PER_HOUR,
      timeWindow: '1 hour',
      key: (request) => (request.params as { id?: string }).id ?? '',
      message: 'This opportunity has had too many registrations of interest this hour: try again later',
    },
  ]);

  app.post<{ Params: { id: string } }>(
    '/opportunities/:id/interest',
    {
      config: { rateLimit: { max: INTEREST_PER_IP_PER_HOUR, timeWindow: '1 hour' } },
      preHandler: perOpportunity,
    },
    async (request, reply) => {
      const id = opportunityId(request.params.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await opportunities.registerInterest(id, body);
        return reply.redirect(`${opportunityHref(id)}/registered`, 303);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
        const vm = await detail(request, id, { values: interestValues(body), error: e.message });
        return views.page(request, reply, 'opportunities/detail.njk', vm, 400);
      }
    },
  );

  app.get<{ Params: { id: string } }>('/opportunities/:id/registered', async (request, reply) => {
    const o = await opportunities.get(request.actor, opportunityId(request.params.id));
    return views.page(request, reply, 'opportunities/registered.njk', {
      title: 'Interest registered',
      organisationName: o.organisationName,
      backHref: opportunityHref(o.id),
    });
  });

  registerOpportunityAdminPages(app, { views, services });
}
