// Market analytics pages: /market (GET form: every profile has a shareable address) and /market.csv (its
// suppliers). Definitions: docs/market-analytics.md.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.js';
import { marketCsv } from '../../services/market/market-csv.js';
import {
  CHART_BARS,
  MARKET_FIELDS,
  SUPPLIERS_PAGE_SIZE,
  marketViewModel,
  type MarketForm,
} from '../pages/market/view-model.js';
import { csvDownload, csvProblems } from '../csv-reply.js';
import type { Views } from '../views.js';

function readForm(query: Record<string, unknown>): MarketForm {
  const form: MarketForm = {};
  for (const f of MARKET_FIELDS) {
    const v = query[f];
    if (typeof v === 'string' && v.trim() !== '') form[f] = v.trim().slice(0, 40);
  }
  return form;
}

export function registerMarketPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;
  const market = services.market;

  const parse = (request: FastifyRequest) => {
    const raw = request.query as Record<string, unknown>;
    const form = readForm(raw);
    const page =
      typeof raw.page === 'string' && /^\d{1,5}$/.test(raw.page) ? Math.max(1, Number(raw.page)) : 1;
    return { form, page, ...market.checkQuery(form) };
  };

  app.get('/market', async (request, reply) => {
    const { form, page, query, problems } = parse(request);
    // No scope yet: the form alone, with no error (the first visit).
    if (Object.keys(form).length === 0)
      return views.page(request, reply, 'market/market.njk', marketViewModel({ form, problems: [] }));
    if (!query)
      return views.page(request, reply, 'market/market.njk', marketViewModel({ form, problems }), 400);
    const profile = await market.profile(query, {
      offset: (page - 1) * SUPPLIERS_PAGE_SIZE,
      limit: SUPPLIERS_PAGE_SIZE,
      largest: CHART_BARS,
    });
    return views.page(
      request,
      reply,
      'market/market.njk',
      marketViewModel({ form, problems, page, profile }),
    );
  });

  // Every supplier (no window).
  app.get('/market.csv', async (request, reply) => {
    const { query, problems } = parse(request);
    if (!query) return csvProblems(reply, problems);
    return csvDownload(reply, 'market-suppliers.csv', marketCsv(await market.profile(query)));
  });
}
