// The standards catalogue pages (docs/missions.md): the national standard, a region's and a buyer's effective
// standard with provenance, the regional and local editors (CSRF forms; the services check authorisation and
// audit), and the CPV → mission mapping with its override form. Edit pages send a signed-out visitor to sign in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { ScopeSelector } from '../../services/missions/scope.js';
import { isInputProblems, type Problem } from '../../services/missions/standards-input.js';
import { itemViewModel, settingViewModel, type FormValues } from '../pages/standards/form-view-model.js';
import { mappingViewModel } from '../pages/standards/mapping-view-model.js';
import { registerContractMissionPages } from './contract-missions.js';
import { baseHref, catalogueViewModel } from '../pages/standards/view-model.js';
import type { Views } from '../views.js';

type Params = { code?: string; id?: string; target?: string };

function selector(params: Params): ScopeSelector {
  if (params.id !== undefined) {
    if (!/^\d{1,15}$/.test(params.id))
      throw new AppError('NOT_FOUND', `There is no organisation ${params.id}`);
    return { org: Number(params.id) };
  }
  return params.code !== undefined ? { region: params.code } : {};
}

const body = (request: FastifyRequest): FormValues => (request.body ?? {}) as FormValues;

/** Runs a form submission: on field problems, re-renders the form with 400; other errors go to the error pages. */
async function submit(
  reply: FastifyReply,
  save: () => Promise<unknown>,
  redisplay: (problems: Problem[]) => Promise<FastifyReply>,
  next: string,
): Promise<FastifyReply> {
  try {
    await save();
  } catch (e) {
    if (!isInputProblems(e)) throw e;
    return redisplay(e.problems);
  }
  return reply.redirect(next, 303);
}

export function registerStandardsPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const { standards, missionMap } = services;
  const signIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

  const catalogue = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const view = await standards.effective(selector(request.params));
    return views.page(
      request,
      reply,
      'standards/catalogue.njk',
      catalogueViewModel({
        ...view,
        mayEdit: standards.mayEdit(request.actor, view.scope),
        regions: standards.regions(),
      }),
    );
  };
  const mapping = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    values?: FormValues,
    problems: Problem[] = [],
  ) => {
    const view = await missionMap.effective(selector(request.params));
    return views.page(
      request,
      reply,
      'standards/mapping.njk',
      mappingViewModel({
        ...view,
        mayEdit: missionMap.mayEdit(request.actor, view.scope),
        missions: standards.national().missions,
        values,
        problems,
      }),
      problems.length ? 400 : 200,
    );
  };

  registerContractMissionPages(app, deps);
  app.get('/standards', catalogue);
  app.get('/standards/mapping', mapping);
  app.get('/standards/choose', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const org = typeof q.org === 'string' ? q.org.trim() : '';
    const region = typeof q.region === 'string' ? q.region.trim() : '';
    if (org !== '') return reply.redirect(baseHref({ org: /^\d{1,15}$/.test(org) ? Number(org) : -1 }), 303);
    return reply.redirect(region ? baseHref({ region }) : '/standards', 303);
  });

  for (const prefix of ['/standards/regions/:code', '/standards/organisations/:id']) {
    app.get<{ Params: Params }>(prefix, catalogue);
    app.get<{ Params: Params }>(`${prefix}/mapping`, (request, reply) => mapping(request, reply));
    app.post<{ Params: Params }>(`${prefix}/mapping`, async (request, reply) => {
      const sel = selector(request.params);
      const values = body(request);
      if (values.remove === 'yes') {
        await missionMap.removeRule(
          request.actor,
          sel,
          String(values.cpv ?? ''),
          String(values.reason ?? ''),
        );
        return reply.redirect(`${baseHref(sel)}/mapping`, 303);
      }
      return submit(
        reply,
        () => missionMap.saveRule(request.actor, sel, values),
        (problems) => mapping(request, reply, values, problems),
        `${baseHref(sel)}/mapping#rules`,
      );
    });

    app.get<{ Params: Params }>(`${prefix}/settings/:target`, async (request, reply) => {
      if (!request.actor) return signIn(request, reply);
      const form = await standards.settingForm(
        request.actor,
        selector(request.params),
        request.params.target ?? '',
      );
      return views.page(request, reply, 'standards/setting.njk', settingViewModel(form));
    });
    app.post<{ Params: Params }>(`${prefix}/settings/:target`, async (request, reply) => {
      const sel = selector(request.params);
      const target = request.params.target ?? '';
      const values = body(request);
      return submit(
        reply,
        () => standards.saveSetting(request.actor, sel, target, values),
        async (problems) =>
          views.page(
            request,
            reply,
            'standards/setting.njk',
            settingViewModel(await standards.settingForm(request.actor, sel, target), values, problems),
            400,
          ),
        baseHref(sel),
      );
    });

    for (const kind of ['outcome', 'metric'] as const) {
      app.get<{ Params: Params }>(`${prefix}/${kind}s/new`, async (request, reply) => {
        if (!request.actor) return signIn(request, reply);
        const form = await standards.itemForm(request.actor, selector(request.params));
        return views.page(request, reply, 'standards/item.njk', itemViewModel(kind, form));
      });
      app.post<{ Params: Params }>(`${prefix}/${kind}s/new`, async (request, reply) => {
        const sel = selector(request.params);
        const values = body(request);
        return submit(
          reply,
          () => standards.addItem(request.actor, sel, kind, values),
          async (problems) =>
            views.page(
              request,
              reply,
              'standards/item.njk',
              itemViewModel(kind, await standards.itemForm(request.actor, sel), values, problems),
              400,
            ),
          baseHref(sel),
        );
      });
    }
  }
}
