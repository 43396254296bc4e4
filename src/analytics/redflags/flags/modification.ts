// Modification raising a contract's value by more than a set percentage (UK10, s.74-75). The contract model keeps
// only the number of amendments, not their values, so a modified contract is "not computable", never clear.
import { clear, notComputable, outOfScope, type RecordFlag } from '../flag.js';

export const modificationIncrease: RecordFlag = {
  id: 'modification-increase',
  title: 'Modification raises value',
  scope: 'record',
  severity: 'medium',
  definition:
    'A contract modification (UK10, contracts[].amendments[]) raising the contract value by more than the ' +
    'configured percentage (default 10%) of the value originally agreed.',
  source: 'domain.md §2 UK10 and §5.1 (ours, configurable); Procurement Act 2023 s.74-75 [S]',
  thresholds: ['redflag.modification-increase-percent'],
  fields: ['contract.amendment_count', 'contract.value'],
  gaps: [
    'contracts[].amendments[].value (the modified value) and the value before the first amendment: the contract ' +
      'model keeps only the number of amendments',
  ],
  evaluate(facts) {
    if (facts.contracts.length === 0) return [outOfScope('No contract published.')];
    return facts.contracts.map((c) => {
      const subject = `contract ${c.id}`;
      const evidence = [{ label: 'amendments published', value: String(c.amendmentCount) }];
      return c.amendmentCount === 0
        ? clear('No modification published.', { subject, evidence })
        : notComputable(
            `${c.amendmentCount} modification(s) published, but their values are not in the contract model.`,
            ['contracts[].amendments[].value', 'original contracts[].value'],
            { subject, evidence },
          );
    });
  },
};
