// The KPI library JSON API (docs/kpi-library.md): templates for anyone (searchable, paginated); adding and
// changing templates for the central team and admins; KPIs attached to pipeline entries and contracts, read by
// anyone who may see the entry, attached and tailored by the buyer's editors; the missions and outcomes of a
// pipeline entry. Writes send the session cookie and its CSRF token in `X-CSRF-Token` (as the pipeline API).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { readErrors, writeErrors, writer } from './write-routes.js';
import type { Subject } from '../../services/kpis/attached-kpis.service.js';
import { libraryItemJson } from '../../services/kpis/kpi-library.service.js';
import {
  AttachBody,
  AttachedKpiSchema,
  AttachedList,
  AttachedParams,
  KpiLibraryPage,
  KpiLibraryQuery,
  KpiTemplateBody,
  KpiTemplateSchema,
  KpiTemplateUpdateBody,
  MissionsBody,
  OcidParams,
  TailorBody,
  TemplateParams,
} from './kpi-library-schemas.js';
import { EntryParams } from './pipeline-schemas.js';

const errors = readErrors;

const flat = libraryItemJson;

export function registerKpiLibraryApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const library = services.kpiLibrary;
  const kpis = services.attachedKpis;
  api.addSchema(KpiTemplateSchema);
  api.addSchema(AttachedKpiSchema);

  api.get(
    '/kpi-library',
    {
      schema: {
        tags: ['kpis'],
        summary: 'KPI templates: search by words, category (CPV), outcome and mission; paginated',
        querystring: KpiLibraryQuery,
        response: { 200: KpiLibraryPage, ...errors },
      },
    },
    async (request) => {
      const { q, cpv, outcome, mission, page, pageSize } = request.query;
      const r = await library.search(
        {
          text: q ?? '',
          ...(cpv ? { cpv } : {}),
          ...(outcome ? { outcome } : {}),
          ...(mission ? { mission } : {}),
        },
        { page: page ?? 1, pageSize: pageSize ?? 20 },
      );
      return { ...r, items: r.items.map(flat) };
    },
  );

  api.get(
    '/kpi-library/:id',
    {
      schema: {
        tags: ['kpis'],
        summary: 'One KPI template with its rating thresholds and examples',
        params: TemplateParams,
        response: { 200: { $ref: 'KpiTemplate#' }, ...errors },
      },
    },
    async (request) => flat(await library.get(request.params.id)),
  );

  api.post(
    '/kpi-library',
    {
      schema: {
        tags: ['kpis'],
        summary: 'Add a KPI template (central team and admins)',
        body: KpiTemplateBody,
        response: { 201: { $ref: 'KpiTemplate#' }, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(flat(await library.create(writer(request), request.body))),
  );

  api.put(
    '/kpi-library/:id',
    {
      schema: {
        tags: ['kpis'],
        summary: 'Save a new version of a KPI template, from the version you read (central team and admins)',
        params: TemplateParams,
        body: KpiTemplateUpdateBody,
        response: { 200: { $ref: 'KpiTemplate#' }, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...fields } = request.body;
      return flat(await library.update(writer(request), request.params.id, version, fields));
    },
  );

  const subjects: [
    string,
    string,
    (p: Record<string, unknown>) => Subject,
    typeof EntryParams | typeof OcidParams,
  ][] = [
    [
      '/pipeline/entries/:entryId/kpis',
      'a pipeline entry',
      (p) => ({ pipelineEntryId: p.entryId as number }),
      EntryParams,
    ],
    ['/contracts/:ocid/kpis', 'a contract', (p) => ({ ocid: p.ocid as string }), OcidParams],
  ];
  for (const [path, what, subjectOf, params] of subjects) {
    api.get(
      path,
      {
        schema: {
          tags: ['kpis'],
          summary: `KPIs attached to ${what}`,
          params,
          response: { 200: AttachedList, ...errors },
        },
      },
      async (request) => {
        const v = await kpis.list(request.actor, subjectOf(request.params as Record<string, unknown>));
        return { organisationId: v.organisationId, title: v.title, kpis: v.kpis };
      },
    );
    api.post(
      path,
      {
        schema: {
          tags: ['kpis'],
          summary: `Attach a tailored copy of a template to ${what} (editors of its buyer)`,
          params,
          body: AttachBody,
          response: { 201: { $ref: 'AttachedKpi#' }, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { templateId, ...raw } = request.body;
        const k = await kpis.attach(
          writer(request),
          subjectOf(request.params as Record<string, unknown>),
          templateId,
          raw,
        );
        return reply.code(201).send(k);
      },
    );
  }

  api.put(
    '/kpis/attached/:id',
    {
      schema: {
        tags: ['kpis'],
        summary: 'Tailor an attached KPI, from the version you read',
        params: AttachedParams,
        body: TailorBody,
        response: { 200: { $ref: 'AttachedKpi#' }, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...raw } = request.body;
      return kpis.tailor(writer(request), request.params.id, version, raw);
    },
  );

  api.delete(
    '/kpis/attached/:id',
    {
      schema: {
        tags: ['kpis'],
        summary: 'Remove an attached KPI (its history stays in the audit log)',
        params: AttachedParams,
        response: { 200: { $ref: 'AttachedKpi#' }, ...writeErrors },
      },
    },
    async (request) => kpis.remove(writer(request), request.params.id),
  );

  api.put(
    '/pipeline/entries/:entryId/missions',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Set the missions and outcomes of a pipeline entry, from the version you read',
        params: EntryParams,
        body: MissionsBody,
        response: { 200: { $ref: 'PipelineEntry#' }, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...raw } = request.body;
      return services.pipelineMissions.save(writer(request), request.params.entryId, version, raw);
    },
  );
}
