// The pipeline's downloads (CSV, UK1-ready CSV, OCDS planning releases — everything for members, published
// entries for anyone else), its public Atom feed of changes, and the central pipeline across buyers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PipelineExportFormat } from '../../services/pipeline/pipeline-export.js';
import type { Services } from '../../services/index.js';
import { pipelineAtom } from '../pages/pipeline/atom.js';
import { centralFilters, centralViewModel, readCentralForm } from '../pages/pipeline/central.js';
import { pipelineHref } from '../pages/pipeline/view-model.js';
import type { Views } from '../views.js';
import { registerPipelinePages } from './pipeline.js';
import { organisationId } from './quality.js';

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

const FILES: [suffix: string, format: PipelineExportFormat][] = [
  ['.csv', 'csv'],
  ['.uk1.csv', 'uk1'],
  ['.ocds.json', 'ocds'],
];

export function registerPipelineFiles(
  app: FastifyInstance,
  deps: { views: Views; services: Services; serviceName: string },
): void {
  const { views, services, serviceName } = deps;
  const pipeline = services.pipeline;

  // One route per file: "/organisations/:id/pipeline.csv" etc. (the suffix is part of the path, not a parameter).
  for (const [suffix, format] of FILES)
    app.get<{ Params: { id: string } }>(`/organisations/:id/pipeline${suffix}`, async (request, reply) => {
      const file = await pipeline.exportFile(request.actor, organisationId(request.params.id), format, {
        baseUrl: baseUrl(request),
        publisherName: serviceName,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    });

  app.get<{ Params: { id: string } }>('/organisations/:id/pipeline.atom', async (request, reply) => {
    const orgId = organisationId(request.params.id);
    // A feed is public: changes to published entries only, whoever asks.
    const view = await pipeline.changes(null, orgId, { pageSize: 100, publicView: true });
    const base = baseUrl(request);
    const xml = pipelineAtom(view.items, {
      title: `Pipeline changes: ${view.organisation.name}`,
      self: `${base}${pipelineHref(orgId)}.atom`,
      page: `${base}${pipelineHref(orgId)}`,
      base,
      serviceName,
      updated: new Date(0),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/pipeline', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const form = readCentralForm(query);
    const { filters, asOf, problems } = centralFilters(form);
    const missions = services.standards.national().missions;
    if (problems.length > 0)
      return views.page(
        request,
        reply,
        'pipeline/central.njk',
        centralViewModel(form, problems, undefined, missions),
        400,
      );
    const page = Number(query.page ?? '1');
    const [result, uk1] = await Promise.all([
      pipeline.central(filters, { page: Number.isInteger(page) && page > 0 ? page : 1 }),
      pipeline.uk1Buyers(asOf),
    ]);
    return views.page(
      request,
      reply,
      'pipeline/central.njk',
      centralViewModel(form, [], { ...result, uk1 }, missions),
    );
  });
}

/** Every pipeline page, download and feed (one line in app.ts). */
export function registerPipelineRoutes(
  app: FastifyInstance,
  deps: { views: Views; services: Services; serviceName: string },
): void {
  registerPipelinePages(app, deps);
  registerPipelineFiles(app, deps);
}
