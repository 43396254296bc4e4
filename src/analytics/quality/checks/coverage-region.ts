// Field coverage: where the contract is delivered, as an ITL (NUTS 2016) region code, for place-based figures.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { closedWithoutAward } from '../stage.js';

export const coverageRegion: RecordCheck = {
  id: 'coverage-region',
  title: 'Delivery region published',
  category: 'coverage',
  scope: 'record',
  severity: 'low',
  definition:
    'The record gives at least one delivery region that reads as a UK ITL / NUTS 2016 code or a UK region name.',
  source:
    'domain.md §5 (local spend and delivery location at a stated ITL level) and §6.3 (FTS sends NUTS codes, ' +
    'Contracts Finder region names); src/domain/region.ts.',
  appliesTo: 'Every record except procurements cancelled, unsuccessful or withdrawn without an award.',
  fields: ['process.delivery_regions', 'process.delivery_regions_published'],
  evaluate(facts) {
    if (closedWithoutAward(facts))
      return [
        notApplicable('out-of-scope', `Closed without an award (tender status ${facts.tender.status}).`),
      ];
    const { codes, published } = facts.deliveryRegions;
    if (codes.length === 0)
      return [
        fail(
          published.length > 0
            ? `Delivery region published but not readable as a UK region: ${published.join(', ')}.`
            : 'No delivery region published.',
        ),
      ];
    return [pass(`Delivered in ${codes.join(', ')}.`)];
  },
};
