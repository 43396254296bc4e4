// Release validation against the combined OCDS 1.1.5 schema (core + FTS-declared extensions, see ../schema/).
//
// Two compiled ajv validators share the schema: a fast one (stops at the first error) runs on every release; only
// when it fails does the all-errors one run, so a publisher sees every problem while valid releases — the common
// case — pay for one quick pass. Then the open-codelist walker adds warnings. Findings are capped per release.
import ajvDraft04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { loadReleaseSchemaBundle } from '../schema/index.js';
import type { Finding, JsonObject } from '../types.js';
import { compileCodelistCheck } from './codelist-check.js';
import {
  compileFastPatternProperties,
  FAST_PATTERN_KEYWORD,
  FAST_UNIQUE_KEYWORD,
  fastUniqueItems,
  toFastSchema,
} from './fast-schema.js';
import { isDateTime, isUri } from './formats.js';
import { toFinding } from './messages.js';

export interface ValidatorOptions {
  /** Most findings stored for one release, the last being a "…N more" summary when there are more. Default 100. */
  maxFindings?: number;
}

export interface ReleaseValidator {
  /** Findings for one release (any value; a non-object gives one `type` finding). Errors first, then warnings. */
  validate(release: unknown): Finding[];
}

export const DEFAULT_MAX_FINDINGS = 100;

// The release schema is draft-04 (`"$schema": "http://json-schema.org/draft-04/schema#"`, boolean
// exclusiveMinimum, `id`), hence ajv-draft-04. `strict: false` because OCDS schemas carry their own annotation
// keywords (codelist, openCodelist, wholeListMerge, omitWhenMerged, versionId, deprecated) that ajv must ignore.
// Both packages are CommonJS whose module.exports is also exported as `.default`; under NodeNext the default
// import is module.exports, so `.default` is the class/plugin both at run time and for the type checker.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

function compile(schema: unknown, allErrors: boolean): ValidateFunction {
  const ajv = new AjvDraft04({ allErrors, verbose: allErrors, strict: false, logger: false });
  // The formats the OCDS and extension schemas use, with ajv-formats' "full" semantics: date-times must be real
  // calendar dates with a time zone (RFC 3339), URIs must be RFC 3986 — as lib-cove-ocds' format checker asks.
  // date-time and uri are ajv-formats' own checks behind a faster path (./formats.ts); email and date as is.
  addFormats(ajv as never, { mode: 'full', formats: ['email', 'date'] });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('uri', { type: 'string', validate: isUri });
  ajv.addKeyword({
    keyword: FAST_PATTERN_KEYWORD,
    type: 'object',
    schemaType: 'object',
    errors: false,
    compile: (patterns: Record<string, unknown>) => compileFastPatternProperties(patterns),
  });
  ajv.addKeyword({
    keyword: FAST_UNIQUE_KEYWORD,
    type: 'array',
    schemaType: 'boolean',
    errors: false,
    compile: () => fastUniqueItems,
  });
  return ajv.compile(schema as JsonObject);
}

function cap(findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, Math.max(0, max - 1));
  const hidden = findings.slice(kept.length);
  const errors = hidden.filter((f) => f.severity === 'error').length;
  const warnings = hidden.length - errors;
  kept.push({
    pointer: '',
    keyword: 'too-many-findings',
    severity: errors > 0 ? 'error' : 'warning',
    message: `…and ${hidden.length} more findings not stored (${errors} errors, ${warnings} warnings).`,
    value: hidden.length,
  });
  return kept;
}

// ajv reports the same problem twice when two schema paths check one value (e.g. a `$ref` with siblings).
function dedupe(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Builds the validator: compiles the schema twice (fast and all-errors) and the codelist walker, once. */
export function createValidator(options: ValidatorOptions = {}): ReleaseValidator {
  const max = Math.max(1, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const { schema, codelists } = loadReleaseSchemaBundle();
  const fast = compile(toFastSchema(schema), false);
  let full: ValidateFunction | undefined; // compiled on first invalid release: most runs never need it
  const checkCodelists = compileCodelistCheck(schema, codelists);

  return {
    validate(release: unknown): Finding[] {
      const findings: Finding[] = [];
      if (!fast(release)) {
        full ??= compile(schema, true);
        full(release);
        for (const error of dedupe(full.errors ?? [])) findings.push(toFinding(error));
      }
      checkCodelists(release, findings);
      return cap(findings, max);
    },
  };
}
