// Dates as local files write them, read into ISO `yyyy-mm-dd` (a calendar date: payments and contract dates carry
// no time). Seen in the real files: `2022-03-28`, `04/01/2017`, `02/08/17`, `14 Apr 2023`, `17 July 2023`,
// `19-Jun-23`, `Wednesday, May 04, 2022`, and Excel serial day numbers (`43658` = 2019-07-12). Day-first is the UK
// convention; a month written as a word is unambiguous. Anything impossible is null: a wrong date is worse than none.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for a month name or abbreviation (`Sept` included), else null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return null;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i]!;
  return full.startsWith(w) || w === 'sept' ? i + 1 : null;
}

function fourDigitYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // Two-digit years: these files start in the 2000s; 70-99 would be 1970-1999 (Excel's own pivot is 29/30).
  return n < 70 ? 2000 + n : 1900 + n;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 29 Feb 1900 (so day 0 = 1899-12-30). */
export function excelSerialDate(serial: number): string | null {
  // 20000..80000: 1954..2119. A smaller number in a date column is more likely a reference than a date.
  if (!Number.isInteger(serial) || serial < 20000 || serial > 80000) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: [\d:]+)?$/;
const D_MON_Y = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ ,-]+(\d{2}|\d{4})$/;
const DAY_MON_D_Y = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

/** A calendar date as `yyyy-mm-dd`, or null. */
export function parseLocalDate(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return null;
  let m = ISO_DATE.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(t);
  if (m) return iso(fourDigitYear(m[3]!), Number(m[2]), Number(m[1]));
  m = D_MON_Y.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(fourDigitYear(m[3]!), month, Number(m[1])) : null;
  }
  m = DAY_MON_D_Y.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  if (/^\d{5}(?:\.0+)?$/.test(t)) return excelSerialDate(Number(t));
  return null;
}

/**
 * A reporting period named in a file name: `2022-P06` (a 4-weekly period of a financial year, as TfL and the GLA
 * publish) or `2022-06` (a calendar month). Kept as written; the payment date inside the file stays the fact.
 */
export function periodFromFileName(name: string): string | null {
  const p = /(?:^|[^0-9])(\d{4})-P(\d{2})(?![0-9])/i.exec(name);
  if (p) return `${p[1]}-P${p[2]}`;
  const m = /(?:^|[^0-9])(\d{4})-(\d{2})(?![0-9])/.exec(name);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}
