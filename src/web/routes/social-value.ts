// The social value pages (docs/social-value.md): a contract's page (public), its forms — record a commitment,
// report delivery, verify — (CSRF; the service checks authorisation and audits), a buyer's roll-up, the national
// and regional roll-up with filters, and its CSV. Forms send a signed-out visitor to sign in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { isInputProblems, type Problem } from '../../services/missions/standards-input.js';
import { socialValueCsv } from '../../services/social-value/social-value-csv.js';
import {
  commitFormViewModel,
  reportFormViewModel,
  verifyFormViewModel,
  type FormValues,
} from '../pages/social-value/form-view-model.js';
import {
  contractSocialValueHref,
  contractViewModel,
  rollUpViewModel,
} from '../pages/social-value/view-model.js';
import { csvDownload } from '../csv-reply.js';
import type { Views } from '../views.js';

const FORM = 'social-value/form.njk';
const body = (request: FastifyRequest): FormValues => (request.body ?? {}) as FormValues;

function id(text: string, what: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new AppError('NOT_FOUND', `There is no ${what} ${text}`);
  return Number(text);
}

function page(query: unknown): number {
  const p = (query as Record<string, unknown>).page;
  return typeof p === 'string' && /^\d{1,6}$/.test(p) && Number(p) > 0 ? Number(p) : 1;
}

export function registerSocialValuePages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const sv = services.socialValue;

  /** GET of a form: sign in first; POST: save, or re-render the form with 400 and the problems. */
  function formRoute<P extends Record<string, string>>(
    path: string,
    load: (request: FastifyRequest<{ Params: P }>) => Promise<object>,
    render: (subject: never, values?: FormValues, problems?: Problem[]) => object,
    save: (request: FastifyRequest<{ Params: P }>) => Promise<string>,
  ) {
    const show = (subject: object, values?: FormValues, problems?: Problem[]) =>
      (render as (s: object, v?: FormValues, p?: Problem[]) => object)(subject, values, problems);
    app.get<{ Params: P }>(path, async (request, reply) => {
      if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return views.page(request, reply, FORM, show(await load(request)));
    });
    app.post<{ Params: P }>(path, async (request, reply) => {
      let next: string;
      try {
        next = await save(request);
      } catch (e) {
        if (!isInputProblems(e)) throw e;
        return views.page(request, reply, FORM, show(await load(request), body(request), e.problems), 400);
      }
      return reply.redirect(next, 303);
    });
  }

  app.get<{ Params: { ocid: string } }>('/contracts/:ocid/social-value', async (request, reply) =>
    views.page(
      request,
      reply,
      'social-value/contract.njk',
      contractViewModel(await sv.contract(request.actor, request.params.ocid)),
    ),
  );

  formRoute<{ ocid: string }>(
    '/contracts/:ocid/social-value/commit',
    (r) => sv.commitForm(r.actor, r.params.ocid),
    commitFormViewModel,
    async (r) => {
      const c = await sv.commit(r.actor, r.params.ocid, body(r));
      return `${contractSocialValueHref(r.params.ocid)}#commitment-${c.id}`;
    },
  );

  formRoute<{ id: string }>(
    '/social-value/commitments/:id/report',
    (r) => sv.reportForm(r.actor, id(r.params.id, 'commitment')),
    reportFormViewModel,
    async (r) => {
      const d = await sv.report(r.actor, id(r.params.id, 'commitment'), body(r));
      const c = await sv.reportForm(r.actor, d.commitment_id);
      return `${contractSocialValueHref(c.contract.ocid)}#commitment-${d.commitment_id}`;
    },
  );

  formRoute<{ id: string }>(
    '/social-value/deliveries/:id/verify',
    (r) => sv.verifyForm(r.actor, id(r.params.id, 'delivery report')),
    verifyFormViewModel,
    async (r) => {
      const d = await sv.verify(r.actor, id(r.params.id, 'delivery report'), body(r));
      const f = await sv.verifyForm(r.actor, d.id);
      return `${contractSocialValueHref(f.contract.ocid)}#commitment-${d.commitment_id}`;
    },
  );

  const rollUpPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    raw: Record<string, unknown>,
    opts: { path: string; heading: (named: { buyer: string | null }) => string; withFilters: boolean },
  ) => {
    const filters = opts.withFilters ? { regions: sv.regions(), missions: sv.missions() } : undefined;
    try {
      const r = await sv.rollUp(sv.filters(raw));
      return views.page(
        request,
        reply,
        'social-value/rollup.njk',
        rollUpViewModel(r, {
          page: page(request.query),
          path: opts.path,
          heading: opts.heading(r.named),
          filters,
        }),
      );
    } catch (e) {
      if (!isInputProblems(e)) throw e;
      const r = await sv.rollUp(sv.filters({}));
      return views.page(
        request,
        reply,
        'social-value/rollup.njk',
        {
          ...rollUpViewModel(
            { ...r, rows: [] },
            { page: 1, path: opts.path, heading: opts.heading(r.named), filters },
          ),
          errorSummary: e.problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
        },
        400,
      );
    }
  };

  app.get('/social-value', async (request, reply) =>
    rollUpPage(request, reply, request.query as Record<string, unknown>, {
      path: '/social-value',
      heading: () => 'Social value committed and delivered',
      withFilters: true,
    }),
  );

  app.get<{ Params: { id: string } }>('/organisations/:id/social-value', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    return rollUpPage(
      request,
      reply,
      { buyer: String(id(request.params.id, 'organisation')), by: q.by ?? 'contract' },
      {
        path: `/organisations/${request.params.id}/social-value`,
        heading: (named) => `Social value: ${named.buyer ?? 'buyer'}`,
        withFilters: false,
      },
    );
  });

  app.get('/social-value.csv', async (request, reply) => {
    const r = await sv.rollUp(sv.filters(request.query as Record<string, unknown>));
    const day = new Date().toISOString().slice(0, 10);
    return csvDownload(reply, `social-value-${day}.csv`, socialValueCsv(r));
  });
}
