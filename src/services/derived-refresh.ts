// The stored figures that follow the data, brought up to date after it changes (ingest, sync, imports): suppliers
// first (their merges feed every figure after), then the data-quality scores, the red flags, the mission dashboard,
// the horizon scan's day counts (after the missions: they count per mission), the market summary and the
// collaboration finder's summary. Each skips or narrows its work when little changed
// (docs/suppliers.md, quality-checks.md, red-flags.md: queued buyers only); the two summaries are rebuilt whole.
// One place, so ingest, sync and the imports refresh the same things in the same order.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import {
  refreshHorizonDayCounts,
  type HorizonDayCountRefresh,
} from '../store/horizon-day-count.repository.js';
import type { MarketSummaryRefresh } from '../store/market-summary.repository.js';
import { refreshCollaboration, type CollaborationRefreshSummary } from './collaboration/summary-refresh.js';
import { createMarketService } from './market/market.service.js';
import { refreshMissions, type MissionRefreshSummary } from './missions/summary-refresh.js';
import { createQualityService } from './quality.service.js';
import type { RefreshSummary as QualityRefresh } from './quality-refresh.js';
import { refreshRedFlags, type RedFlagRefresh } from './redflags-refresh.js';
import { createSuppliersService, type ResolveSummary } from './suppliers/suppliers.service.js';

export interface DerivedRefresh {
  suppliers: ResolveSummary;
  qualityRefresh: QualityRefresh;
  redFlagsRefresh: RedFlagRefresh;
  missionsRefresh: MissionRefreshSummary;
  horizonRefresh: HorizonDayCountRefresh;
  marketRefresh: MarketSummaryRefresh;
  collaborationRefresh: CollaborationRefreshSummary;
}

export async function refreshDerived(db: Kysely<Database>): Promise<DerivedRefresh> {
  const suppliers = await createSuppliersService({ db }).resolve();
  const qualityRefresh = await createQualityService({ db }).refresh();
  const redFlagsRefresh = await refreshRedFlags(db);
  const missionsRefresh = await refreshMissions(db);
  const horizonRefresh = await refreshHorizonDayCounts(db);
  const marketRefresh = await createMarketService({ db }).refreshSummary();
  const collaborationRefresh = await refreshCollaboration(db);
  return {
    suppliers,
    qualityRefresh,
    redFlagsRefresh,
    missionsRefresh,
    horizonRefresh,
    marketRefresh,
    collaborationRefresh,
  };
}
