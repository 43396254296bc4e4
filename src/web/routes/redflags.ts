// A buyer's red-flags page and its CSV download (same status filter), and the national list (/flags, /flags.csv, same
// filters): docs/red-flags.md.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { flagsCsv, nationalFlagsCsv } from '../../services/redflags-csv.js';
import { checkNationalFlagsQuery } from '../../services/redflags-national.js';
import type { Services } from '../../services/index.js';
import { redFlagsViewModel } from '../pages/redflags/view-model.js';
import { csvDownload, csvProblems } from '../csv-reply.js';
import {
  NATIONAL_FORM_FIELDS,
  nationalFlagsViewModel,
  type NationalForm,
} from '../pages/redflags/national-view-model.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

type Params = { id: string };
type Query = { status?: string; page?: string };

export function registerRedFlagsPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;

  const readNational = (request: FastifyRequest) => {
    const raw = request.query as Record<string, unknown>;
    const form: NationalForm = {};
    for (const f of NATIONAL_FORM_FIELDS) {
      const v = raw[f];
      if (typeof v === 'string' && v.trim() !== '') form[f] = v.trim().slice(0, 40);
    }
    const page = typeof raw.page === 'string' ? raw.page : undefined;
    return { form, page, ...checkNationalFlagsQuery({ ...form, page }) };
  };

  app.get('/flags', async (request, reply) => {
    const { form, page, query, problems } = readNational(request);
    if (!query)
      return views.page(
        request,
        reply,
        'redflags/national.njk',
        nationalFlagsViewModel({ form, problems }),
        400,
      );
    const answer = await services.redflags.national({ ...form, page });
    return views.page(
      request,
      reply,
      'redflags/national.njk',
      nationalFlagsViewModel({ form, problems, answer }),
    );
  });

  app.get('/flags.csv', async (request, reply) => {
    const { form, problems } = readNational(request);
    if (problems.length > 0) return csvProblems(reply, problems);
    const answer = await services.redflags.nationalExport(form);
    return csvDownload(
      reply,
      'red-flags-national.csv',
      nationalFlagsCsv(answer, `${request.protocol}://${request.host}`),
    );
  });

  app.get<{ Params: Params; Querystring: Query }>('/organisations/:id/flags', async (request, reply) => {
    const buyerId = idOf(request, reply);
    if (buyerId === null) return reply;
    const { status, page } = request.query;
    const report = await services.redflags.flags({ buyerId, status, page, pageSize: 50 });
    const defs = await services.redflags.flags({});
    if (report.kind !== 'buyer' || defs.kind !== 'definitions')
      throw new Error('unexpected red flags answer');
    const base = `/organisations/${buyerId}/flags`;
    return views.page(request, reply, 'redflags/flags.njk', redFlagsViewModel(report, defs.flags, base));
  });

  app.get<{ Params: Params; Querystring: Query }>('/organisations/:id/flags.csv', async (request, reply) => {
    const buyerId = idOf(request, reply);
    if (buyerId === null) return reply;
    const report = await services.redflags.export({ buyerId, status: request.query.status });
    return csvDownload(
      reply,
      `red-flags-${buyerId}-${report.status}.csv`,
      flagsCsv(report, `${request.protocol}://${request.host}`),
    );
  });
}
