// A service's "field: message; …" problems as a form's error summary and each field's error message (the
// opportunity forms; date inputs are in edit-form.ts).

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
