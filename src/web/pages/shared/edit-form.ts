// Pieces every versioned edit form shares (pipeline entries, engagement exercises, opportunities): a GOV.UK date input from a
// YYYY-MM-DD value, the day joined back from its three inputs, and the form's frame (heading, breadcrumbs, the
// version it was opened at, and the error summary: a refused stale save, else the field errors).

/** A GOV.UK date input (day, month, year named `${id}-day` …) showing a YYYY-MM-DD value. */
export function dayInput(id: string, legend: string, value: string, hint: string, error?: { text: string }) {
  const [y = '', m = '', d = ''] = value ? value.split('-') : [];
  const cls = error ? ' govuk-input--error' : '';
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: hint },
    errorMessage: error,
    items: [
      { name: 'day', label: 'Day', classes: `govuk-input--width-2${cls}`, value: d.replace(/^0/, '') },
      { name: 'month', label: 'Month', classes: `govuk-input--width-2${cls}`, value: m.replace(/^0/, '') },
      { name: 'year', label: 'Year', classes: `govuk-input--width-4${cls}`, value: y },
    ],
  };
}

/** A form body's text fields by name ('' for anything that is not a string). */
export const bodyText =
  (body: Record<string, unknown>) =>
  (key: string): string =>
    typeof body[key] === 'string' ? (body[key] as string) : '';

/** The day a date input sent, as YYYY-MM-DD for the service to check ('' when all three are blank). */
export function joinDay(str: (key: string) => string, id: string): string {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(`${id}-${p}`).trim());
  return d || m || y ? `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
}

export interface EditFormFrame {
  title: string;
  caption: string;
  action: string;
  cancelHref: string;
  breadcrumbs: { text: string; href?: string }[];
  /** The version the form was opened at (edit only). */
  version?: number | undefined;
  /** A refused stale save: the message and where the latest version is. */
  conflict?: { message: string; href: string } | undefined;
}

export function editFormFrame(c: EditFormFrame, errors: readonly { text: string; href: string }[]) {
  return {
    title: c.title,
    caption: c.caption,
    breadcrumbs: { items: c.breadcrumbs },
    action: c.action,
    cancelHref: c.cancelHref,
    version: c.version,
    conflict: c.conflict,
    errorSummary: c.conflict
      ? [{ text: c.conflict.message, href: '#conflict' }]
      : errors.length > 0
        ? errors.map(({ text, href }) => ({ text, href }))
        : undefined,
  };
}
