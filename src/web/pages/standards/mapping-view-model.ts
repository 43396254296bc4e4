// The CPV → mission mapping page → GOV.UK macro parameters: every prefix with a rule in any applicable tier, the
// rule of each tier, the one that applies and where it comes from; the rule form for a region or a buyer.
import type { MappingRule } from '../../../domain/missions/mission-map.js';
import type { Mission } from '../../../domain/missions/standard.js';
import type { EffectiveMapping } from '../../../services/missions/mapping.service.js';
import type { Problem } from '../../../services/missions/standards-input.js';
import { loadCpvLabels } from '../../../services/reference/cpv-labels.js';
import { html } from '../../html.js';
import type { FormValues } from './form-view-model.js';
import { baseHref, breadcrumbs, scopeTitle, selectorOf } from './view-model.js';

const cpv = loadCpvLabels();
const TIER_LABEL: Record<MappingRule['tier'], string> = {
  default: 'Default (draft)',
  region: 'Region',
  buyer: 'Buyer',
};

const missionsText = (r: MappingRule | undefined, names: Map<string, string>): string =>
  r === undefined
    ? ''
    : r.primary === null
      ? 'no mission'
      : [
          names.get(r.primary) ?? r.primary,
          ...r.secondary.map((s) => `${names.get(s) ?? s} (secondary)`),
        ].join('; ');

export interface MappingInput extends EffectiveMapping {
  mayEdit: boolean;
  missions: Mission[];
  values?: FormValues;
  problems: Problem[];
}

export function mappingViewModel({ scope, rows, mayEdit, missions, values = {}, problems }: MappingInput) {
  const names = new Map(missions.map((m) => [m.id, m.name]));
  const tiers: MappingRule['tier'][] = [
    'default',
    ...(scope.region ? (['region'] as const) : []),
    ...(scope.organisation ? (['buyer'] as const) : []),
  ];
  const own: MappingRule['tier'] | null =
    scope.kind === 'region' ? 'region' : scope.kind === 'organisation' ? 'buyer' : null;
  const base = baseHref(selectorOf(scope));
  const byField = Object.fromEntries(problems.map((p) => [p.field, { text: p.message }]));
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const secondary = new Set(
    Array.isArray(values.secondary) ? values.secondary : values.secondary ? [values.secondary] : [],
  );
  return {
    title: `CPV to mission mapping – ${scopeTitle(scope)}`,
    breadcrumbs: breadcrumbs(scope, 'CPV to mission mapping'),
    errorSummary: problems.length
      ? problems.map((p) => ({ text: p.message, href: `#${p.field}` }))
      : undefined,
    caption: scopeTitle(scope),
    catalogueHref: base,
    table: {
      caption: `Mapping rules (${rows.length} CPV prefixes)`,
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: 'CPV code' },
        ...tiers.map((t) => ({ text: TIER_LABEL[t] })),
        { text: 'Applies' },
        ...(mayEdit ? [{ html: html`<span class="govuk-visually-hidden">Actions</span>` }] : []),
      ],
      rows: rows.map((r) => {
        const code = r.prefix.padEnd(8, '0');
        return [
          {
            html: html`<code>${r.prefix}</code><br /><span class="govuk-body-s"
                >${cpv.label(code) ?? ''}</span
              >`,
          },
          ...tiers.map((t) => ({ text: missionsText(r.byTier[t], names) || '–' })),
          { text: `${missionsText(r.effective, names)} — ${TIER_LABEL[r.effective.tier]}` },
          ...(mayEdit ? [{ removable: own !== null && r.byTier[own] !== undefined, prefix: r.prefix }] : []),
        ];
      }),
    },
    mayEdit,
    action: `${base}/mapping`,
    form: mayEdit
      ? {
          cpv: {
            id: 'cpv',
            name: 'cpv',
            label: { text: 'CPV code or prefix', classes: 'govuk-label--s' },
            hint: {
              text: 'For example 45000000 (all construction work) or 4521 (a class). The most specific code wins.',
            },
            classes: 'govuk-input--width-10',
            inputmode: 'numeric',
            spellcheck: false,
            value: str('cpv'),
            errorMessage: byField.cpv,
          },
          primary: {
            id: 'primary',
            name: 'primary',
            label: { text: 'Primary mission', classes: 'govuk-label--s' },
            errorMessage: byField.primary,
            items: [
              { value: 'none', text: 'No mission' },
              ...missions.map((m) => ({ value: m.id, text: m.name, selected: str('primary') === m.id })),
            ],
          },
          secondary: {
            idPrefix: 'secondary',
            name: 'secondary',
            classes: 'govuk-checkboxes--small',
            fieldset: {
              legend: { text: 'Secondary missions (optional)', classes: 'govuk-fieldset__legend--s' },
            },
            errorMessage: byField.secondary,
            items: missions.map((m) => ({ value: m.id, text: m.name, checked: secondary.has(m.id) })),
          },
          reason: {
            id: 'reason',
            name: 'reason',
            label: { text: 'Reason', classes: 'govuk-label--s' },
            hint: { text: 'Recorded with the rule and in the audit log.' },
            value: str('reason'),
            errorMessage: byField.reason,
          },
        }
      : null,
    tierNote:
      own === 'region'
        ? 'Rules you set apply to every buyer in the region unless the buyer sets its own.'
        : own === 'buyer'
          ? 'Rules you set apply to this buyer’s contracts only.'
          : 'The draft default mapping of domain.md §7. Regions and buyers override it on their own pages.',
  };
}
