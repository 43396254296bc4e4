// What the editing forms (pipeline entries, opportunities) share: GOV.UK date inputs joined into YYYY-MM-DD and
// split back, and a service's "field: message; …" problems as the error summary and each field's error message.

/** The three inputs `f-day`, `f-month`, `f-year` as YYYY-MM-DD ('' when all are empty). */
export function joinDateParts(body: Record<string, unknown>, f: string): string {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(`${f}-${p}`).trim());
  return d || m || y ? `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
}

/** govukDateInput parameters for field `f` holding YYYY-MM-DD (or ''). */
export function dateInput(f: string, label: string, value: string, hint: string, error?: { text: string }) {
  const [y = '', m = '', d = ''] = value ? value.split('-') : [];
  const cls = error ? ' govuk-input--error' : '';
  return {
    id: f,
    namePrefix: f,
    fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: hint },
    errorMessage: error,
    items: [
      { name: 'day', label: 'Day', classes: `govuk-input--width-2${cls}`, value: d.replace(/^0/, '') },
      { name: 'month', label: 'Month', classes: `govuk-input--width-2${cls}`, value: m.replace(/^0/, '') },
      { name: 'year', label: 'Year', classes: `govuk-input--width-4${cls}`, value: y },
    ],
  };
}

export interface ErrorItem {
  text: string;
  href: string;
}

/**
 * "field: message; field: message" → error summary items, "Label message" linking to the field (`hrefOf`); a part
 * naming no known field is shown against `fallback`.
 */
export function problemErrors<F extends string>(
  message: string | undefined,
  labels: Readonly<Record<F, string>>,
  hrefOf: (f: F) => string,
  fallback: F,
): ErrorItem[] {
  if (!message) return [];
  return message.split('; ').map((part) => {
    const i = part.indexOf(': ');
    const field = part.slice(0, i) as F;
    const known = i > 0 && Object.hasOwn(labels, field);
    const text = known ? `${labels[field]} ${part.slice(i + 2)}`.trim() : part;
    return {
      text: text.replace(/ at most/, ' must be at most').replace(/must be must/, 'must'),
      href: hrefOf(known ? field : fallback),
    };
  });
}

/** Each field's error message from the summary items (`#f` or `#f-day` → f). */
export const errorsByField = (errors: readonly ErrorItem[]): Map<string, { text: string }> =>
  new Map(errors.map((e) => [e.href.slice(1).replace(/-day$/, ''), { text: e.text }]));
