// The standards catalogue pages (docs/missions.md) → GOV.UK macro parameters: the effective standard of the nation,
// a region or a buyer as one table per mission with the provenance of every item and setting; the edit forms.
import type {
  AwardCriterion,
  EffectiveStandard,
  Provenance,
  Resolved,
} from '../../../domain/missions/standard.js';
import type { ScopeInfo, ScopeSelector } from '../../../services/missions/scope.js';
import { html, type SafeHtml } from '../../html.js';

type Cell = { text?: string; html?: SafeHtml; classes?: string };

export function baseHref(sel: ScopeSelector): string {
  if (sel.org !== undefined) return `/standards/organisations/${sel.org}`;
  if (sel.region !== undefined) return `/standards/regions/${encodeURIComponent(sel.region)}`;
  return '/standards';
}

export const selectorOf = (scope: ScopeInfo): ScopeSelector =>
  scope.organisation
    ? { org: scope.organisation.id }
    : scope.kind === 'region' && scope.region
      ? { region: scope.region.code }
      : {};

/** "National", "North East (England) (region UKC)", "Derby City Council (buyer)". */
export function provenanceText(p: Provenance, scope: ScopeInfo): string {
  if (p.tier === 'national') return 'National';
  if (p.tier === 'regional') {
    const code = p.scope.slice('region:'.length);
    return scope.region?.code === code ? `Region: ${scope.region.name}` : `Region ${code}`;
  }
  return scope.organisation ? `Buyer: ${scope.organisation.name}` : `Buyer ${p.scope.slice('org:'.length)}`;
}

const resolvedText = <T>(r: Resolved<T> | null, scope: ScopeInfo, suffix = ''): string =>
  r ? `${String(r.value)}${suffix} (${provenanceText(r.from, scope)})` : '–';

export function scopeTitle(scope: ScopeInfo): string {
  if (scope.organisation) return scope.organisation.name;
  if (scope.region) return scope.region.name;
  return 'National';
}

export function breadcrumbs(scope: ScopeInfo, last?: string) {
  const items: { text: string; href?: string }[] = [
    { text: 'Home', href: '/' },
    { text: 'Standards', href: '/standards' },
  ];
  if (scope.kind !== 'national') items.push({ text: scopeTitle(scope), href: baseHref(selectorOf(scope)) });
  if (last) items.push({ text: last });
  return { items };
}

const link = (href: string, text: string, hidden: string): Cell => ({
  html: html`<a class="govuk-link" href="${href}"
    >${text}<span class="govuk-visually-hidden"> ${hidden}</span></a
  >`,
});

export interface CatalogueInput {
  scope: ScopeInfo;
  standard: EffectiveStandard;
  mayEdit: boolean;
  regions: Array<{ code: string; name: string }>;
}

const criterionText = (c: AwardCriterion): string =>
  `Award criterion ${c.officialCode ?? ''}: ${c.wording}${c.wordingComplete ? '' : ' [wording incomplete]'}`;

export function catalogueViewModel({ scope, standard, mayEdit, regions }: CatalogueInput) {
  const base = baseHref(selectorOf(scope));
  const settingHref = (id: string) => `${base}/settings/${encodeURIComponent(id)}`;
  const head = [
    { text: 'Item' },
    { text: 'Unit and direction' },
    { text: 'Priority' },
    { text: 'Minimum weighting' },
    { text: 'From' },
    ...(mayEdit ? [{ html: '<span class="govuk-visually-hidden">Actions</span>' }] : []),
  ];
  const missions = standard.missions.map((m) => {
    const rows: Cell[][] = [];
    for (const o of m.outcomes) {
      rows.push([
        {
          html: html`<strong>${o.name}</strong><br /><span class="govuk-body-s app-break"
              >Outcome · ${o.id}${o.status === 'retired' ? ' · retired' : ''}</span
            >`,
        },
        { text: '–' },
        { text: resolvedText(o.priority, scope) },
        { text: resolvedText(o.minWeightPercent, scope, '%') },
        { text: provenanceText(o.provenance, scope) },
        ...(mayEdit ? [link(settingHref(o.id), 'Set', `priority and weighting for ${o.name}`)] : []),
      ]);
      for (const c of o.criteria)
        rows.push([
          {
            html: html`↳ ${criterionText(c)}<br /><span class="govuk-body-s app-break"
                >Model award criterion · ${c.id}</span
              >`,
          },
          { text: '–' },
          { text: '–' },
          { text: '–' },
          { text: provenanceText(o.provenance, scope) },
          ...(mayEdit ? [{ text: '' }] : []),
        ]);
      for (const x of o.metrics)
        rows.push([
          {
            html: html`↳ ${x.name}<br /><span class="govuk-body-s app-break"
                >Metric · ${x.id}${x.status === 'retired' ? ' · retired' : ''}</span
              >`,
          },
          { text: `${x.unit}, ${x.direction} is better` },
          { text: '–' },
          { text: '–' },
          { text: provenanceText(x.provenance, scope) },
          ...(mayEdit ? [{ text: '' }] : []),
        ]);
    }
    return {
      id: m.id,
      name: m.name,
      summary: `Priority: ${resolvedText(m.priority, scope)}. Minimum weighting: ${resolvedText(m.minWeightPercent, scope, '%')}.`,
      settingHref: mayEdit ? settingHref(m.id) : null,
      table: rows.length
        ? {
            caption: `${m.name}: outcomes and metrics`,
            captionClasses: 'govuk-visually-hidden',
            firstCellIsHeader: false,
            head,
            rows,
          }
        : null,
    };
  });
  const metricCount = standard.missions.reduce(
    (n, m) => n + m.outcomes.reduce((k, o) => k + o.metrics.length, 0),
    0,
  );
  return {
    title: `Standard – ${scopeTitle(scope)}`,
    breadcrumbs: breadcrumbs(scope),
    heading: scope.kind === 'national' ? 'National standard' : `Effective standard: ${scopeTitle(scope)}`,
    caption:
      scope.kind === 'organisation'
        ? scope.region
          ? `Buyer in ${scope.region.name}`
          : 'Buyer (region not known)'
        : scope.kind === 'region'
          ? `Region ${scope.region?.code ?? ''}`
          : 'Missions, outcomes and metrics',
    scope,
    standard: standard.standard,
    tiers: scope.scopes.map((s) =>
      provenanceText(
        { tier: s === 'national' ? 'national' : s.startsWith('region:') ? 'regional' : 'local', scope: s },
        scope,
      ),
    ),
    socialValue: resolvedText(standard.socialValueMinWeightPercent, scope, '%'),
    socialValueHref: mayEdit ? settingHref('social-value') : null,
    counts: { outcomes: standard.missions.reduce((n, m) => n + m.outcomes.length, 0), metrics: metricCount },
    missions,
    conflicts: standard.conflicts,
    conflictRows: standard.conflicts.map((c) => [{ text: c.rule }, { text: c.scope }, { text: c.message }]),
    notes: standard.notes,
    mayEdit,
    addOutcomeHref: mayEdit && scope.kind === 'region' ? `${base}/outcomes/new` : null,
    addMetricHref: mayEdit ? `${base}/metrics/new` : null,
    mappingHref: `${base}/mapping`,
    apiHref: `/api/standards${scope.organisation ? `?org=${scope.organisation.id}` : scope.region ? `?region=${scope.region.code}` : ''}`,
    regionItems: [
      { value: '', text: 'Choose a region' },
      ...regions.map((r) => ({
        value: r.code,
        text: `${r.name} (${r.code})`,
        selected: r.code === scope.region?.code && scope.kind === 'region',
      })),
    ],
    orgValue: scope.organisation ? String(scope.organisation.id) : '',
  };
}
