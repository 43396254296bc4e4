// The import pages (docs/local-data.md): /imports lists import runs, /imports/:id shows one run's mapping, counts
// and every rejected row; /organisations/:id/local-contracts a buyer's register and notice-export contracts. Each
// also as CSV (every row): /imports.csv, /imports/:id/rejected.csv, /organisations/:id/local-contracts.csv.
// Signed-out visitors are sent to sign in; who may read what is imports.read (authz.ts).
import type { FastifyInstance } from 'fastify';
import { importRunsCsv, localContractsCsv, rejectedRowsCsv } from '../../services/imports-csv.js';
import type { Services } from '../../services/index.js';
import { csvDownload } from '../csv-reply.js';
import { localContractsViewModel } from '../pages/imports/contracts-view-model.js';
import { importListViewModel, importRunViewModel } from '../pages/imports/view-model.js';
import type { Views } from '../views.js';

type ListQuery = { page?: string; kind?: string; organisationId?: string };

export function registerImportPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  const { views, services } = deps;

  app.get<{ Querystring: ListQuery }>('/imports', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const list = await services.imports.list(request.actor, request.query);
    return views.page(request, reply, 'imports/list.njk', importListViewModel(list));
  });

  app.get<{ Querystring: ListQuery }>('/imports.csv', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const { kind, organisationId } = request.query;
    const list = await services.imports.list(request.actor, { kind, organisationId }, true);
    return csvDownload(reply, 'import-runs.csv', importRunsCsv(list));
  });

  app.get<{ Params: { id: string } }>('/imports/:id/rejected.csv', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const detail = await services.imports.get(request.actor, request.params.id, {}, true);
    return csvDownload(reply, `import-${detail.run.id}-rejected.csv`, rejectedRowsCsv(detail));
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/local-contracts.csv', async (request, reply) => {
    const list = await services.imports.contracts(request.params.id, {}, true);
    return csvDownload(reply, `local-contracts-${list.organisation.id}.csv`, localContractsCsv(list));
  });

  app.get<{ Params: { id: string }; Querystring: { page?: string } }>(
    '/imports/:id',
    async (request, reply) => {
      if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      const detail = await services.imports.get(request.actor, request.params.id, {
        page: request.query.page,
      });
      return views.page(request, reply, 'imports/run.njk', importRunViewModel(detail));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { page?: string } }>(
    '/organisations/:id/local-contracts',
    async (request, reply) => {
      const list = await services.imports.contracts(request.params.id, { page: request.query.page });
      return views.page(request, reply, 'imports/contracts.njk', localContractsViewModel(list));
    },
  );
}
