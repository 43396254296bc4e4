// Admin pages: the sync status of each source (last run, position, counts, errors), for central teams and admins.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { formatDateTime, formatNumber, NOT_KNOWN } from '../format.js';
import type { SourceStatus } from '../../services/sync.service.js';
import type { Views } from '../views.js';

const count = (n: number | undefined): string => (n === undefined ? NOT_KNOWN : formatNumber(n));

function position(s: SourceStatus): string {
  if (s.nextUrl) return `Part-way through a page sequence (next page ${s.nextUrl})`;
  if (s.windowTo) return `Up to date to ${s.windowTo}${s.windowFrom ? ` (window from ${s.windowFrom})` : ''}`;
  return 'Not started';
}

export function registerAdminPages(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  app.get('/admin/sync', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const sources = await deps.services.sync.status(request.actor);
    return deps.views.page(request, reply, 'admin/sync.njk', {
      title: 'Sync status',
      sources: sources.map((s) => ({
        ...s,
        rows: [
          { key: { text: 'Base address' }, value: { text: s.baseUrl } },
          { key: { text: 'Position' }, value: { text: position(s) } },
          {
            key: { text: 'Last run' },
            value: {
              text: s.lastRun
                ? `${s.lastRun.status}, started ${formatDateTime(s.lastRun.startedAt)}`
                : 'Never run',
            },
          },
          {
            key: { text: 'Finished' },
            value: {
              text: s.lastRun?.finishedAt
                ? formatDateTime(s.lastRun.finishedAt)
                : s.inProgress
                  ? 'Running now'
                  : NOT_KNOWN,
            },
          },
          { key: { text: 'Pages fetched' }, value: { text: count(s.lastRun?.pages) } },
          { key: { text: 'Releases fetched' }, value: { text: count(s.lastRun?.releases) } },
          { key: { text: 'Releases stored (new)' }, value: { text: count(s.lastRun?.stored) } },
          { key: { text: 'Unusable items quarantined' }, value: { text: count(s.lastRun?.quarantined) } },
          { key: { text: 'Retried requests' }, value: { text: count(s.lastRun?.retries) } },
          {
            key: { text: 'Problems' },
            value: { text: s.lastRun?.problems.length ? s.lastRun.problems.join('; ') : 'None' },
          },
          { key: { text: 'Error' }, value: { text: s.lastRun?.error ?? 'None' } },
        ],
      })),
    });
  });
}
