// Shared shapes of the OCDS pipeline: what the readers yield, what validation finds, what compile returns.

/** A JSON object as parsed (releases are plain objects; nothing is trusted about their shape). */
export type JsonObject = Record<string, unknown>;

/** Where an item came from, precise enough to find it again in the input. */
export interface Position {
  /** File path as given by the user (or a source name such as `fts:page-12`). */
  file: string;
  /** Byte offset of the item's first byte in the (decompressed) input. */
  byteOffset?: number;
  /** 1-based line of the item's first byte. */
  line?: number;
  /** 0-based index of the item among the file's candidate releases. */
  itemIndex?: number;
  /** JSON pointer of the item inside its document, e.g. `/releases/17` or `/records/2/compiledRelease`. */
  pointer: string;
}

/** A candidate release read from an input: not yet checked for ocid/id/date, not yet validated. */
export interface CandidateRelease {
  kind: 'release';
  value: unknown;
  position: Position;
  /** Set when the release was upgraded from an older OCDS version on read, e.g. '1.0'. */
  upgradedFrom?: string;
  /** Set when the item is a record's compiledRelease, used because the record only links its releases. */
  fromCompiledRecord?: boolean;
}

/** Why an item could not be used. Stable codes: they are stored in quarantine.reason. */
export type QuarantineReason =
  | 'invalid-json' // the bytes are not JSON (message says what and where)
  | 'not-object' // a release must be a JSON object
  | 'missing-ocid'
  | 'missing-id'
  | 'missing-date'
  | 'invalid-date' // `date` is not an ISO 8601 date-time
  | 'not-ocds' // the document is JSON but neither a package, a release nor an array of releases
  | 'empty' // the file holds no data at all
  | 'unreadable' // the file cannot be opened, decompressed or decoded
  | 'too-large'; // one item exceeds the configured maximum size

/** An item that cannot be used; it goes to the quarantine table and never blocks its neighbours. */
export interface BadItem {
  kind: 'bad';
  position: Position;
  reason: QuarantineReason;
  message: string;
  /** The first few hundred characters of the offending bytes, for a person to recognise it. */
  excerpt?: string;
}

export type InputItem = CandidateRelease | BadItem;

/** A schema or data problem found in a usable release; stored with the release (it feeds the quality scorecard). */
export interface Finding {
  /** JSON pointer inside the release, '' for the release itself. */
  pointer: string;
  /** A stable kind: the JSON Schema keyword (`type`, `enum`, `required`, `format`, …) or our own code. */
  keyword: string;
  message: string;
  /** The offending value, truncated when long. */
  value?: unknown;
  /**
   * `error`: the release breaks the schema (type, required, closed codelist, format…). `warning`: allowed by the
   * schema but worth fixing, e.g. a code that is not in an open codelist. Absent on findings made before this existed.
   */
  severity?: 'error' | 'warning';
}

/** A release that can be stored: an object with string ocid, id and date. */
export interface UsableRelease {
  ocid: string;
  id: string;
  date: string;
  tag?: unknown;
  [key: string]: unknown;
}
