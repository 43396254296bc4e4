// The mission dashboard API (docs/mission-dashboard.md): all five missions, one mission by region, buyer and
// quarter. Read only; anyone may read. The pages (/missions) and the CLI (missionbuy missions) show the same data.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { readErrors as errors } from './write-routes.js';
import {
  MissionDashboardSchema,
  MissionParams,
  MissionQuery,
  MissionsOverviewSchema,
} from './missions-schemas.js';

export function registerMissionsApi(parent: FastifyInstance, services: Services): void {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  const missions = services.missionDashboard;

  api.get(
    '/missions',
    {
      schema: {
        tags: ['missions'],
        summary: 'All five missions: mapped award value and counts, SME/VCSE/local share, KPI rating mix',
        querystring: MissionQuery,
        response: { 200: MissionsOverviewSchema, ...errors },
      },
    },
    async (request) => missions.overview(missions.query(request.query)),
  );

  api.get(
    '/missions/:id',
    {
      schema: {
        tags: ['missions'],
        summary: 'One mission by region, buyer and quarter, with KPI ratings and social value per outcome',
        params: MissionParams,
        querystring: MissionQuery,
        response: { 200: MissionDashboardSchema, ...errors },
      },
    },
    async (request) => missions.mission(request.params.id, missions.query(request.query)),
  );
}
