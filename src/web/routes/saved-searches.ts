// Saved horizon searches on the web (docs/saved-searches.md): save the horizon page's filters under a name (a POST
// form with CSRF), list, open, rename, delete, a new feed address, mark as seen; the alert list across searches;
// the Atom feed per search, read by its token alone; and the alert count every signed-in page shows in the header.
// Who may do what is the service's business (savedSearch.manage): these handlers only send signed-out users to sign in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { SAVED_SEARCH_LIMIT, savedQueryString } from '../../services/horizon/saved-search-input.js';
import { horizonAtom, horizonFeedTitle } from '../pages/horizon/atom.js';
import { readHorizonForm, toHorizonInput } from '../pages/horizon/form.js';
import {
  alertsViewModel,
  listViewModel,
  saveFormViewModel,
  searchViewModel,
} from '../pages/saved-searches/view-model.js';
import type { Views } from '../views.js';
import { baseUrl } from './horizon.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Alerts across the signed-in user's saved searches (0 when signed out), for the header. */
    alertCount: number;
  }
}

/** Alerts shown per search on the alert list (the search's own page has them all). */
const ALERTS_PER_SEARCH = 10;

const searchId = (v: string): number => {
  if (!/^[1-9]\d{0,15}$/.test(v)) throw new AppError('NOT_FOUND', `There is no saved search ${v}`);
  return Number(v);
};

const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

const page = (v: unknown): number => {
  const s = typeof v === 'string' ? v : '1';
  if (!/^\d{1,4}$/.test(s) || Number(s) < 1) throw new AppError('BAD_REQUEST', 'Page must be a whole number');
  return Number(s);
};

export function registerSavedSearchPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services; serviceName: string },
): void {
  const { views, services, serviceName } = deps;
  const saved = services.savedSearches;

  app.decorateRequest('alertCount', 0);
  app.addHook('preHandler', async (request) => {
    if (request.actor && request.method === 'GET' && !/^\/(api|assets)(\/|$|\?)/.test(request.url))
      request.alertCount = await saved.alertCount(request.actor);
  });

  /** Signed out: to the sign-in page, then back here. */
  const signIn = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);

  app.get('/saved-searches', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const savedId = Number((request.query as Record<string, unknown>).saved) || undefined;
    const list = await saved.list(request.actor);
    return views.page(
      request,
      reply,
      'saved-searches/list.njk',
      listViewModel(list, SAVED_SEARCH_LIMIT, savedId),
    );
  });

  app.post('/saved-searches', async (request, reply) => {
    const query = field(request.body, 'query').slice(0, 2000);
    const name = field(request.body, 'name');
    const params = Object.fromEntries(new URLSearchParams(query));
    const { input } = toHorizonInput(readHorizonForm(params));
    try {
      const s = await saved.create(request.actor, { name, query: input });
      return reply.redirect(`/saved-searches?saved=${s.id}`, 303);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'BAD_REQUEST' && e.code !== 'CONFLICT')) throw e;
      const vm = saveFormViewModel(query, name, e.message);
      return views.page(request, reply, 'saved-searches/save.njk', vm, e.httpStatus);
    }
  });

  app.get('/alerts', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const list = await saved.list(request.actor);
    const actor = request.actor;
    const groups = await Promise.all(
      list.map((s) => (s.alerts > 0 ? saved.alerts(actor, s.id, 1, ALERTS_PER_SEARCH) : null)),
    );
    const shown = groups.filter((g) => g !== null);
    return views.page(request, reply, 'saved-searches/alerts.njk', alertsViewModel(list.length > 0, shown));
  });

  app.post('/alerts/seen', async (request, reply) => {
    await saved.markAllSeen(request.actor);
    return reply.redirect('/alerts', 303);
  });

  app.get('/saved-searches/feed/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const feed = await saved.byFeedToken(token);
    const query = { ...feed.query, pageSize: 100 };
    const [scan, named] = await Promise.all([
      services.horizon.scan(query),
      services.horizon.describeFilters(query.filters),
    ]);
    const base = baseUrl(request);
    const xml = horizonAtom(
      scan,
      horizonFeedTitle(scan.months, named, feed.name),
      {
        self: `${base}/saved-searches/feed/${token}`,
        page: `${base}/horizon?${savedQueryString(feed.saved)}`,
        base,
      },
      serviceName,
    );
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(xml);
  });

  app.get('/saved-searches/:id', async (request, reply) => {
    if (!request.actor) return signIn(request, reply);
    const id = searchId((request.params as { id: string }).id);
    const alerts = await saved.alerts(
      request.actor,
      id,
      page((request.query as Record<string, unknown>).page),
    );
    return views.page(request, reply, 'saved-searches/show.njk', searchViewModel(alerts, baseUrl(request)));
  });

  app.post('/saved-searches/:id/rename', async (request, reply) => {
    const id = searchId((request.params as { id: string }).id);
    const name = field(request.body, 'name');
    try {
      await saved.rename(request.actor, id, name);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'BAD_REQUEST' && e.code !== 'CONFLICT')) throw e;
      const alerts = await saved.alerts(request.actor, id);
      const vm = searchViewModel(alerts, baseUrl(request), { name, error: e.message });
      return views.page(request, reply, 'saved-searches/show.njk', vm, e.httpStatus);
    }
    return reply.redirect(`/saved-searches/${id}`, 303);
  });

  const action = (
    path: string,
    run: (request: FastifyRequest, id: number) => Promise<unknown>,
    to: (id: number) => string,
  ) =>
    app.post(`/saved-searches/:id/${path}`, async (request, reply) => {
      const id = searchId((request.params as { id: string }).id);
      await run(request, id);
      return reply.redirect(to(id), 303);
    });
  action(
    'delete',
    (r, id) => saved.remove(r.actor, id),
    () => '/saved-searches',
  );
  action(
    'feed-token',
    (r, id) => saved.regenerateFeedToken(r.actor, id),
    (id) => `/saved-searches/${id}#feed`,
  );
  action(
    'seen',
    (r, id) => saved.markSeen(r.actor, id),
    (id) => `/saved-searches/${id}`,
  );
}
