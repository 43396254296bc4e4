// The KPI library pages (docs/kpi-library.md) → govuk-frontend macro parameters: the search (GET form, so every
// result page has an address; with `attach` it is the picker for a pipeline entry or a contract), one template with
// its four rating bands, examples and history, and the attached-KPIs section of entry and contract pages.
import { bands, RATINGS, type KpiTemplate } from '../../../domain/kpi-library.js';
import type { Mission, NationalStandard } from '../../../domain/missions/standard.js';
import type { LibraryItem, LibraryPage } from '../../../services/kpis/kpi-library.service.js';
import type { AttachedKpi } from '../../../services/kpis/attached-kpis.service.js';
import type { AuditRecord } from '../../../services/kpis/kpi-library.service.js';
import { formatDateTime } from '../../format.js';
import { html, link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';

export const LIBRARY_FIELDS = ['q', 'cpv', 'outcome', 'mission', 'attach'] as const;
export type LibraryForm = Record<(typeof LIBRARY_FIELDS)[number], string>;

export const templateHref = (id: string) => `/kpi-library/${encodeURIComponent(id)}`;

/** Where an attach link leads: `entry:12` → the entry's new-KPI form; `contract:ocid` → the contract's. */
export function attachHref(attach: string, templateId: string): string | null {
  const m = /^(entry|contract):(.+)$/.exec(attach);
  if (!m) return null;
  const base =
    m[1] === 'entry'
      ? `/pipeline/entries/${encodeURIComponent(m[2]!)}`
      : `/contracts/${encodeURIComponent(m[2]!)}`;
  return `${base}/kpis/new?template=${encodeURIComponent(templateId)}`;
}

const tag = (text: string, colour: string) =>
  html`<strong class="govuk-tag govuk-tag--${colour}">${text}</strong>`;

export function searchViewModel(input: {
  form: LibraryForm;
  problems: { field: string; text: string }[];
  national: NationalStandard;
  result?: LibraryPage;
  attachTitle?: string | null;
  mayEdit: boolean;
}) {
  const { form, national, result } = input;
  const byField = new Map(input.problems.map((p) => [p.field, { text: p.text }]));
  const missionName = new Map(national.missions.map((m) => [m.id, m.name]));
  const query = LIBRARY_FIELDS.filter((f) => form[f])
    .map((f) => `&${f}=${encodeURIComponent(form[f])}`)
    .join('');
  const select = (id: 'outcome' | 'mission', label: string, items: { id: string; name: string }[]) => ({
    id,
    name: id,
    label: { text: label, classes: 'govuk-label--s' },
    errorMessage: byField.get(id),
    items: [
      { value: '', text: id === 'outcome' ? 'Any outcome' : 'Any mission' },
      ...items.map((i) => ({ value: i.id, text: i.name, selected: form[id] === i.id })),
    ],
  });
  return {
    title: 'KPI library',
    errorSummary: input.problems.length
      ? input.problems.map((p) => ({ text: p.text, href: `#${p.field}` }))
      : undefined,
    attach: form.attach,
    attachTitle: input.attachTitle ?? null,
    newHref: input.mayEdit ? '/kpi-library/new' : null,
    q: {
      id: 'q',
      name: 'q',
      label: { text: 'Search', classes: 'govuk-label--s' },
      hint: { text: 'Words in the name, outcome, measure or examples, for example “repairs” or “recycling”' },
      value: form.q,
      errorMessage: byField.get('q'),
      spellcheck: false,
    },
    cpv: {
      id: 'cpv',
      name: 'cpv',
      label: { text: 'Category (CPV code or division)', classes: 'govuk-label--s' },
      hint: { text: 'For example 45 (construction) or 90511000' },
      classes: 'govuk-input--width-10',
      value: form.cpv,
      errorMessage: byField.get('cpv'),
      spellcheck: false,
    },
    outcome: select(
      'outcome',
      'Outcome',
      national.outcomes.map((o) => ({
        id: o.id,
        name: `${missionName.get(o.missionId) ?? o.missionId}: ${o.name}`,
      })),
    ),
    mission: select('mission', 'Mission', national.missions),
    total: result?.total ?? 0,
    table:
      result && result.items.length
        ? {
            caption: 'KPI templates',
            captionClasses: 'govuk-table__caption--m',
            head: [
              { text: 'Template' },
              { text: 'Category' },
              { text: 'Measure' },
              { text: 'Missions' },
              ...(form.attach ? [{ text: 'Attach' }] : []),
            ],
            rows: result.items.map((i) => [
              {
                html: html`${link(templateHref(i.template.id), i.template.name)}
                  ${tag('Template', 'grey')}${
                    i.template.status === 'retired' ? html` ${tag('Retired', 'red')}` : ''
                  }<br /><span class="govuk-body-s">${i.template.outcomeStatement}</span>`.toString(),
              },
              { text: i.template.category },
              { text: i.template.measure },
              { text: i.missionIds.map((m) => missionName.get(m) ?? m).join(', ') },
              ...(form.attach
                ? [
                    {
                      html: link(
                        attachHref(form.attach, i.template.id) ?? '#',
                        'Attach',
                        html`<span class="govuk-visually-hidden"> ${i.template.name}</span>`,
                      ).toString(),
                    },
                  ]
                : []),
            ]),
          }
        : undefined,
    pagination: result
      ? pagination({
          total: result.total,
          page: result.page,
          pageSize: result.pageSize,
          href: (n) => `/kpi-library?page=${n}${query}`,
          label: 'KPI library pages',
        })
      : undefined,
  };
}

/** The four UK9 rating bands of a KPI as a table. */
export function bandsTable(k: KpiTemplate | AttachedKpi, caption: string) {
  const b = bands(k);
  return {
    caption,
    captionClasses: 'govuk-table__caption--s',
    head: [{ text: 'Rating (UK9)' }, { text: 'OCDS code' }, { text: 'When the measure is' }],
    rows: RATINGS.map((r) => [{ text: r.label }, { text: r.code }, { text: b[r.code] }]),
  };
}

export function historyTable(history: readonly AuditRecord[]) {
  return history.length
    ? {
        caption: 'Changes, newest first',
        captionClasses: 'govuk-table__caption--m',
        head: [{ text: 'When' }, { text: 'By' }, { text: 'What' }, { text: 'Version', format: 'numeric' }],
        rows: history.map((h) => [
          { text: formatDateTime(h.at) },
          { text: h.actor },
          { text: h.action },
          { text: String((h.after as { version?: number } | null)?.version ?? '–'), format: 'numeric' },
        ]),
      }
    : undefined;
}

export function templateViewModel(
  item: LibraryItem,
  national: NationalStandard,
  history: readonly AuditRecord[],
  mayEdit: boolean,
) {
  const t = item.template;
  const outcomes = new Map(national.outcomes.map((o) => [o.id, o]));
  const missions = new Map<string, Mission>(national.missions.map((m) => [m.id, m]));
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    title: `${t.name} – KPI library`,
    heading: t.name,
    status: t.status,
    editHref: mayEdit ? `${templateHref(t.id)}/edit` : null,
    summary: {
      rows: [
        row('Outcome statement', t.outcomeStatement),
        row('Measure', t.measure),
        row('Unit', t.unit || 'none'),
        row('Better when', t.direction === 'higher' ? 'higher' : 'lower'),
        row('Target (good)', `${t.target}${t.unit ? ` ${t.unit}` : ''}`),
        row('Reported', t.frequency),
        row('Category', `${t.category}${t.cpvDivisions.length ? ` (CPV ${t.cpvDivisions.join(', ')})` : ''}`),
        row(
          'Outcomes',
          t.outcomeIds
            .map((o) => {
              const oc = outcomes.get(o);
              return oc ? `${oc.name} (${o}) — ${missions.get(oc.missionId)?.name ?? oc.missionId}` : o;
            })
            .join('; '),
        ),
        row('Identifier', `${t.id}, version ${item.version}${item.seeded ? ' (starter set)' : ''}`),
        row('Informed by', t.source),
      ],
    },
    bands: bandsTable(t, 'Rating thresholds'),
    good: t.good,
    bad: t.bad,
    history: historyTable(history),
    breadcrumbs: { items: [{ text: 'KPI library', href: '/kpi-library' }, { text: t.name }] },
  };
}

/** The "KPIs" section of a pipeline entry or contract page. */
export function attachedSection(view: { kpis: AttachedKpi[]; mayAttach: boolean }, attach: string) {
  return {
    attachHref: view.mayAttach ? `/kpi-library?attach=${encodeURIComponent(attach)}` : null,
    items: view.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      measure: k.measure,
      template: { id: k.templateId, href: templateHref(k.templateId), version: k.templateVersion },
      bands: bandsTable(k, `Rating thresholds: ${k.name}`),
      editHref: view.mayAttach ? `/kpis/attached/${k.id}/edit` : null,
    })),
  };
}
