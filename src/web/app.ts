// The web app: pages (Nunjucks + govuk-frontend) and the JSON API (TypeBox schemas, OpenAPI at /api/docs), built
// on the services. Nothing here talks to the database directly (design.md: web → services → store).
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Services } from '../services/index.js';
import { registerApi } from './api/routes.js';
import { registerAssets } from './plugins/assets.js';
import { registerErrorHandlers } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { registerSessions } from './plugins/session.js';
import { registerAccountPages } from './routes/accounts.js';
import { registerOfficerPages } from './routes/officer.js';
import { registerOpportunityPages } from './routes/opportunities.js';
import { registerPipelineRoutes } from './routes/pipeline-files.js';
import { registerEngagementPages } from './routes/engagement.js';
import { registerAdminPages } from './routes/admin.js';
import { registerAuditPage } from './routes/audit.js';
import { registerCalendarPages } from './routes/calendar.js';
import { registerRedFlagsPages } from './routes/redflags.js';
import { registerSavedSearchPages } from './routes/saved-searches.js';
import { registerContractPages } from './routes/contracts.js';
import { registerHomePage } from './routes/home.js';
import { registerHorizonPages } from './routes/horizon.js';
import { registerImportPages } from './routes/imports.js';
import { registerKpiPages } from './routes/kpis.js';
import { registerCollaborationPages } from './routes/collaboration.js';
import { registerMarketPages } from './routes/market.js';
import { registerSpendPages } from './routes/spend.js';
import { registerSupplierProfilePages } from './routes/supplier.js';
import { registerQualityPages } from './routes/quality.js';
import { registerSocialValuePages } from './routes/social-value.js';
import { registerMissionPages } from './routes/missions.js';
import { registerStandardsPages } from './routes/standards.js';
import { registerKpiLibraryPages } from './routes/kpi-library.js';
import { registerSupplierPages } from './routes/suppliers.js';
import { createViews } from './views.js';

export interface AppDeps {
  config: Config;
  services: Services;
  log: Logger;
}

export async function buildApp({ config, services, log }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // X-Forwarded-* count only from the proxies the operator named (MISSIONBUY_TRUSTED_PROXIES): from anyone else
    // they are ignored, so a client cannot choose the address its rate limits are counted under.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 500 },
  });
  const views = createViews(config);

  await registerSecurityHeaders(app, config);
  await app.register(formbody);
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${config.serviceName} API`,
        version: '0.1.0',
        description:
          'Read access to UK public contracts compiled from Find a Tender and Contracts Finder OCDS data. Money is ' +
          'exact decimal strings; dates are ISO 8601. Errors are `{ "error": { "code", "message" } }`.',
      },
      tags: [
        { name: 'contracts', description: 'Contracting processes and their OCDS records' },
        { name: 'service' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await registerAssets(app, config);
  registerErrorHandlers(app, { config, views });
  const sessions = registerSessions(app, { config, services });

  await app.register(async (api) => registerApi(api, services), { prefix: '/api' });
  registerHomePage(app, { views, services });
  registerContractPages(app, { views, services });
  registerAdminPages(app, { views, services });
  registerAuditPage(app, { views, services });
  registerHorizonPages(app, { views, services, serviceName: config.serviceName });
  registerCollaborationPages(app, { views, services });
  registerMarketPages(app, { views, services });
  registerSpendPages(app, { views, services });
  registerSupplierProfilePages(app, { views, services });
  registerQualityPages(app, { views, services });
  registerCalendarPages(app, { views, services });
  registerSupplierPages(app, { views, services });
  registerRedFlagsPages(app, { views, services });
  registerAccountPages(app, { views, services, sessions });
  registerOfficerPages(app, { views, services });
  registerSavedSearchPages(app, { views, services, serviceName: config.serviceName });
  registerPipelineRoutes(app, { views, services, serviceName: config.serviceName });
  registerEngagementPages(app, { views, services });
  registerStandardsPages(app, { views, services });
  registerSocialValuePages(app, { views, services });
  registerMissionPages(app, { views, services });
  registerKpiLibraryPages(app, { views, services });
  registerImportPages(app, { views, services });
  registerOpportunityPages(app, { views, services, serviceName: config.serviceName });
  registerKpiPages(app, { views, services });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}
