// The LM3 form (/organisations/:id/spend/lm3): a financial year's staff costs, shares and survey lines, with errors.
import type { Lm3Figures } from '../../../services/paid/paid.service.js';
import type { Lm3FormInput, Lm3Problem } from '../../../services/paid/lm3-input.js';
import { textInput } from '../shared/query-form-view.js';

export const LM3_FIELDS = [
  'year',
  'staffCosts',
  'localStaffCosts',
  'defaultShare',
  'staffShare',
  'shares',
] as const;

const percent = (share: string | null) => (share === null ? '' : String(Number(share) * 100));

/** The form's values from saved figures. */
export function lm3Values(year: number, f: Lm3Figures): Lm3FormInput {
  return {
    year: String(year),
    staffCosts: f.staffCosts ?? '',
    localStaffCosts: f.localStaffCosts ?? '',
    defaultShare: percent(f.defaultShare),
    staffShare: percent(f.staffShare),
    shares: f.shares.map((s) => `${s.supplierId}, ${percent(s.share)}`).join('\n'),
  };
}

export function lm3ViewModel(input: {
  buyer: { id: number; name: string };
  values: Lm3FormInput;
  problems: Lm3Problem[];
  saved?: boolean;
}) {
  const { values, problems } = input;
  const errors = (id: Lm3Problem['field']) => {
    const p = problems.filter((x) => x.field === id);
    return p.length > 0 ? { errorMessage: { text: p.map((x) => x.message).join('. ') } } : {};
  };
  const field = (id: keyof Lm3FormInput, label: string, hint: string, classes = 'govuk-input--width-10') =>
    textInput(values, [], id, label, hint, { classes, ...errors(id) });
  const base = `/organisations/${input.buyer.id}/spend`;
  return {
    title: `LM3 survey figures — ${input.buyer.name}`,
    organisation: input.buyer,
    action: `${base}/lm3`,
    cancelHref: base,
    saved: input.saved ?? false,
    errorSummary:
      problems.length > 0 ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined,
    fields: [
      field(
        'year',
        'Financial year',
        'The year it starts in: 2022 for April 2022 to March 2023',
        'govuk-input--width-4',
      ),
      field('staffCosts', 'Staff costs (£)', 'All wages for the year; leave blank if not known'),
      field('localStaffCosts', 'Local staff costs (£)', 'Wages of staff living in the buyer’s region'),
      field(
        'defaultShare',
        'Default re-spend share (%)',
        'Used for local suppliers with no survey figure; 25 if blank',
      ),
      field(
        'staffShare',
        'Staff re-spend share (%)',
        'Share of local wages re-spent locally; the default share if blank',
      ),
    ],
    shares: {
      id: 'shares',
      name: 'shares',
      label: { text: 'Survey shares per supplier' },
      hint: {
        text: 'One line per supplier: its supplier ID and the per cent it re-spends locally, like 1234, 40',
      },
      value: values.shares ?? '',
      rows: 8,
      ...errors('shares'),
    },
  };
}
