// The mission dashboard pages (docs/mission-dashboard.md): /missions (all five, nationally or for a region or
// buyer), /missions/{id} (by region, buyer and quarter; KPI ratings; social value per outcome), and the contracts
// behind a figure (/missions/{id}/contracts). Every chart has the same figures in a table beside it.
import type { MissionFigures } from '../../../analytics/missions/index.js';
import type { DashboardFilters } from '../../../services/missions/dashboard-input.js';
import {
  ANY_MISSION,
  NO_MISSION,
  type MissionDashboard,
  type MissionsOverview,
} from '../../../services/missions/dashboard.service.js';
import { barChart } from '../../charts/bar-chart.js';
import { lineChart } from '../../charts/line-chart.js';
import { rollUpTable } from '../social-value/view-model.js';
import { pagination, queryString, showing } from '../shared/table-nav.js';
import { figuresTable, kpiTable, METHOD, money } from './figures-table.js';

type Regions = Array<{ code: string; name: string }>;

export const filterQuery = (f: DashboardFilters) => ({ region: f.region, buyer: f.buyer });
export const contractsHref = (missionId: string, f: DashboardFilters, quarter?: string) =>
  `/missions/${encodeURIComponent(missionId)}/contracts${queryString({ ...filterQuery(f), quarter })}`;

/** The KPIs behind a rating mix cell (of one code, or all of them). */
export const kpisHref = (missionId: string, f: DashboardFilters) => (rating?: string) =>
  `/missions/${encodeURIComponent(missionId)}/kpis${queryString({ ...filterQuery(f), rating })}`;

/** The standard a metric belongs to: the buyer's or region's effective standard when filtered, at its mission. */
const standardHref = (f: DashboardFilters, missionId: string | null) =>
  `${f.buyer !== undefined ? `/standards/organisations/${f.buyer}` : f.region !== undefined ? `/standards/regions/${f.region}` : '/standards'}${missionId ? `#mission-${missionId}` : ''}`;

export const scopeText = (n: { region: string | null; buyer: string | null }) =>
  [n.region, n.buyer].filter(Boolean).join(', ') || 'United Kingdom (national)';

/** The region select and buyer id input, with the current values. */
export function filterForm(action: string, f: DashboardFilters, regions: Regions) {
  return {
    action,
    region: {
      id: 'region',
      name: 'region',
      label: { text: 'Region of the buyer (ITL1)' },
      items: [
        { value: '', text: 'All regions' },
        ...regions.map((r) => ({
          value: r.code,
          text: `${r.name} (${r.code})`,
          selected: r.code === f.region,
        })),
      ],
    },
    buyer: {
      id: 'buyer',
      name: 'buyer',
      label: { text: 'Buyer organisation id' },
      classes: 'govuk-input--width-10',
      inputmode: 'numeric',
      value: f.buyer === undefined ? '' : String(f.buyer),
    },
  };
}

const valueBars = (rows: ReadonlyArray<{ label: string; f: MissionFigures }>) =>
  rows.map((r) => ({ label: r.label, value: Number(r.f.value) }));

const refreshedText = (s: MissionsOverview['state']) =>
  s ? `Figures as of the summary refresh at ${s.refreshedAt.slice(0, 16).replace('T', ' ')} UTC.` : null;

export function overviewViewModel(o: MissionsOverview, regions: Regions) {
  const q = queryString(filterQuery(o.filters));
  return {
    title: 'Missions: have we delivered them?',
    scope: scopeText(o.named),
    refreshed: refreshedText(o.state),
    filterForm: filterForm('/missions', o.filters, regions),
    chart: barChart({
      id: 'missions-value',
      title: 'Award value mapped to each mission',
      description:
        'Award value of contracts mapped to each mission; a contract mapped to several missions counts in full in each.',
      bars: valueBars(o.missions.map((m) => ({ label: m.name, f: m.figures }))),
      format: (n) => money(Math.round(n)),
    }),
    table: figuresTable('Award value and suppliers by mission', 'Mission', [
      ...o.missions.map((m) => ({
        label: m.name,
        labelHref: `/missions/${m.id}${q}`,
        figures: m.figures,
        recordsHref: contractsHref(m.id, o.filters),
      })),
      {
        label: 'Any mission (each award once)',
        figures: o.anyMission,
        recordsHref: contractsHref(ANY_MISSION, o.filters),
      },
      { label: 'No mission mapped', figures: o.noMission, recordsHref: contractsHref(NO_MISSION, o.filters) },
    ]),
    kpis: kpiTable(
      'KPI ratings of contracts mapped to each mission',
      o.missions.map((m) => ({ label: m.name, kpis: m.kpis, kpisHref: kpisHref(m.id, o.filters) })),
    ),
    csvHref: `/missions.csv${q}`,
    apiHref: `/api/missions${q}`,
  };
}

export function missionViewModel(d: MissionDashboard, regions: Regions) {
  const base = `/missions/${encodeURIComponent(d.mission.id)}`;
  const f: DashboardFilters = { region: d.query.region, buyer: d.query.buyer };
  const q = filterQuery(f);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const regionLabel = (code: string | null) =>
    code ? `${regionName.get(code) ?? code} (${code})` : 'Region not known';
  const buyerLabel = (x: MissionFigures) => x.name ?? (x.key ? `Organisation ${x.key}` : 'Buyer not known');
  const sortHref = (sort: string) => `${base}${queryString({ ...q, sort })}`;
  return {
    title: `Mission: ${d.mission.name}`,
    mission: d.mission,
    scope: scopeText(d.named),
    refreshed: refreshedText(d.state),
    filterForm: filterForm(base, f, regions),
    totals: figuresTable('Totals', 'Scope', [
      { label: scopeText(d.named), figures: d.totals, recordsHref: contractsHref(d.mission.id, f) },
    ]),
    regionChart: barChart({
      id: 'mission-regions',
      title: `Award value by region: ${d.mission.name}`,
      description:
        'Award value mapped to the mission by the region of the buyer; the table below has the same figures.',
      bars: valueBars(d.byRegion.map((x) => ({ label: regionLabel(x.key), f: x }))),
      format: (n) => money(Math.round(n)),
    }),
    regionTable: figuresTable(
      'By region of the buyer',
      'Region',
      d.byRegion.map((x) => ({
        label: regionLabel(x.key),
        ...(x.key ? { labelHref: `${base}${queryString({ ...q, region: x.key })}` } : {}),
        figures: x,
        recordsHref: x.key ? contractsHref(d.mission.id, { ...f, region: x.key }) : null,
      })),
    ),
    trendChart: lineChart({
      id: 'mission-trend',
      title: `Award value by quarter: ${d.mission.name}`,
      description: 'Award value mapped to the mission per calendar quarter of the award date.',
      points: d.trend
        .filter((x) => x.key !== null)
        .map((x) => ({ label: x.key as string, value: Number(x.value) })),
      format: (n) => money(Math.round(n)),
    }),
    trendTable: figuresTable(
      'By quarter of the award date',
      'Quarter',
      d.trend.map((x) => ({
        label: x.key ?? 'Award date not known',
        figures: x,
        recordsHref: contractsHref(d.mission.id, f, x.key ?? 'undated'),
      })),
    ),
    buyerTable: figuresTable(
      'By buyer',
      'Buyer',
      d.byBuyer.rows.map((x) => ({
        label: buyerLabel(x),
        ...(x.key ? { labelHref: `${base}${queryString({ ...q, buyer: x.key })}` } : {}),
        figures: x,
        recordsHref: x.key ? contractsHref(d.mission.id, { ...f, buyer: Number(x.key) }) : null,
      })),
    ),
    buyerSort: { value: sortHref('value'), name: sortHref('name'), current: d.query.sort },
    buyerShowing: showing(
      d.byBuyer.total,
      d.byBuyer.page,
      d.byBuyer.pageSize,
      d.byBuyer.rows.length,
      'buyers',
    ),
    buyerPagination: pagination({
      total: d.byBuyer.total,
      page: d.byBuyer.page,
      pageSize: d.byBuyer.pageSize,
      href: (p) =>
        `${base}${queryString({ ...q, sort: d.query.sort === 'value' ? undefined : d.query.sort, page: p })}`,
      label: 'Buyers pages',
    }),
    kpis: kpiTable('KPI ratings of the contracts mapped to this mission', [
      { label: d.mission.name, kpis: d.kpis, kpisHref: kpisHref(d.mission.id, f) },
    ]),
    socialValue: d.socialValue.outcomes.map((o) => ({
      outcome: o.outcomeName,
      table: rollUpTable(o.rows, `${o.outcomeName} (${o.outcomeId || 'no outcome'})`, false, {
        definitionHref: `${METHOD}#social-value`,
        metricHref: (r) => standardHref(f, r.missionId),
        recordsHref: (r) =>
          `/social-value${queryString({ mission: d.mission.id, metric: r.metricId, by: 'contract', region: f.region, buyer: f.buyer })}`,
      }),
    })),
    socialValueExcluded: d.socialValue.excluded,
    socialValueHref: `/social-value${queryString({ mission: d.mission.id, region: f.region, buyer: f.buyer })}`,
    contractsHref: contractsHref(d.mission.id, f),
    csvHref: `${base}/figures.csv${queryString(q)}`,
    apiHref: `/api${base}${queryString(q)}`,
  };
}
