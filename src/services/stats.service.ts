// Totals for the home page and /api/stats.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { countReleasesBySource, countTotals } from '../store/process.repository.js';

export interface Stats {
  processes: number;
  /** Processes tagged synthetic (generated for benchmarks); 0 on the real sample. */
  syntheticProcesses: number;
  releases: number;
  buyers: number;
  suppliers: number;
  /** Items that could not be used as releases (quarantine table). */
  quarantined: number;
  sources: { source: string; releases: number; latest: Date | null }[];
}

export function createStatsService(deps: { db: Kysely<Database> }) {
  return {
    async totals(): Promise<Stats> {
      const [t, sources] = await Promise.all([countTotals(deps.db), countReleasesBySource(deps.db)]);
      return {
        processes: t.processes,
        syntheticProcesses: t.synthetic_processes,
        releases: t.releases,
        buyers: t.buyers,
        suppliers: t.suppliers,
        quarantined: t.quarantined,
        sources,
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
