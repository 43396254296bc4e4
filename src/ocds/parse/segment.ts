// What the JSON scanner (scanner.ts) reports, and the bytes it looks for.

export type Segment =
  | {
      kind: 'item';
      bytes: Buffer | null;
      start: number;
      line: number;
      arrayKey: string | null;
      index: number;
      size: number;
    }
  | { kind: 'frame'; values: Map<string, Buffer | null>; start: number; line: number; hadItems: boolean }
  | { kind: 'line'; bytes: Buffer | null; start: number; line: number; size: number }
  | { kind: 'damaged'; start: number; line: number; message: string; excerpt: Buffer };

export interface ScannerOptions {
  /** Split by lines from the start (.jsonl/.ndjson); otherwise switch to lines when the first value fits on one. */
  jsonLines: boolean;
  /** Items (and frame values) larger than this are reported with bytes = null, without being buffered. */
  maxItemBytes: number;
}

// Structural bytes of JSON.
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const NEWLINE = 0x0a;
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

export const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
