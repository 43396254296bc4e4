// Supplier names and numbers as the local-data publishers write them (docs/suppliers.md). The matching form of a
// name is org-name.ts normaliseOrgName (legal suffixes, punctuation, `&`/`and`, case, whitespace, `t/a`); this
// module adds what supplier resolution needs on top: the trading name's own matching form, names that stand for
// nobody in particular (redacted payees), and identifiers read from a register's "company number" column.
import { normaliseCharityNumber, normaliseIdentifier, type OrgIdentifier } from './org-id.js';
import { normaliseOrgName, splitTradingAs } from './org-name.js';

export interface SupplierNameKeys {
  /** Matching form of the legal name (before `t/a`). */
  legal: string | null;
  /** Matching form of the trading name (after `t/a`), or null. */
  trading: string | null;
}

/** `DENNIS EAGLE LIMITED (t/a Terberg Matec UK)` → `{ legal: 'dennis eagle', trading: 'terberg matec uk' }`. */
export function supplierNameKeys(name: string): SupplierNameKeys {
  const { trading } = splitTradingAs(name);
  const legal = normaliseOrgName(name);
  const tradingKey = trading ? normaliseOrgName(trading) : null;
  return { legal, trading: tradingKey && tradingKey !== legal ? tradingKey : null };
}

/**
 * Payee names that are not a supplier's name: what councils print instead of an individual's name (Manchester's
 * `Redacted Personal Information`, Newcastle's `REDACTED`), catch-alls (`Various`, `Sundry creditors`, `Petty
 * cash`). Matching them by name would join unrelated people across buyers, so they are never matched by name.
 * `Redactive Publishing Ltd` (Manchester) is a supplier: the word is `redacted`, not its prefix.
 */
const PLACEHOLDER_NAME =
  /\bredacted\b|\bpersonal (?:information|data|details)\b|\bwithheld\b|\bpetty cash\b|^(?:various|sundry|sundries|miscellaneous|misc|unknown|not (?:disclosed|known|supplied|applicable)|confidential|private individual|individual|anonymous|n ?a)(?: (?:suppliers?|creditors?|payees?))?$/;

export function isPlaceholderName(normalisedOrRaw: string | null): boolean {
  if (normalisedOrRaw === null) return true;
  const text = normalisedOrRaw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return text.length < 2 || PLACEHOLDER_NAME.test(text);
}

/**
 * What a register's "Company Number" column holds, as identifiers. Salford's register (2022-07) mixes Companies
 * House numbers without leading zeros (`2535986` → `GB-COH-02535986`), prefixed ones (`SC221428`, `OC306911`),
 * charity numbers written `CHA1165823` (→ `GB-CHC-1165823`) and society numbers (`IP15210R`); `GBML5175465` (a
 * mutual society's FCA reference) is not a Companies House number and is left out.
 */
export function identifiersFromCompanyColumn(raw: string | null): OrgIdentifier[] {
  if (raw === null) return [];
  const text = raw.trim().toUpperCase();
  const charity = /^(?:CHA?|CHARITY|RCN|REG(?:ISTERED)? ?CHARITY)[\s:.-]*(\d{5,8}(?:-\d{1,3})?)$/.exec(text);
  if (charity) {
    const id = normaliseCharityNumber('GB-CHC', charity[1] ?? '');
    return id ? [{ scheme: 'GB-CHC', id }] : [];
  }
  const company = normaliseIdentifier('GB-COH', text);
  return company ? [company] : [];
}

/** A charity number column (Calderdale's `Supplier Registered Charity Number`): England and Wales, or OSCR. */
export function identifiersFromCharityColumn(raw: string | null): OrgIdentifier[] {
  if (raw === null) return [];
  const text = raw.trim().toUpperCase();
  const id = /^SC\d/.test(text) ? normaliseIdentifier('GB-SC', text) : normaliseIdentifier('GB-CHC', text);
  return id ? [id] : [];
}

const tokens = (name: string): Set<string> => new Set(name.split(' ').filter((t) => t !== ''));

/**
 * Whether two matching-form names can be one organisation's: equal, one's words all in the other's (`bloom
 * procurement services` and `ecus via bloom procurement services`), or at least half their words shared (Dice ≥
 * 0.5), or the same first word of four letters or more. A Companies House number typed into a register or spend file is only trusted when the names agree: Salford's
 * register gives GT3 Architects the number of Bloom Procurement Services (the intermediary it was bought through)
 * and CDW the number of Softcat.
 */
export function namesAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  if (a === b) return true;
  const [ta, tb] = [tokens(a), tokens(b)];
  const shared = [...ta].filter((t) => tb.has(t)).length;
  if (shared === Math.min(ta.size, tb.size)) return true;
  // Same first word: renames keep it (Calderdale pays `Flowbird Smart City UK Ltd` under the number Salford's
  // register gives `Flowbird Transport Ltd`, 04869035).
  const first = a.split(' ')[0] ?? '';
  if (first.length >= 4 && first === b.split(' ')[0]) return true;
  return (2 * shared) / (ta.size + tb.size) >= 0.5;
}
