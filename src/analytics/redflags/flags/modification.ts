// Modification raising a contract's value by more than a set percentage (UK10, s.74-75): the value first agreed
// against the value after the latest amendment published (contracts[].amendments[].value, "the total value of the
// amended contract"), both from the record's releases (migration 0035, src/ocds/project/contract-value-steps.ts).
import { ukDay } from '../../../domain/rules/index.js';
import type { ContractFacts, ValueStepFacts } from '../../quality/facts.js';
import { comparable } from '../facts-helpers.js';
import { clear, flagged, notComputable, outOfScope, pounds, ruleOn, type RecordFlag } from '../flag.js';

const notice = (s: ValueStepFacts) =>
  `release ${s.releaseId} of ${s.releaseDate.slice(0, 10)}${s.noticeType ? ` (${s.noticeType})` : ''}`;

function judge(c: ContractFacts, ctx: Parameters<RecordFlag['evaluate']>[1]) {
  const subject = `contract ${c.id}`;
  const amendments = c.valueSteps.filter((s) => s.kind === 'amendment');
  const first = c.valueSteps.find((s) => s.kind === 'first');
  const evidence = [
    { label: 'amendments published', value: String(Math.max(c.amendmentCount, amendments.length)) },
    ...amendments.map((s) => ({
      label: `amendment ${s.amendmentId ?? '(no id)'}`,
      value: `${notice(s)}${s.amendmentDate ? `, dated ${s.amendmentDate.slice(0, 10)}` : ''}`,
    })),
  ];
  if (c.amendmentCount === 0 && amendments.length === 0)
    return clear('No modification published.', { subject, evidence });
  const last = [...amendments].reverse().find((s) => s.value.amount !== null || s.value.gross !== null);
  const missing = [
    ...(first ? [] : ['contracts[].value before the first amendment']),
    ...(last ? [] : ['contracts[].amendments[].value']),
  ];
  if (!first || !last)
    return notComputable(
      `${evidence[0]!.value} modification(s) published, but ${
        first ? 'no amendment publishes the amended value' : 'the value first agreed is not published'
      }.`,
      missing,
      { subject, evidence },
    );
  const cmp = comparable(last.value, first.value);
  if (cmp === null)
    return notComputable('The amended value cannot be compared with the value first agreed.', missing, {
      subject,
      evidence,
    });
  const day = ukDay(last.amendmentDate ?? last.releaseDate) ?? last.releaseDate.slice(0, 10);
  const rule = ruleOn(ctx, day, 'redflag.modification-increase-percent');
  if (rule === null) return outOfScope(`No percentage in force on ${day}.`, { subject, evidence });
  const before = Number(cmp.b);
  const increase = before > 0 ? ((Number(cmp.a) - before) / before) * 100 : null;
  const extra = {
    subject,
    evidence: [
      { label: 'value first agreed', value: `${pounds(cmp.b)} (${cmp.basis}), ${notice(first)}` },
      { label: 'value after modifications', value: `${pounds(cmp.a)} (${cmp.basis}), ${notice(last)}` },
      {
        label: 'increase',
        value: increase === null ? 'value first agreed is zero' : `${increase.toFixed(1)}%`,
      },
      ...evidence,
    ],
    rules: [rule.used],
  };
  if (increase === null)
    return notComputable('The value first agreed is zero.', ['contracts[].value'], extra);
  const text = `Value ${pounds(cmp.b)} first agreed, ${pounds(cmp.a)} after modification`;
  return increase > rule.value
    ? flagged(`${text}: up ${increase.toFixed(1)}%, more than ${rule.value}%.`, extra)
    : clear(`${text}: ${increase >= 0 ? 'up' : 'down'} ${Math.abs(increase).toFixed(1)}%.`, extra);
}

export const modificationIncrease: RecordFlag = {
  id: 'modification-increase',
  title: 'Modification raises value',
  scope: 'record',
  severity: 'medium',
  definition:
    'A contract modification (UK10, contracts[].amendments[]) raising the contract value by more than the ' +
    'configured percentage (default 10%) of the value first agreed: the value of the first release publishing ' +
    'the contract, against the total value of the amended contract in the latest amendment.',
  source: 'domain.md §2 UK10 and §5.1 (ours, configurable); Procurement Act 2023 s.74-75 [S]',
  thresholds: ['redflag.modification-increase-percent'],
  fields: ['contract.amendment_count', 'contract_value_step'],
  gaps: [
    'a value changed without an amendment (a correction, or a contract published only after its modification) ' +
      'is not a modification here; the value before the first amendment is only known when a release published ' +
      'the contract before it',
  ],
  evaluate(facts, ctx) {
    if (facts.contracts.length === 0) return [outOfScope('No contract published.')];
    return facts.contracts.map((c) => judge(c, ctx));
  },
};
