// The merge's errors, one class per ocds-merge exception (ocdsmerge/exceptions.py), all extending OcdsMergeError.
// Recoverable data problems are not errors: a duplicate `id` in an array is a Finding (ocds-merge warns,
// DuplicateIdValueWarning; we return it, see merge.ts).

export type OcdsMergeErrorCode =
  | 'missing-date'
  | 'null-date'
  | 'non-string-date'
  | 'non-object-release'
  | 'inconsistent-type'
  | 'unhashable-id'
  | 'schema-ref';

export class OcdsMergeError extends Error {
  constructor(
    readonly code: OcdsMergeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A release (of two or more) has no `date` (ocds-merge: "The `date` field of at least one release is missing."). */
export class MissingDateKeyError extends OcdsMergeError {
  readonly key = 'date';
  constructor(readonly releaseIndex: number) {
    super('missing-date', 'The `date` field of at least one release is missing.');
  }
}

/** A release (of two or more) has `"date": null`; releases cannot be ordered. */
export class NullDateValueError extends OcdsMergeError {
  constructor() {
    super('null-date', 'The `date` field of at least one release is null.');
  }
}

/** A `date` is neither a string nor null (e.g. a number among strings); releases cannot be ordered. */
export class NonStringDateValueError extends OcdsMergeError {
  constructor() {
    super('non-string-date', 'The `date` field of at least one release is not a string.');
  }
}

/** A release is not a JSON object (a string, array, number, boolean or null). */
export class NonObjectReleaseError extends OcdsMergeError {
  constructor(
    readonly releaseIndex: number,
    what: string,
  ) {
    super('non-object-release', `At least one release is ${what}, not an object.`);
  }
}

/**
 * The same path is a value in one release and an object (or an object and an array) in another, in the order that
 * makes ocds-merge's unflatten fail (ocdsmerge/flatten.py `unflatten`). The message is ocds-merge's.
 */
export class InconsistentTypeError extends OcdsMergeError {
  constructor(
    message: string,
    /** The path, slash-separated as in the message (array items appear as their `id`). */
    readonly path: string,
  ) {
    super('inconsistent-type', message);
  }
}

/**
 * An object in an identifier-merge array has an object or array as its `id`. ocds-merge fails with Python's
 * `TypeError: unhashable type`; we fail with this typed error instead.
 */
export class UnhashableIdValueError extends OcdsMergeError {
  constructor(
    readonly path: string,
    readonly id: unknown,
  ) {
    const type = Array.isArray(id) ? 'list' : 'dict';
    super('unhashable-id', `unhashable type: '${type}' (the \`id\` of an object in the \`${path}\` array)`);
  }
}

/** The schema has a `$ref` that cannot be resolved inside the schema itself (we never fetch). */
export class SchemaRefError extends OcdsMergeError {
  constructor(readonly ref: string) {
    super(
      'schema-ref',
      `Cannot resolve the schema reference ${JSON.stringify(ref)}: only references inside the schema are supported.`,
    );
  }
}
