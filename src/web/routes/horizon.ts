// Horizon scan pages: the filterable scan (GET form, so every result has a shareable address), its CSV export and
// its Atom feed (a feed per query string: the saved search until accounts exist).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.js';
import { horizonAtom, horizonFeedTitle } from '../pages/horizon/atom.js';
import { inputFor, readHorizonForm, toHorizonInput } from '../pages/horizon/form.js';
import { horizonViewModel } from '../pages/horizon/view-model.js';
import { csvDownload, csvProblems } from '../csv-reply.js';
import type { Views } from '../views.js';

export const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** The request's query string, without the "?". */
const searchOf = (request: FastifyRequest): string =>
  request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';

export function registerHorizonPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services; serviceName: string },
): void {
  const { views, services } = deps;
  const horizon = services.horizon;

  /** The request's query, checked: the service's query, or every problem keyed by the input it concerns. */
  function parse(request: FastifyRequest) {
    const form = readHorizonForm(request.query as Record<string, unknown>);
    const { input, problems } = toHorizonInput(form);
    const parsed = horizon.parseQuery(input);
    const all = [
      ...problems,
      ...parsed.problems.map((p) => ({ field: inputFor(p.field), message: p.message })),
    ];
    return { form, input, query: parsed.query, problems: all };
  }

  app.get('/horizon', async (request, reply) => {
    const { form, query, problems } = parse(request);
    if (problems.length > 0)
      return views.page(
        request,
        reply,
        'horizon/list.njk',
        horizonViewModel({ form, problems, missions: horizon.missions() }),
        400,
      );
    const [scan, named] = await Promise.all([horizon.scan(query), horizon.describeFilters(query.filters)]);
    return views.page(request, reply, 'horizon/list.njk', {
      ...horizonViewModel({
        form,
        problems,
        scan,
        named,
        missions: horizon.missions(),
        mayPlan: (buyerId) => services.pipeline.mayEdit(request.actor, buyerId),
      }),
      // "Save this search" (save-form.njk) posts the page's query string; signed out, sign in and come back.
      saveQuery: searchOf(request),
      loginNext: request.url,
    });
  });

  app.get('/horizon.csv', async (request, reply) => {
    const { query, problems } = parse(request);
    if (problems.length > 0) return csvProblems(reply, problems);
    return csvDownload(reply, 'horizon.csv', horizon.exportCsv(query, baseUrl(request)));
  });

  app.get('/horizon.atom', async (request, reply) => {
    const { query, input, problems } = parse(request);
    if (problems.length > 0) return csvProblems(reply, problems);
    // A feed carries the soonest decisions: 100 entries unless the query asks for another page size.
    const feedQuery = input.pageSize === undefined ? { ...query, pageSize: 100 } : query;
    const [scan, named] = await Promise.all([
      horizon.scan(feedQuery),
      horizon.describeFilters(query.filters),
    ]);
    const search = searchOf(request) ? `?${searchOf(request)}` : '';
    const xml = horizonAtom(
      scan,
      horizonFeedTitle(scan.months, named),
      {
        self: `${baseUrl(request)}/horizon.atom${search}`,
        page: `${baseUrl(request)}/horizon${search}`,
        base: baseUrl(request),
      },
      deps.serviceName,
    );
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}
