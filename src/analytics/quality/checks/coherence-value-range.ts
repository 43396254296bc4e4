// Coherence: amounts that cannot be right — negative, zero, a VAT-inclusive figure below the net one or more than
// VAT can add, or larger than any single UK public contract plausibly is.
import { compareDecimals } from '../../../domain/decimal.js';
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import type { Money } from '../facts.js';
import { hasAmount } from '../value.js';

/** Settings with their defaults (missionbuy's own choices, not law: shown as configurable defaults). */
export const VALUE_RANGE_SETTINGS = {
  /** UK VAT standard rate 20%: gross may be at most net × 1.2 (plus rounding). */
  maxGrossToNet: 1.2,
  /** Above this a single amount (GBP) is treated as a unit or keying error. */
  maxPlausibleGbp: '50000000000',
} as const;

function problemsOf(where: string, m: Money): string[] {
  const out: string[] = [];
  for (const [label, v] of [
    ['amount', m.amount],
    ['amountGross', m.gross],
  ] as const) {
    if (v === null) continue;
    const sign = compareDecimals(v, '0');
    if (sign < 0) out.push(`${where} ${label} is negative (${v})`);
    else if (sign === 0) out.push(`${where} ${label} is 0`);
    else if (m.currency === 'GBP' && compareDecimals(v, VALUE_RANGE_SETTINGS.maxPlausibleGbp) > 0)
      out.push(`${where} ${label} £${v} is implausibly large`);
  }
  if (m.amount !== null && m.gross !== null && compareDecimals(m.amount, '0') > 0) {
    if (compareDecimals(m.gross, m.amount) < 0)
      out.push(`${where} gross ${m.gross} is below net ${m.amount}`);
    // A ratio, not money: doubles are exact enough to compare with 1.2 at a 0.1% tolerance.
    else if (Number(m.gross) / Number(m.amount) > VALUE_RANGE_SETTINGS.maxGrossToNet * 1.001)
      out.push(`${where} gross ${m.gross} is more than net ${m.amount} plus 20% VAT`);
  }
  return out;
}

export const coherenceValueRange: RecordCheck = {
  id: 'coherence-value-range',
  title: 'Values out of range',
  category: 'coherence',
  scope: 'record',
  severity: 'medium',
  definition:
    'An amount on the tender, a lot, an award or a contract is negative or zero; its VAT-inclusive figure is ' +
    'below the net figure or more than net plus 20% VAT; or a GBP amount exceeds £50bn.',
  source:
    'OCDS Value; ocds_uk_extension amountGross includes VAT (domain.md §1). The 20% ratio and the £50bn ceiling ' +
    'are missionbuy defaults (VALUE_RANGE_SETTINGS), not law.',
  appliesTo: 'Records with at least one amount.',
  fields: [
    'process.tender_value',
    'process.tender_value_gross',
    'lot.value',
    'lot.value_gross',
    'award.value',
    'award.value_gross',
    'contract.value',
    'contract.value_gross',
  ],
  evaluate(facts) {
    const all = [
      { where: 'tender', value: facts.tender.value },
      ...facts.lots.map((l) => ({ where: `lot ${l.id}`, value: l.value })),
      ...facts.awards.map((a) => ({ where: `award ${a.id}`, value: a.value })),
      ...facts.contracts.map((c) => ({ where: `contract ${c.id}`, value: c.value })),
    ].filter((x) => hasAmount(x.value));
    if (all.length === 0) return [notApplicable('out-of-scope', 'No amounts published.')];
    const problems = all.flatMap((x) => problemsOf(x.where, x.value));
    if (problems.length > 0) return [fail(`${problems.join('; ')}.`)];
    return [pass(`${all.length} amount(s) in range.`)];
  },
};
