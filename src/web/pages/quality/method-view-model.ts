// How the data-quality score is computed: the formula and every check's definition, from the checks' own
// registry (so the page cannot drift from the code); docs/quality-checks.md says the same in prose.
import type { CheckDefinition } from '../../../services/index.js';
import { definitionRows } from './check-view-model.js';
import { qualityHref, SEVERITY_TEXT, qualityBreadcrumbs } from './common.js';

export function methodViewModel(d: { checks: CheckDefinition[]; weights: Record<string, number> }) {
  return {
    title: 'How the data-quality score is computed',
    breadcrumbs: qualityBreadcrumbs(),
    weights: {
      caption: 'Weight of a check by severity',
      captionClasses: 'govuk-table__caption--s',
      head: [
        { text: 'Severity' },
        { text: 'Weight', format: 'numeric' },
        { text: 'Checks', format: 'numeric' },
      ],
      rows: Object.entries(d.weights).map(([severity, weight]) => [
        { text: SEVERITY_TEXT[severity] ?? severity },
        { text: String(weight), format: 'numeric' },
        { text: String(d.checks.filter((c) => c.severity === severity).length), format: 'numeric' },
      ]),
    },
    contents: d.checks.map((c) => ({ href: `#${c.id}`, text: c.title })),
    checks: d.checks.map((c) => ({
      id: c.id,
      title: c.title,
      rows: definitionRows(c),
      acrossHref: qualityHref.across(c.id),
    })),
  };
}
