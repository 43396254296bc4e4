// Paid-money pages (docs/paid-money.md): /organisations/:id/spend and /places/:code (GET form: every view has a
// shareable address), their tables as CSV (spend.csv: suppliers; spend/{categories,periods,regions,off-contract}.csv),
// and the LM3 survey form (/organisations/:id/spend/lm3: GET shows it to
// those with spend.lm3.edit, POST saves through the paid service, which checks and audits).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/index.js';
import { PAID_CSV_TABLES, paidCsv, type PaidCsvTable } from '../../services/paid/paid-csv.js';
import type { PaidQueryInput } from '../../services/paid/paid-query.js';
import { LM3_FIELDS, lm3ViewModel, lm3Values } from '../pages/spend/lm3-view-model.js';
import { SPEND_FIELDS, spendQueryString, spendViewModel, type SpendForm } from '../pages/spend/view-model.js';
import { csvDownload, csvProblems } from '../csv-reply.js';
import type { Views } from '../views.js';
import { organisationId } from './quality.js';

function readForm(query: Record<string, unknown>): SpendForm {
  const form: SpendForm = {};
  for (const f of SPEND_FIELDS) {
    const v = query[f];
    if (typeof v === 'string' && v.trim() !== '') form[f] = v.trim().slice(0, 40);
  }
  return form;
}

const pageOf = (raw: Record<string, unknown>) =>
  typeof raw.page === 'string' && /^\d{1,5}$/.test(raw.page) ? Math.max(1, Number(raw.page)) : 1;

export function registerSpendPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;
  const paid = services.paid;

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: Pick<PaidQueryInput, 'buyerId' | 'place'>,
    paths: { base: string; csvPath: string; apiHref: string; title: string; lm3Href?: string },
  ) {
    const raw = request.query as Record<string, unknown>;
    const form = readForm(raw);
    const { query, problems } = paid.checkQuery({ ...form, ...scope });
    const model = (extra: object) => spendViewModel({ form, problems, ...paths, ...extra });
    if (!query) return views.page(request, reply, 'spend/spend.njk', model({}), 400);
    const profile = await paid.profile(query);
    return views.page(
      request,
      reply,
      'spend/spend.njk',
      model({ profile, page: pageOf(raw), title: `${paths.title}: ${profile.scope.label}` }),
    );
  }

  async function csv(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: Pick<PaidQueryInput, 'buyerId' | 'place'>,
    table: PaidCsvTable = 'suppliers',
  ) {
    const { query, problems } = paid.checkQuery({
      ...readForm(request.query as Record<string, unknown>),
      ...scope,
    });
    if (!query) return csvProblems(reply, problems);
    return csvDownload(reply, `paid-${table}.csv`, paidCsv(await paid.profile(query), table));
  }
  const placeCode = (code: string) => code.slice(0, 10);

  app.get<{ Params: { id: string } }>('/organisations/:id/spend', async (request, reply) => {
    const id = organisationId(request.params.id);
    const q = spendQueryString(readForm(request.query as Record<string, unknown>));
    return show(
      request,
      reply,
      { buyerId: id },
      {
        base: `/organisations/${id}/spend`,
        csvPath: `/organisations/${id}/spend.csv`,
        apiHref: `/api/spend?${new URLSearchParams({ buyerId: String(id) }).toString()}${q ? `&${q}` : ''}`,
        title: 'Paid money',
        lm3Href: `/organisations/${id}/spend/lm3`,
      },
    );
  });
  app.get<{ Params: { id: string } }>('/organisations/:id/spend.csv', async (request, reply) =>
    csv(request, reply, { buyerId: organisationId(request.params.id) }),
  );

  app.get<{ Params: { code: string } }>('/places/:code', async (request, reply) => {
    const code = placeCode(request.params.code);
    const q = spendQueryString(readForm(request.query as Record<string, unknown>));
    const enc = encodeURIComponent(code);
    return show(
      request,
      reply,
      { place: code },
      {
        base: `/places/${enc}`,
        csvPath: `/places/${enc}/spend.csv`,
        apiHref: `/api/spend?place=${enc}${q ? `&${q}` : ''}`,
        title: 'Place',
      },
    );
  });
  app.get<{ Params: { code: string } }>('/places/:code/spend.csv', async (request, reply) =>
    csv(request, reply, { place: placeCode(request.params.code) }),
  );
  for (const table of PAID_CSV_TABLES.filter((t) => t !== 'suppliers')) {
    app.get<{ Params: { id: string } }>(`/organisations/:id/spend/${table}.csv`, async (request, reply) =>
      csv(request, reply, { buyerId: organisationId(request.params.id) }, table),
    );
    app.get<{ Params: { code: string } }>(`/places/:code/spend/${table}.csv`, async (request, reply) =>
      csv(request, reply, { place: placeCode(request.params.code) }, table),
    );
  }

  app.get<{ Params: { id: string } }>('/organisations/:id/spend/lm3', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const id = organisationId(request.params.id);
    const raw = request.query as Record<string, unknown>;
    const year =
      typeof raw.year === 'string' && /^\d{4}$/.test(raw.year)
        ? Number(raw.year)
        : new Date().getUTCFullYear() - 1;
    const { buyer, figures } = await paid.lm3Figures(request.actor, id, year);
    return views.page(
      request,
      reply,
      'spend/lm3.njk',
      lm3ViewModel({ buyer, values: lm3Values(year, figures), problems: [], saved: raw.saved === '1' }),
    );
  });

  app.post<{ Params: { id: string } }>('/organisations/:id/spend/lm3', async (request, reply) => {
    const id = organisationId(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(
      LM3_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string).slice(0, 50_000) : '']),
    );
    const result = await paid.saveLm3(request.actor, id, values);
    if (!result.saved) {
      const { buyer } = await paid.lm3Figures(request.actor, id, 2000);
      return views.page(
        request,
        reply,
        'spend/lm3.njk',
        lm3ViewModel({ buyer, values, problems: result.problems }),
        400,
      );
    }
    return reply.redirect(`/organisations/${id}/spend/lm3?year=${result.year}&saved=1`, 303);
  });
}
