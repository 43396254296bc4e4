// The accountable-officer form (GET/POST /organisations/:id/officer) → macro parameters: the fields with the
// current or submitted values, field errors from the service's "field: problem" messages, and the change history.
import type { OfficerForm } from '../../../services/officer-edit.service.js';
import { formatDateTime } from '../../format.js';
import { qualityBreadcrumbs, qualityHref } from './common.js';

export const OFFICER_FIELDS = ['name', 'role', 'email', 'phone'] as const;
type Field = (typeof OFFICER_FIELDS)[number];
export type OfficerValues = Partial<Record<Field, string>>;

const LABELS: Record<Field, string> = {
  name: 'Name',
  role: 'Role',
  email: 'Email address',
  phone: 'Phone (optional)',
};

/** "name: is required; email: "x" is not an email address" → one error per field, in form order. */
export function officerErrors(message: string): { text: string; href: string }[] {
  return message.split('; ').map((p) => {
    const m = /^(name|role|email|phone): (.*)$/.exec(p);
    if (!m) return { text: p, href: '#name' };
    const label = LABELS[m[1] as Field].replace(' (optional)', '');
    return { text: `${label} ${m[2]!.replace(/^at most/, 'must be at most')}`, href: `#${m[1]}` };
  });
}

const summary = (v: unknown): string =>
  v && typeof v === 'object' && 'name' in v
    ? `${String((v as { name: unknown }).name)}, ${String((v as { role?: unknown }).role ?? '')}`
    : '–';

export function officerViewModel(f: OfficerForm, submitted?: OfficerValues, error?: string) {
  const o = f.officer;
  const values: OfficerValues =
    submitted ?? (o ? { name: o.name, role: o.role, email: o.email, phone: o.phone ?? '' } : {});
  const errors = error ? officerErrors(error) : [];
  const byField = Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }]));
  const scorecard = qualityHref.scorecard(f.organisation.id);
  return {
    title: `Accountable officer – ${f.organisation.name}`,
    breadcrumbs: qualityBreadcrumbs({ text: f.organisation.name, href: scorecard }),
    organisation: f.organisation,
    action: `/organisations/${f.organisation.id}/officer`,
    cancelHref: scorecard,
    errorSummary: errors.length > 0 ? errors : undefined,
    fields: OFFICER_FIELDS.map((name) => ({
      id: name,
      name,
      label: { text: LABELS[name], classes: 'govuk-label--s' },
      value: values[name] ?? '',
      type: name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text',
      autocomplete:
        name === 'email'
          ? 'email'
          : name === 'phone'
            ? 'tel'
            : name === 'name'
              ? 'name'
              : 'organization-title',
      spellcheck: name === 'email' ? false : undefined,
      errorMessage: byField[name],
    })),
    history: f.history.length
      ? {
          caption: 'Changes',
          captionClasses: 'govuk-table__caption--m',
          head: [{ text: 'When' }, { text: 'By' }, { text: 'Before' }, { text: 'After' }],
          rows: f.history.map((a) => [
            { text: formatDateTime(new Date(a.at)) },
            { text: a.actor },
            { text: summary(a.before) },
            { text: summary(a.after) },
          ]),
        }
      : undefined,
  };
}
