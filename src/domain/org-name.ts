// Organisation names for matching, not for display: "Axis Europe Plc" and "AXIS EUROPE PLC" are one supplier, and
// so are "BiP Solutions Ltd" and "BiP Solutions Limited". The normalised name is only ever used together with
// another fact (the postcode, domain.md §5 "resolve suppliers to entities"), never alone.

/** `X Ltd t/a Y`, `X (trading as Y)`: the legal name comes first, the trading name after the marker. */
const TRADING_AS = /\(?\s*\b(?:t\s*\/\s*a|t\/as|trading\s+as)\b\s*/i;

/** Legal-form words removed from the end of a name, longest first so `public limited company` goes as a whole. */
const LEGAL_SUFFIXES = [
  'public limited company',
  'limited liability partnership',
  'community interest company',
  'charitable incorporated organisation',
  'limited partnership',
  'and company',
  'and co',
  'incorporated',
  'corporation',
  'limited',
  'company',
  'gmbh',
  'corp',
  'ltd',
  'plc',
  'llp',
  'cic',
  'cio',
  'inc',
  'llc',
  'lp',
  'co',
].map((s) => ` ${s}`);

export interface TradingName {
  /** The legal (registered) name: the text before `t/a`. */
  legal: string;
  /** The trading name after `t/a`, or null. */
  trading: string | null;
}

/** Splits `DENNIS EAGLE LIMITED (t/a Terberg Matec UK)` into legal and trading names. */
export function splitTradingAs(name: string): TradingName {
  const m = TRADING_AS.exec(name);
  if (!m || m.index === 0) return { legal: name.trim(), trading: null };
  const legal = name.slice(0, m.index).trim();
  const trading = name
    .slice(m.index + m[0].length)
    .replace(/\)\s*$/, '')
    .trim();
  return { legal, trading: trading || null };
}

/**
 * The matching form of an organisation name: the legal name (before `t/a`), lower case, accents removed, `&` read
 * as `and`, punctuation dropped (`C.I.C.` → `cic`), legal suffixes (`ltd`, `limited`, `plc`, `llp`, `cic`, …)
 * and a leading `the` removed, whitespace collapsed. Null when nothing is left.
 */
export function normaliseOrgName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  let text = splitTradingAs(name)
    .legal.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  text = text
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '') // Mineworkers' → mineworkers
    .replace(/(\b\w)\.(?=\w\.|\w\b)/g, '$1') // c.i.c. → cic., p.l.c → plc
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  text = ` ${text}`;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (text.endsWith(suffix) && text.length > suffix.length) {
        text = text.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  text = text.trim().replace(/^the\s+/, '');
  return text === '' ? null : text;
}

/** A display name: trimmed, inner whitespace collapsed, Contracts Finder's lost `\r\n` escapes (`rn`) left alone. */
export function cleanName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const text = name.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
