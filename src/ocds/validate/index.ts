// Release validation: OCDS 1.1.5 + the extensions Find a Tender declares, open codelists as warnings.
export {
  createValidator,
  DEFAULT_MAX_FINDINGS,
  type ReleaseValidator,
  type ValidatorOptions,
} from './validator.js';
export { describe, toFinding, truncateValue } from './messages.js';
