// An organisation's opportunity pages (docs/opportunities.md): its list (drafts too for members), the new and
// edit forms for its editors (CSRF-checked by plugins/session.ts; authorisation in the service), and the interest
// suppliers registered, as a page and CSV, for its editors only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { OpportunityStatus } from '../../domain/opportunity.js';
import type { Services } from '../../services/index.js';
import {
  formViewModel,
  readForm,
  toInput,
  valuesOf,
  type FormContext,
  type FormValues,
} from '../pages/opportunities/form-view-model.js';
import { interestViewModel, organisationViewModel } from '../pages/opportunities/publisher-view-model.js';
import { opportunityHref, organisationOpportunitiesHref } from '../pages/opportunities/view-model.js';
import { csvDownload } from '../csv-reply.js';
import { historyTable } from '../pages/shared/audit-history.js';
import type { Views } from '../views.js';
import { opportunityId } from './opportunities.js';
import { organisationId } from './quality.js';

const signIn = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

const pageOf = (q: unknown) => {
  const p = Number((q as { page?: string }).page ?? '1');
  return Number.isInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
};

export function registerOpportunityAdminPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const opportunities = services.opportunities;
  const { missions, outcomes } = opportunities.catalogue();
  const national = new Set(outcomes.map((o) => o.id));
  const FORM = 'opportunities/form.njk';

  app.get<{ Params: { id: string } }>('/organisations/:id/opportunities', async (request, reply) => {
    const view = await opportunities.forOrganisation(
      request.actor,
      organisationId(request.params.id),
      pageOf(request.query),
    );
    return views.page(
      request,
      reply,
      'opportunities/organisation.njk',
      organisationViewModel(view, missions),
    );
  });

  async function newContext(
    request: FastifyRequest,
    orgId: number,
    values: FormValues,
  ): Promise<FormContext> {
    const view = await opportunities.forOrganisation(request.actor, orgId);
    const base = organisationOpportunitiesHref(orgId);
    return {
      title: 'Publish an opportunity',
      caption: view.organisation.name,
      action: base,
      cancelHref: base,
      values,
      missions,
      outcomes,
      breadcrumbs: [
        { text: 'Opportunities', href: '/opportunities' },
        { text: view.organisation.name, href: base },
        { text: 'New' },
      ],
    };
  }

  app.get<{ Params: { id: string } }>('/organisations/:id/opportunities/new', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const orgId = organisationId(request.params.id);
    if (!opportunities.mayPublish(request.actor, orgId))
      throw new AppError(
        'FORBIDDEN',
        'You do not have permission to publish or change this organisation’s opportunities',
      );
    const values: FormValues = {
      status: 'draft',
      contactName: request.actor.name,
      contactEmail: request.actor.email,
    };
    return views.page(request, reply, FORM, formViewModel(await newContext(request, orgId, values)));
  });

  app.post<{ Params: { id: string } }>('/organisations/:id/opportunities', async (request, reply) => {
    const orgId = organisationId(request.params.id);
    const values = readForm((request.body ?? {}) as Record<string, unknown>);
    try {
      const o = await opportunities.create(request.actor, orgId, toInput(values));
      return reply.redirect(opportunityHref(o.id), 303);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      return views.page(
        request,
        reply,
        FORM,
        formViewModel({ ...(await newContext(request, orgId, values)), error: e.message }),
        400,
      );
    }
  });

  async function editable(request: FastifyRequest, orgId: number, oid: number) {
    const o = await opportunities.get(request.actor, oid);
    if (o.organisationId !== orgId || !opportunities.mayPublish(request.actor, orgId))
      throw new AppError(
        'FORBIDDEN',
        'You do not have permission to publish or change this organisation’s opportunities',
      );
    return o;
  }

  const editContext = (
    o: Awaited<ReturnType<typeof editable>>,
    values: FormValues,
    version: number,
  ): FormContext => ({
    title: 'Change an opportunity',
    caption: o.organisationName,
    action: `${organisationOpportunitiesHref(o.organisationId)}/${o.id}`,
    cancelHref: opportunityHref(o.id),
    values,
    missions,
    outcomes,
    version,
    savedStatus: o.status as OpportunityStatus,
    breadcrumbs: [
      { text: 'Opportunities', href: organisationOpportunitiesHref(o.organisationId) },
      { text: o.title, href: opportunityHref(o.id) },
      { text: 'Change' },
    ],
  });

  app.get<{ Params: { id: string; oid: string } }>(
    '/organisations/:id/opportunities/:oid/edit',
    async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      const o = await editable(request, organisationId(request.params.id), opportunityId(request.params.oid));
      return views.page(request, reply, FORM, {
        ...formViewModel(editContext(o, valuesOf(o, national), o.version)),
        history: historyTable(
          await opportunities.history(request.actor, o.id),
          'Changes to this opportunity, newest first',
        ),
      });
    },
  );

  app.post<{ Params: { id: string; oid: string } }>(
    '/organisations/:id/opportunities/:oid',
    async (request, reply) => {
      const orgId = organisationId(request.params.id);
      const oid = opportunityId(request.params.oid);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = readForm(body);
      const version = Number(body.version);
      if (!Number.isInteger(version) || version < 1)
        throw new AppError('BAD_REQUEST', 'The form has no version');
      const o = await editable(request, orgId, oid);
      try {
        await opportunities.update(request.actor, oid, version, toInput(values));
        return reply.redirect(opportunityHref(oid), 303);
      } catch (e) {
        if (!isAppError(e) || (e.code !== 'BAD_REQUEST' && e.code !== 'CONFLICT')) throw e;
        const status = e.code === 'CONFLICT' ? 409 : 400;
        return views.page(
          request,
          reply,
          FORM,
          formViewModel({ ...editContext(o, values, version), error: e.message }),
          status,
        );
      }
    },
  );

  app.get<{ Params: { id: string; oid: string } }>(
    '/organisations/:id/opportunities/:oid/interest',
    async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      const { opportunity, items } = await opportunities.interest(
        request.actor,
        organisationId(request.params.id),
        opportunityId(request.params.oid),
      );
      return views.page(request, reply, 'opportunities/interest.njk', interestViewModel(opportunity, items));
    },
  );

  app.get<{ Params: { id: string; oid: string } }>(
    '/organisations/:id/opportunities/:oid/interest.csv',
    async (request, reply) => {
      const orgId = organisationId(request.params.id);
      const oid = opportunityId(request.params.oid);
      const csv = await opportunities.interestCsv(request.actor, orgId, oid);
      return csvDownload(reply, `opportunity-${oid}-interest.csv`, csv);
    },
  );
}
