// The composition root: every service is built here from the database, configuration and logger, and the
// return type is the Services type the web app, API, CLI and jobs receive. No container, no globals; tests
// build it on a test database or hand in fakes of the same shape.
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Database } from '../store/database.js';
import { createAccountsService } from './accounts.service.js';
import { createAuditService } from './audit.service.js';
import { createCalendarService } from './calendar.service.js';
import { createCollaborationService } from './collaboration/collaboration.service.js';
import { createEngagementService } from './engagement/engagement.service.js';
import { createContractsService } from './contracts/contracts.service.js';
import { createHorizonService } from './horizon/horizon.service.js';
import { createSavedSearchService } from './horizon/saved-searches.service.js';
import { createImportsService } from './imports.service.js';
import { createKpisService } from './kpis/kpis.service.js';
import { createMarketService } from './market/market.service.js';
import { createPaidService } from './paid/paid.service.js';
import { createMappingService } from './missions/mapping.service.js';
import { createStandardsService } from './missions/standards.service.js';
import { createOfficerEditService } from './officer-edit.service.js';
import { createOidcService } from './oidc.service.js';
import { createOpportunitiesService } from './opportunities/opportunities.service.js';
import { createPipelineService } from './pipeline/pipeline.service.js';
import { createPipelineMissionsService } from './pipeline/pipeline-missions.js';
import { createAttachedKpisService } from './kpis/attached-kpis.service.js';
import { createKpiLibraryService } from './kpis/kpi-library.service.js';
import { loadCpvLabels, type CpvLabels } from './reference/cpv-labels.js';
import { createQualityDetailService } from './quality-detail.service.js';
import { createQualityService } from './quality.service.js';
import { createRedFlagsService } from './redflags.service.js';
import { createStatsService } from './stats.service.js';
import { createSocialValueService } from './social-value/social-value.service.js';
import { createMissionDashboardService } from './missions/dashboard.service.js';
import { createSyncService } from './sync.service.js';
import { refreshDerived } from './derived-refresh.js';
import { createSuppliersService } from './suppliers/suppliers.service.js';
import { createSupplierService } from './market/supplier.service.js';

export interface ServiceDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  /** CPV labels; default: data/reference/cpv-2008-en.csv when present. */
  cpv?: CpvLabels;
}

export function createServices({ db, config, log, cpv = loadCpvLabels() }: ServiceDeps) {
  const quality = createQualityService({ db });
  const accounts = createAccountsService({ db });
  const redflags = createRedFlagsService({ db });
  const missionMap = createMappingService({ db });
  const standards = createStandardsService({ db });
  const kpiLibrary = createKpiLibraryService({ db });
  const socialValue = createSocialValueService({ db });
  const missionDashboard = createMissionDashboardService({ db, socialValue });
  const qualityDetail = createQualityDetailService({ db });
  return {
    accounts,
    audit: createAuditService({ db }),
    calendar: createCalendarService({ db }),
    collaboration: createCollaborationService({ db, cpv }),
    contracts: createContractsService({ db, cpv, publisherName: config.serviceName }),
    engagement: createEngagementService({ db }),
    horizon: createHorizonService({ db }),
    imports: createImportsService({ db }),
    kpis: createKpisService({ db, cpv }),
    market: createMarketService({ db }),
    paid: createPaidService({ db }),
    missionMap,
    missionDashboard,
    officerEdit: createOfficerEditService({ db, quality }),
    oidc: createOidcService({ db, config, accounts }),
    opportunities: createOpportunitiesService({ db }),
    pipeline: createPipelineService({ db, qualityDetail }),
    pipelineMissions: createPipelineMissionsService({ db, standards }),
    kpiLibrary,
    attachedKpis: createAttachedKpisService({ db, library: kpiLibrary }),
    quality,
    qualityDetail,
    redflags,
    savedSearches: createSavedSearchService({ db }),
    socialValue,
    standards,
    stats: createStatsService({ db }),
    suppliers: createSuppliersService({ db }),
    supplierProfile: createSupplierService({ db, cpv }),
    sync: createSyncService({
      db,
      config,
      log,
      afterChange: () => refreshDerived(db),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

export type { MarketPeriod, MarketProfile, MarketService } from './market/market.service.js';
export type { PaidProfile, PaidService } from './paid/paid.service.js';
export type { SupplierProfile, SupplierService } from './market/supplier.service.js';
export type { AccountsService, ResolvedSession, UserSummary } from './accounts.service.js';
export type { ContractsService } from './contracts/contracts.service.js';
export type * from './kpis/kpis.service.js';
export type { StatsService, Stats } from './stats.service.js';
export type { League, LeagueRow, QualityService, Scorecard } from './quality.service.js';
export type {
  CheckAcross,
  CheckAcrossRow,
  CheckCounts,
  CheckDefinition,
  CheckDetail,
  CheckRecord,
  QualityDetailService,
} from './quality-detail.service.js';
export {
  BUYER_TYPE_MAX,
  CHECK_RECORD_SORTS,
  CHECK_RECORD_STATUSES,
  CHECK_RECORDS_MAX_PAGE_SIZE,
  LEAGUE_MAX_PAGE,
  LEAGUE_MAX_PAGE_SIZE,
  LEAGUE_SORTS,
  OFFICER_LIMITS,
  type LeagueQueryInput,
  type OfficerInputRaw,
} from './quality-input.js';
export type { SyncService } from './sync.service.js';
export type * from './collaboration/collaboration-exports.js';
export type {
  HorizonNamedFilters,
  HorizonScan,
  HorizonService,
  LeadTimeRule,
} from './horizon/horizon.service.js';
export type * from './horizon/saved-searches.service.js';
export {
  HORIZON_DEFAULT_MONTHS,
  HORIZON_DEFAULT_ORDER,
  HORIZON_FILTER_FIELDS,
  HORIZON_MAX_MONTHS,
  HORIZON_MAX_PAGE,
  HORIZON_MAX_PAGE_SIZE,
  HORIZON_MIN_MONTHS,
  HORIZON_PAGE_SIZES,
  HORIZON_WINDOWS,
  type HorizonField,
  type HorizonFilters,
  type HorizonQuery,
  type HorizonQueryInput,
} from './horizon/horizon-query.js';
export type { CalendarExport, CalendarItem, CalendarPage, CalendarService } from './calendar.service.js';
export { CALENDAR_MAX_PAGE, CALENDAR_MAX_PAGE_SIZE, type CalendarQueryInput } from './calendar-input.js';
export type * from './contracts/contract-types.js';
export {
  DEFAULT_ORDER,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_TEXT,
  PAGE_SIZES,
  SORT_KEYS,
  hasFilters,
  type ContractFilters,
  type ContractQuery,
  type ContractQueryInput,
  type ContractSort,
  type QueryField,
  type QueryProblem,
  type SortOrder,
} from './contracts/contract-query.js';
export { noticeTypeName, documentTypeName, tagName } from './reference/notice-types.js';
