// Field coverage: how many tenderers a competitive procedure had (single-bidder rate, competition measures).
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { liveAwards } from '../stage.js';

const COMPETITIVE = new Set(['open', 'selective']);

export const coverageTenderers: RecordCheck = {
  id: 'coverage-tenderers',
  title: 'Number of tenderers published',
  category: 'coverage',
  scope: 'record',
  severity: 'low',
  definition:
    'An awarded competitive procedure (open or selective) states how many tenderers took part: ' +
    'tender.numberOfTenderers, or bid statistics for each awarded lot. A count of zero on an awarded ' +
    'procedure, or more SME or VCSE final-stage bids than final-stage bids, is invalid.',
  source:
    'domain.md §5 (single-bidder rate: bids.statistics or tender.numberOfTenderers; cardinal R018) and §3.4 ' +
    '(smeFinalStageBids, vcseFinalStageBids).',
  appliesTo: 'Records with a live award whose procurement method is open or selective.',
  fields: [
    'process.number_of_tenderers',
    'process.procurement_method',
    'lot.bids',
    'process.final_stage_bids',
    'process.sme_final_stage_bids',
    'process.vcse_final_stage_bids',
  ],
  evaluate(facts) {
    const awards = liveAwards(facts);
    const method = facts.tender.method;
    if (awards.length === 0) return [notApplicable('out-of-scope', 'No live award yet.')];
    if (method === null || !COMPETITIVE.has(method))
      return [
        notApplicable('out-of-scope', `Not an open or selective procedure (method ${method ?? 'unknown'}).`),
      ];
    const t = facts.tender;
    const final = t.finalStageBids;
    for (const [label, count] of [
      ['SME', t.smeFinalStageBids],
      ['VCSE', t.vcseFinalStageBids],
    ] as const)
      if (final !== null && count !== null && count > final)
        return [fail(`${count} ${label} final-stage bids but only ${final} final-stage bids.`)];
    if (t.numberOfTenderers !== null) {
      if (t.numberOfTenderers === 0) return [fail('Awarded, but numberOfTenderers is 0.')];
      return [pass(`${t.numberOfTenderers} tenderer(s).`)];
    }
    const lotIds = [...new Set(awards.flatMap((a) => a.lotIds))];
    const lots = facts.lots.filter((l) => lotIds.includes(l.id));
    if (lots.length > 0 && lots.length === lotIds.length && lots.every((l) => l.bids !== null))
      return [pass(`Bids per awarded lot: ${lots.map((l) => `lot ${l.id} ${l.bids}`).join(', ')}.`)];
    return [fail('No number of tenderers and no bid count for every awarded lot.')];
  },
};
