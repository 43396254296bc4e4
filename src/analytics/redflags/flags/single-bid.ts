// Single bid in an open procedure (cardinal-rs R018, narrowed to the open procedure as issue 6 asks).
import { clear, flagged, notComputable, outOfScope, type FlagOutcome, type RecordFlag } from '../flag.js';
import { standingAwards } from '../facts-helpers.js';

export const singleBid: RecordFlag = {
  id: 'single-bid',
  title: 'Single bid, open procedure',
  scope: 'record',
  severity: 'high',
  definition:
    'An open procedure (tender.procurementMethod "open") that has been awarded received exactly one bid: for ' +
    'the lot (bids.statistics "bids" per lot) or, without per-lot figures, for the procedure (numberOfTenderers).',
  source: 'domain.md §5.1 (cardinal-rs R018 "Single bid received"); issue 6',
  thresholds: [],
  fields: ['process.procurement_method', 'process.number_of_tenderers', 'lot.bids', 'award.status'],
  evaluate(facts) {
    if (facts.tender.method !== 'open')
      return [outOfScope(`Not an open procedure (method ${facts.tender.method ?? 'not published'}).`)];
    if (standingAwards(facts).length === 0) return [outOfScope('No award yet: the bids are not final.')];
    const lots = facts.lots.filter((l) => l.bids !== null);
    if (lots.length > 0)
      return lots.map((l): FlagOutcome => {
        const evidence = [{ label: 'bids received', value: String(l.bids) }];
        return l.bids === 1
          ? flagged(`Lot ${l.id} of an open procedure received a single bid.`, {
              subject: `lot ${l.id}`,
              evidence,
            })
          : clear(`Lot ${l.id} received ${l.bids} bids.`, { subject: `lot ${l.id}`, evidence });
      });
    const n = facts.tender.numberOfTenderers;
    if (n === null)
      return [
        notComputable('The number of bids is not published.', [
          'tender.numberOfTenderers',
          'bids.statistics (measure "bids")',
        ]),
      ];
    const evidence = [{ label: 'tenderers', value: String(n) }];
    return n === 1
      ? [flagged('The open procedure received a single bid.', { evidence })]
      : [clear(`The open procedure received ${n} bids.`, { evidence })];
  },
};
