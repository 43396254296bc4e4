// The home page: what the service holds, where it came from, and the way in.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { formatDate, formatNumber } from '../format.js';
import type { Views } from '../views.js';

const SOURCE_NAMES: Record<string, string> = {
  fts: 'Find a Tender',
  'find-a-tender': 'Find a Tender',
  'contracts-finder': 'Contracts Finder',
  'public-contracts-scotland': 'Public Contracts Scotland',
  sell2wales: 'Sell2Wales',
};

export function registerHomePage(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  app.get('/', async (request, reply) => {
    const stats = await deps.services.stats.totals();
    return deps.views.page(request, reply, 'home/home.njk', {
      title: 'Home',
      empty: stats.processes === 0,
      figures: [
        { value: formatNumber(stats.processes), label: 'contracting processes' },
        { value: formatNumber(stats.releases), label: 'notices (OCDS releases)' },
        { value: formatNumber(stats.buyers), label: 'buyers' },
        { value: formatNumber(stats.suppliers), label: 'suppliers' },
      ],
      sources: {
        head: [{ text: 'Source' }, { text: 'Notices', format: 'numeric' }, { text: 'Latest notice' }],
        rows: stats.sources.map((s) => [
          { text: SOURCE_NAMES[s.source] ?? s.source },
          { text: formatNumber(s.releases), format: 'numeric' },
          { text: s.latest ? formatDate(s.latest) : 'Not known' },
        ]),
      },
      quarantined: stats.quarantined,
    });
  });
}
