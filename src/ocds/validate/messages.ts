// Turns ajv errors into findings a publisher can act on: where (JSON pointer), what rule, what we got, what to do.
import type { ErrorObject } from 'ajv';
import type { Finding } from '../types.js';

/** Longest string value kept in a finding; longer ones are cut with an ellipsis (findings are stored per release). */
const MAX_VALUE_CHARS = 200;
/** Allowed codes listed in an `enum` message before "…and N more". */
const MAX_LISTED_CODES = 12;

/** The value as stored in a finding: strings cut to 200 characters, big objects/arrays as cut JSON text. */
export function truncateValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  if (typeof value === 'object' && value !== null) {
    const json = JSON.stringify(value);
    return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  return value;
}

/** "the string \"12,000\"", "the number 5", "null", "an object", … */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function expectedTypes(type: unknown): string {
  const list = (Array.isArray(type) ? type : String(type).split(',')).map(
    (t) => TYPE_NAMES[String(t)] ?? String(t),
  );
  return list.length <= 1 ? (list[0] ?? 'another type') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

const where = (pointer: string): string => (pointer === '' ? 'The release' : `\`${pointer}\``);

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function codelistName(parentSchema: unknown): string | undefined {
  const codelist = (parentSchema as { codelist?: unknown } | undefined)?.codelist;
  return typeof codelist === 'string' ? codelist.replace(/\.csv$/, '') : undefined;
}

// Format hints: OCDS dates are RFC 3339 date-times with a time zone; URIs are RFC 3986 (ajv-formats "full" mode).
const FORMAT_HINTS: Record<string, string> = {
  'date-time': 'a date-time with a time zone (RFC 3339, e.g. 2025-01-23T10:00:00Z)',
  uri: 'an absolute URI (RFC 3986, e.g. https://example.org/notice/1; spaces must be written %20)',
  email: 'an email address',
  date: 'a date (e.g. 2025-01-23)',
};

/** One ajv error (run with `verbose: true`, so `data` and `parentSchema` are set) → one finding. */
export function toFinding(error: ErrorObject): Finding {
  const { keyword, params } = error;
  const pointer = error.instancePath;
  const data: unknown = error.data;
  const base = { keyword, severity: 'error' as const };
  switch (keyword) {
    case 'type':
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should be ${expectedTypes(params.type)}, got ${describe(data)}.`,
        value: truncateValue(data),
      };
    case 'required': {
      const missing = String(params.missingProperty);
      const at = `${pointer}/${escapePointer(missing)}`;
      return { ...base, pointer: at, message: `\`${at}\` is required but missing.` };
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[] | undefined) ?? []).filter((v) => v !== null);
      const listed = allowed.slice(0, MAX_LISTED_CODES).map((v) => JSON.stringify(v));
      const more = allowed.length > listed.length ? `, …and ${allowed.length - listed.length} more` : '';
      const name = codelistName(error.parentSchema);
      const what = name ? `a code from the closed ${name} codelist` : 'one of the allowed values';
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should be ${what} (${listed.join(', ')}${more}), got ${describe(data)}.`,
        value: truncateValue(data),
      };
    }
    case 'format': {
      const format = String(params.format);
      const hint = FORMAT_HINTS[format] ?? `in the ${format} format`;
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should be ${hint}, got ${describe(data)}.`,
        value: truncateValue(data),
      };
    }
    case 'minLength':
      return {
        ...base,
        pointer,
        message:
          params.limit === 1
            ? `${where(pointer)} should not be an empty string.`
            : `${where(pointer)} should have at least ${String(params.limit)} characters, got ${describe(data)}.`,
        value: truncateValue(data),
      };
    case 'minItems':
      return {
        ...base,
        pointer,
        message:
          params.limit === 1
            ? `${where(pointer)} should not be an empty array (omit it instead).`
            : `${where(pointer)} should have at least ${String(params.limit)} items.`,
        value: truncateValue(data),
      };
    case 'minProperties':
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should not be an empty object (omit it instead).`,
        value: truncateValue(data),
      };
    case 'uniqueItems':
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should not repeat items: items ${String(params.j)} and ${String(params.i)} are identical.`,
        value: truncateValue(data),
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should be ${String(params.comparison)} ${String(params.limit)}, got ${describe(data)}.`,
        value: truncateValue(data),
      };
    case 'pattern':
      return {
        ...base,
        pointer,
        message: `${where(pointer)} should match the pattern ${String(params.pattern)}, got ${describe(data)}.`,
        value: truncateValue(data),
      };
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return {
        ...base,
        pointer: `${pointer}/${escapePointer(extra)}`,
        message: `${where(pointer)} should not have the field \`${extra}\`.`,
      };
    }
    default:
      return {
        ...base,
        pointer,
        message: `${where(pointer)} ${error.message ?? `fails the ${keyword} rule`}.`,
        value: truncateValue(data),
      };
  }
}
