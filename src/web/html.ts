// HTML built in TypeScript for macro parameters that take `html` (table cells with links, summary list values):
// every interpolated value is escaped unless it is already SafeHtml, so data can never become markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = SafeHtml | string | number | null | undefined | readonly Part[];

function render(p: Part): string {
  if (p === null || p === undefined) return '';
  if (p instanceof SafeHtml) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return escapeHtml(String(p));
}

/** Tagged template: html`<a href="${href}">${text}</a>` escapes href and text. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

export const link = (href: string, text: string, extra?: SafeHtml): SafeHtml =>
  html`<a class="govuk-link" href="${href}">${text}${extra}</a>`;
