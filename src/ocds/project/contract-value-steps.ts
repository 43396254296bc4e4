// The value history of each modified contract (docs/red-flags.md, modification-increase), read from a record's
// releases in date order: the value first agreed — the first release publishing the contract with a value and no
// amendment yet (a UK6 award's contract, a UK7 contract details notice) — then each amendment published under
// contracts[].amendments[] (a UK10 contract change notice), whose `value` is "the total value of the amended
// contract" (ocds_uk_extension Amendment.value). An amendment re-published with the same id keeps its first
// release and takes the later value (a correction). Only contracts with at least one amendment get steps; when the
// contract first appears with an amendment already, the value first agreed is unknown and no "first" step is made.
// Pure: written by src/store/contract-change.repository.ts after the projection.
import { parseDate } from '../../domain/dates.js';
import { classifyRelease } from '../../domain/notice-type.js';
import { money, obj, objects, str } from './json.js';
import type { ContractValueStep } from '../../store/contract-change.repository.js';
import type { ReleaseInput } from './notices.js';

type Step = Omit<ContractValueStep, 'ocid' | 'contract_id' | 'step'>;

interface History {
  first: Step | null;
  /** Whether the contract has been seen at all (a value first seen after an amendment is not the first agreed). */
  seen: boolean;
  amendments: Map<string, Step>;
}

export function contractValueSteps(ocid: string, releases: readonly ReleaseInput[]): ContractValueStep[] {
  const dated = releases
    .map((r, i) => ({ r, i, date: parseDate(r.date) }))
    .filter((x): x is typeof x & { date: string } => x.date !== null)
    .sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
  const byContract = new Map<string, History>();
  for (const { r, date } of dated) {
    const contracts = objects(r.data.contracts);
    if (contracts.length === 0) continue;
    const noticeType = classifyRelease(r.data, r.tags).noticeType;
    const at = { release_id: r.id, release_date: date, notice_type: noticeType };
    for (const contract of contracts) {
      const id = str(contract.id);
      if (id === null) continue;
      const h = byContract.get(id) ?? { first: null, seen: false, amendments: new Map<string, Step>() };
      byContract.set(id, h);
      const amendments = objects(contract.amendments);
      const v = money(contract.value);
      if (!h.seen && amendments.length === 0 && (v.amount !== null || v.gross !== null))
        h.first = { ...at, kind: 'first', amendment_id: null, amendment_date: null, ...values(v) };
      if (amendments.length > 0 || v.amount !== null || v.gross !== null) h.seen = true;
      amendments.forEach((a, k) => {
        const key = str(a.id) ?? `#${k}`;
        const earlier = h.amendments.get(key);
        h.amendments.set(key, {
          ...(earlier ?? at),
          kind: 'amendment',
          amendment_id: str(a.id),
          amendment_date: parseDate(a.date) ?? earlier?.amendment_date ?? null,
          ...values(money(obj(a)?.value)),
        });
      });
    }
  }
  const out: ContractValueStep[] = [];
  for (const [contractId, h] of byContract) {
    if (h.amendments.size === 0) continue;
    [...(h.first ? [h.first] : []), ...h.amendments.values()].forEach((s, step) =>
      out.push({ ocid, contract_id: contractId, step, ...s }),
    );
  }
  return out;
}

const values = (v: ReturnType<typeof money>) => ({
  value: v.amount,
  value_gross: v.gross,
  currency: v.currency,
});
