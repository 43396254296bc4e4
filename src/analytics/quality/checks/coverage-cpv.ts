// Field coverage: a valid CPV 2008 code classifies what is bought (domain.md §6.2).
import { fail, pass, type RecordCheck } from '../check.js';

export const coverageCpv: RecordCheck = {
  id: 'coverage-cpv',
  title: 'Valid CPV code',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'The record has a main CPV code from the CPV 2008 list, and none of its CPV classifications is invalid ' +
    '(unknown code or wrong check digit).',
  source:
    'domain.md §6.2 (CPV 2008); every market and mission figure is cut by CPV (domain.md §5). Codes are checked ' +
    'against data/reference/cpv-2008-en.csv by the projection.',
  appliesTo: 'Every record.',
  fields: ['process.cpv_main', 'classification.code', 'classification.is_valid'],
  evaluate(facts) {
    const invalid = facts.cpv.invalid;
    if (facts.cpv.main === null)
      return [
        fail(
          invalid.length > 0
            ? `No valid CPV code; invalid: ${invalid.join(', ')}.`
            : 'No CPV code on the tender, its items, lots, awards or contracts.',
        ),
      ];
    if (invalid.length > 0)
      return [fail(`Main CPV ${facts.cpv.main}, but invalid codes too: ${invalid.join(', ')}.`)];
    return [pass(`Main CPV ${facts.cpv.main}; ${facts.cpv.codes.length} valid code(s).`)];
  },
};
