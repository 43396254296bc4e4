// How a contract was procured last time, from what the publisher said: the procurement method, its details, and
// the Procurement Act notices on the record (docs/horizon-scan.md "Direct award"). Pure.

export interface ProcedureInput {
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  noticeTypes: readonly string[];
}

export interface Procedure {
  method: string | null;
  details: string | null;
  /** True for a direct award, false for a competition, null when the data does not say. */
  directAward: boolean | null;
  /** Why: which field decided. */
  reason: string;
}

// Wording of direct awards in real Find a Tender, Contracts Finder, PCS and Sell2Wales `procurementMethodDetails`
// ("Direct award", "Single tender action (below threshold)", "Below threshold - without competition",
// "Negotiated procedure without prior publication (above threshold)", "Other - Direct Award from a Framework Contract").
const DIRECT = /\bdirect award\b|\bsingle tender\b|without competition|without prior publication/i;
// Wording of competitions: open, restricted, competitive flexible, competitive quotation, mini-competition.
const COMPETITIVE = /\bopen\b|restricted|competitive|competition|quotation|tender\b/i;

const tidy = (s: string | null): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim() ?? '';
  return t === '' ? null : t;
};

export function howProcured(input: ProcedureInput): Procedure {
  const method = tidy(input.procurementMethod);
  const details = tidy(input.procurementMethodDetails);
  const base = { method, details };
  if (input.noticeTypes.includes('UK5'))
    return { ...base, directAward: true, reason: 'a UK5 transparency notice was published (direct award)' };
  if (method === 'direct') return { ...base, directAward: true, reason: 'procurement method "direct"' };
  if (details !== null && DIRECT.test(details))
    return { ...base, directAward: true, reason: `procedure "${details}"` };
  if (method === 'limited') {
    // OCDS "limited": the buyer chose whom to ask. A direct award unless the details say there was a competition
    // among those asked (Contracts Finder "Competitive quotation (below threshold)").
    if (details !== null && COMPETITIVE.test(details))
      return { ...base, directAward: false, reason: `limited competition: "${details}"` };
    return {
      ...base,
      directAward: true,
      reason: 'procurement method "limited" (domain.md §5: counted as direct)',
    };
  }
  if (method === 'open' || method === 'selective')
    return { ...base, directAward: false, reason: `procurement method "${method}"` };
  if (details !== null && COMPETITIVE.test(details))
    return { ...base, directAward: false, reason: `procedure "${details}"` };
  return { ...base, directAward: null, reason: 'no procurement method or procedure published' };
}
