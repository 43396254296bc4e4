// LM3, the Local Multiplier 3 (nef, "The Money Trail", 2002; domain.md §4). R1 = the money the buyer spends (paid
// spend, plus staff costs when the buyer gives them); R2 = the part of R1 spent locally (paid to local suppliers,
// plus wages of local staff); R3 = the part of R2 re-spent locally by those suppliers and staff, from the buyer's
// survey share per supplier, else a default share that is flagged [?]. LM3 = (R1 + R2 + R3) / R1, 1.0–3.0. Pure.

/** Share of its takings a local supplier (or local staff) re-spends locally when no survey figure is given [?]. */
export const DEFAULT_RESPEND_SHARE = 0.25;

export interface Lm3Supplier {
  supplierId: number;
  /** Net paid to this local supplier in the period (pounds). */
  paid: number;
  /** Surveyed re-spend share 0–1, or null (the default share is used and flagged). */
  surveyShare: number | null;
}

export interface Lm3Input {
  /** Net paid spend in the period (pounds). */
  spend: number;
  /** Local suppliers only (supplier's region = the buyer's at the local level). */
  localSuppliers: readonly Lm3Supplier[];
  /** Staff costs and the local staff's part of them, when the buyer gives them. */
  staffCosts: number | null;
  localStaffCosts: number | null;
  /** The buyer's default share, else DEFAULT_RESPEND_SHARE. */
  defaultShare: number | null;
  /** Share of local wages re-spent locally; null = the default share. */
  staffRespendShare: number | null;
}

export interface Lm3Result {
  r1: number;
  r2: number;
  r3: number;
  /** (R1 + R2 + R3) / R1; null when R1 ≤ 0. */
  lm3: number | null;
  defaultShare: number;
  /** R3 pounds that rest on the default share rather than a survey figure. */
  r3FromDefault: number;
  suppliersSurveyed: number;
  suppliersDefaulted: number;
}

export function lm3(input: Lm3Input): Lm3Result {
  const defaultShare = input.defaultShare ?? DEFAULT_RESPEND_SHARE;
  const localWages = input.localStaffCosts ?? 0;
  const r1 = input.spend + (input.staffCosts ?? localWages);
  let localPaid = 0;
  let r3 = 0;
  let r3FromDefault = 0;
  let surveyed = 0;
  for (const s of input.localSuppliers) {
    const paid = Math.max(0, s.paid); // a supplier credited more than paid re-spends nothing
    localPaid += paid;
    const part = paid * (s.surveyShare ?? defaultShare);
    r3 += part;
    if (s.surveyShare === null) r3FromDefault += part;
    else surveyed += 1;
  }
  const wagePart = localWages * (input.staffRespendShare ?? defaultShare);
  r3 += wagePart;
  if (input.staffRespendShare === null) r3FromDefault += wagePart;
  const r2 = localPaid + localWages;
  return {
    r1,
    r2,
    r3,
    lm3: r1 > 0 ? (r1 + r2 + r3) / r1 : null,
    defaultShare,
    r3FromDefault,
    suppliersSurveyed: surveyed,
    suppliersDefaulted: input.localSuppliers.length - surveyed,
  };
}
