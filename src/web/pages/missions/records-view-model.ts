// The records behind the mission dashboard's figures (docs/mission-dashboard.md, "Records behind a figure"): the
// contracts behind a row's value and contracts (a mission, "Any mission" or "No mission mapped", in a region, for a
// buyer, in a quarter), newest award first, and the KPIs behind a rating mix cell. Both paged.
import { RATING_CODES, ratingLabel } from '../../../domain/kpi-rating.js';
import type { DashboardQuery } from '../../../services/missions/dashboard-input.js';
import type { MissionDashboardService } from '../../../services/missions/dashboard.service.js';
import { html, link } from '../../html.js';
import { pagination, queryString, showing } from '../shared/table-nav.js';
import { filterQuery, scopeText } from './view-model.js';

const PROVENANCE: Record<string, string> = {
  default: 'Default CPV rule',
  region: 'Regional CPV rule',
  buyer: 'Buyer CPV rule',
  contract: 'Contract override',
  derived: 'Any of its missions',
};

const contractLink = (ocid: string, title: string | null) =>
  link(`/contracts/${encodeURIComponent(ocid)}`, title ?? ocid).toString();

const backHref = (id: string, q: DashboardQuery) =>
  id.startsWith('_')
    ? `/missions${queryString(filterQuery(q))}`
    : `/missions/${encodeURIComponent(id)}${queryString(filterQuery(q))}`;

/** The pages of a records list, keeping its filters. */
const pages = (
  r: { total: number; page: number; pageSize: number },
  base: string,
  q: Record<string, string | number | undefined>,
  label: string,
) =>
  pagination({
    total: r.total,
    page: r.page,
    pageSize: r.pageSize,
    href: (p) => `${base}${queryString({ ...q, page: p })}`,
    label,
  });

const quarterText = (q: string | undefined) =>
  q === undefined ? null : q === 'undated' ? 'award date not known' : `awards in ${q}`;

export function contractsViewModel(r: Awaited<ReturnType<MissionDashboardService['contracts']>>) {
  const base = `/missions/${encodeURIComponent(r.mission.id)}/contracts`;
  const q = { ...filterQuery(r.query), quarter: r.query.quarter };
  return {
    title: r.mission.id.startsWith('_')
      ? `Contracts: ${r.mission.name}`
      : `Contracts mapped to ${r.mission.name}`,
    mission: r.mission,
    scope: [scopeText(r.named), quarterText(r.query.quarter)].filter(Boolean).join(', '),
    backHref: backHref(r.mission.id, r.query),
    showing: showing(r.total, r.page, r.pageSize, r.rows.length, 'contracts'),
    table: r.rows.length
      ? {
          caption: 'Contracts with an active award, newest award first, and how each was mapped',
          captionClasses: 'govuk-table__caption--m',
          head: [
            { text: 'Contract' },
            { text: 'Latest award' },
            { text: 'Awards', format: 'numeric' },
            { text: 'Buyer' },
            { text: 'Region' },
            { text: 'Role' },
            { text: 'Decided by' },
          ],
          rows: r.rows.map((c) => [
            { html: contractLink(c.ocid, c.title) },
            { text: c.latestAward ?? 'Not known' },
            { text: String(c.awards), format: 'numeric' },
            { text: c.buyer ? (c.buyer.name ?? `Organisation ${c.buyer.id}`) : 'Not known' },
            { text: c.region ?? 'Not known' },
            { text: c.role },
            {
              html: link(
                `/contracts/${encodeURIComponent(c.ocid)}/missions`,
                PROVENANCE[c.provenance] ?? c.provenance,
              ).toString(),
            },
          ]),
        }
      : undefined,
    pagination: pages(r, base, q, 'Contracts pages'),
  };
}

export function kpisViewModel(r: Awaited<ReturnType<MissionDashboardService['kpis']>>) {
  const base = `/missions/${encodeURIComponent(r.mission.id)}/kpis`;
  const q = { ...filterQuery(r.query), rating: r.rating ?? undefined };
  const code = r.rating === null ? null : r.rating === 'unknown' ? 'no rating code' : ratingLabel(r.rating);
  return {
    title: `KPIs of contracts mapped to ${r.mission.name}`,
    mission: r.mission,
    scope: [scopeText(r.named), code && `periods rated ${code}`].filter(Boolean).join(', '),
    backHref: backHref(r.mission.id, r.query),
    showing: showing(r.total, r.page, r.pageSize, r.rows.length, 'KPIs'),
    filtered: r.rating !== null,
    ratings: r.ratings,
    codes: [...RATING_CODES, 'unknown'].map((c) => ({
      href: `${base}${queryString({ ...filterQuery(r.query), rating: c })}`,
      text: c === 'unknown' ? 'No rating code' : ratingLabel(c),
      current: c === r.rating,
    })),
    allHref: `${base}${queryString(filterQuery(r.query))}`,
    table: r.rows.length
      ? {
          caption: code ? `KPIs with a period rated ${code}` : 'KPIs',
          captionClasses: 'govuk-table__caption--m',
          head: [
            { text: 'Contract' },
            { text: 'KPI' },
            { text: 'Source' },
            { text: code ? `Periods rated ${code}` : 'Rated periods', format: 'numeric' },
            { text: 'Performance' },
          ],
          rows: r.rows.map((k) => [
            { html: contractLink(k.ocid, k.contractTitle) },
            { text: k.title },
            { text: k.source === 'data' ? 'From the data' : 'Entered by the buyer' },
            { text: String(k.ratings), format: 'numeric' },
            {
              html: link(
                `/contracts/${encodeURIComponent(k.ocid)}/performance`,
                'History',
                html`<span class="govuk-visually-hidden"> of ${k.title}</span>`,
              ).toString(),
            },
          ]),
        }
      : undefined,
    pagination: pages(r, base, q, 'KPIs pages'),
  };
}
