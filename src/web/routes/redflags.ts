// A buyer's red-flags page and its CSV download (same status filter): docs/red-flags.md.
import type { FastifyInstance } from 'fastify';
import { flagsCsv } from '../../services/redflags-csv.js';
import type { Services } from '../../services/index.js';
import { redFlagsViewModel } from '../pages/redflags/view-model.js';
import { csvDownload } from '../csv-reply.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

type Params = { id: string };
type Query = { status?: string; page?: string };

export function registerRedFlagsPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;

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
