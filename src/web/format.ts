// How figures and dates read on the pages: pounds with the currency when it is not GBP, UK dates in words,
// and "Not known" for what the data does not say (never "No").
import type { Money, NetGross } from '../services/index.js';

export const NOT_KNOWN = 'Not known';
const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** 30 September 2029 (the UK calendar day). */
export const formatDate = (d: Date | null | undefined): string => (d ? dateFormat.format(d) : NOT_KNOWN);

/** 6 October 2026 at 6:31pm (GOV.UK style: lower-case am/pm, no space). */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return NOT_KNOWN;
  return `${dateFormat.format(d)} at ${timeFormat.format(d).replace(/\s/g, '').toLowerCase()}`;
}

/** 2029-09-30 in London, for <time datetime>. */
export function isoDay(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
  return parts;
}

type NumericString = `${number}`;

/** £1,250,000 or £40,465.20; other currencies by code (AED 12,000); an unknown code after the number. */
export function formatAmount(amount: string, currency: string | null): string {
  const whole = !/\.\d*[1-9]/.test(amount);
  const digits = { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 };
  const value = amount as NumericString; // Intl formats decimal strings exactly (no float rounding)
  if (currency) {
    try {
      return new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        currencyDisplay: currency === 'GBP' ? 'symbol' : 'code',
        ...digits,
      })
        .format(value)
        .replace(/\u00a0/g, ' ');
    } catch {
      // Not an ISO 4217 code: show it as published.
      return `${new Intl.NumberFormat('en-GB', digits).format(value)} ${currency}`;
    }
  }
  return `${new Intl.NumberFormat('en-GB', digits).format(value)} (currency not stated)`;
}

export const formatMoney = (m: Money | null | undefined): string =>
  m ? formatAmount(m.amount, m.currency) : NOT_KNOWN;

/** "£33,721 excluding VAT, £40,465.20 including VAT" */
export function formatNetGross(v: NetGross | null | undefined): string {
  if (!v) return NOT_KNOWN;
  const parts: string[] = [];
  if (v.net !== null) parts.push(`${formatAmount(v.net, v.currency)} excluding VAT`);
  if (v.gross !== null) parts.push(`${formatAmount(v.gross, v.currency)} including VAT`);
  return parts.join(', ');
}

export const yesNo = (b: boolean | null | undefined): string =>
  b === true ? 'Yes' : b === false ? 'No' : NOT_KNOWN;

/** "publicAuthoritySubCentralGovernment" → "Public authority sub central government"; "open" → "Open". */
export function humanise(code: string | null | undefined): string {
  if (!code) return NOT_KNOWN;
  const words = code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export { count, formatNumber } from '../domain/words.js';
