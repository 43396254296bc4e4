// A byte-level JSON structure scanner. It does not build values: it finds where values start and end, so that
// each release (or record, or JSON Lines line) can be handed to JSON.parse on its own bytes. This keeps memory
// bounded by the largest single item, whatever the file size, and adds little on top of JSON.parse itself.
//
// What it reports (as Segment objects):
// - `item`: an element of a depth-1 "releases" or "records" array of a top-level object, or of a top-level array;
// - `frame`: the rest of a top-level object (its other keys, e.g. version, extensions, or a whole single release);
// - `line`: a whole line, in JSON Lines mode;
// - `damaged`: where the structure broke beyond recovery (the file ends inside a value, or bytes are not JSON).

import {
  BACKSLASH,
  CLOSE_ARR,
  CLOSE_OBJ,
  COLON,
  COMMA,
  isWs,
  NEWLINE,
  OPEN_ARR,
  OPEN_OBJ,
  QUOTE,
  type ScannerOptions,
  type Segment,
} from './segment.js';
import { LineCounter } from './line-counter.js';
import { LineSplitter } from './line-splitter.js';

export type { ScannerOptions, Segment } from './segment.js';

export class JsonScanner {
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0; // absolute offset of buf[0]
  private pos = 0; // absolute offset of the next byte to scan
  private readonly lines = new LineCounter();
  private mode: 'detect' | 'structural' | 'lines';

  // structural state
  private depth = 0;
  private inString = false;
  private skipNext = false;
  private stringIsKey = false;
  private topStart = -1;
  private topKind = 0;
  private topLines = 0; // newlines seen inside the current top-level value (for JSON Lines detection)
  private expectKey = false;
  private keyStart = -1;
  private currentKey: string | null = null;
  private valueStart = -1; // depth-1 value being captured; -2 = the next non-space byte starts it
  private valueOversize = false;
  private frame = new Map<string, Buffer | null>();
  private frameBytes = 0;
  private itemArrayKey: string | null = null;
  private itemDepth = -1; // depth at which items live while in an item array
  private itemStart = -1;
  private itemScalar = false;
  private itemOversize = false;
  private itemIndex = 0;
  private hadItems = false;
  private scalarStart = -1; // a top-level scalar (or garbage) being read

  // lines mode
  private readonly splitter: LineSplitter;

  constructor(private readonly options: ScannerOptions) {
    this.mode = options.jsonLines ? 'lines' : 'detect';
    this.splitter = new LineSplitter(options.maxItemBytes);
  }

  /** The most bytes held at once (the memory bound: about the largest item read plus one chunk). */
  maxBuffered = 0;

  /** Feeds the next chunk; returns the segments completed in it. */
  push(chunk: Buffer): Segment[] {
    const out: Segment[] = [];
    this.compact();
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (this.buf.length > this.maxBuffered) this.maxBuffered = this.buf.length;
    if (this.mode === 'lines') this.scanLines(out, false);
    else this.scanStructural(out);
    return out;
  }

  /** Signals the end of input; returns what remains (a last line without newline, or damage). */
  end(): Segment[] {
    const out: Segment[] = [];
    if (this.mode === 'lines') {
      this.scanLines(out, true);
      return out;
    }
    const end = this.bufStart + this.buf.length;
    if (this.scalarStart >= 0) this.finishScalar(out, end);
    if (this.topStart >= 0 || this.inString) {
      const inItem = this.itemStart >= 0;
      const from = inItem ? this.itemStart : this.topStart;
      const line = inItem ? this.itemLine : this.topLine;
      out.push({
        kind: 'damaged',
        start: from,
        line,
        message: `the input ends inside a JSON value that starts at line ${line} (byte ${from}): it is truncated, or a bracket or quote is missing`,
        excerpt: this.slice(from, Math.min(end, from + 300)),
      });
    }
    return out;
  }

  /** The keys read so far of the top-level object being scanned (a package's version, extensions…). */
  currentFrame(): Map<string, Buffer | null> {
    return this.frame;
  }

  /** 1-based line number of an absolute offset not earlier than the last one asked for. */
  lineAt(offset: number): number {
    return this.lines.at(this.buf, this.bufStart, offset);
  }

  private slice(from: number, to: number): Buffer {
    return this.buf.subarray(from - this.bufStart, to - this.bufStart);
  }

  /** Drops bytes nothing needs any more, counting their newlines first. */
  private compact(): void {
    // Items and values past the limit are only skipped over from now on: their bytes need not be kept.
    const max = this.options.maxItemBytes;
    if (this.itemStart >= 0 && this.pos - this.itemStart > max) this.itemOversize = true;
    if (this.valueStart >= 0 && this.pos - this.valueStart > max) this.valueOversize = true;
    let keep = this.pos;
    for (const s of [
      this.itemOversize ? -1 : this.itemStart,
      this.valueOversize ? -1 : this.valueStart,
      this.keyStart,
      this.scalarStart,
    ]) {
      if (s >= 0 && s < keep) keep = s;
    }
    const line = this.splitter;
    if (this.mode === 'lines' && !line.oversize && line.start < keep) keep = line.start;
    if (keep <= this.bufStart) return;
    this.lineAt(keep);
    this.buf = this.buf.subarray(keep - this.bufStart);
    this.bufStart = keep;
  }

  private scanLines(out: Segment[], atEnd: boolean): void {
    this.pos = this.splitter.scan(this.buf, this.bufStart, this.pos, out, atEnd);
  }

  private scanStructural(out: Segment[]): void {
    const buf = this.buf;
    const base = this.bufStart;
    const max = this.options.maxItemBytes;
    let i = this.pos - base;
    const n = buf.length;
    while (i < n) {
      if (this.inString) {
        if (this.skipNext) {
          this.skipNext = false;
          i++;
          continue;
        }
        const q = buf.indexOf(QUOTE, i);
        const b = buf.indexOf(BACKSLASH, i);
        if (b !== -1 && (q === -1 || b < q)) {
          if (b + 1 >= n) {
            this.skipNext = true;
            i = n;
          } else i = b + 2;
          continue;
        }
        if (q === -1) {
          i = n;
          continue;
        }
        this.inString = false;
        i = q + 1;
        this.afterString(base + q);
        continue;
      }
      const c = buf[i]!;
      if (isWs(c)) {
        if (c === NEWLINE) {
          if (this.topStart >= 0) this.topLines++;
          else this.newlineSinceTop = true;
        }
        if (this.scalarStart >= 0 && this.depth === 0) this.finishScalar(out, base + i);
        i++;
        continue;
      }
      const p = base + i;
      if (this.depth === 0 && this.topStart < 0) {
        if (this.mode === 'detect' && this.topCount === 1 && this.lastTopSingleLine && this.newlineSinceTop) {
          // The first value sat on one line and the next starts after a newline: this is JSON Lines.
          this.mode = 'lines';
          const start = this.lineStartOf(p);
          this.splitter.resumeAt(start, this.lineAt(start));
          this.pos = start;
          this.scanLines(out, false);
          return;
        }
        if (c !== OPEN_OBJ && c !== OPEN_ARR) {
          if (this.scalarStart < 0) this.scalarStart = p;
          i++;
          continue;
        }
        if (this.scalarStart >= 0) this.finishScalar(out, p);
        this.startTop(c, p);
        i++;
        continue;
      }
      if (this.valueStart === -2 && this.depth === 1) this.valueStart = p;
      if (this.itemArrayKey !== null || this.itemDepth === 1) {
        if (
          this.depth === this.itemDepth &&
          this.itemStart < 0 &&
          c !== COMMA &&
          c !== CLOSE_ARR &&
          c !== CLOSE_OBJ
        ) {
          this.itemStart = p;
          this.itemScalar = c !== OPEN_OBJ && c !== OPEN_ARR;
          this.itemOversize = false;
          this.itemLine = this.lineAt(p);
        }
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          this.stringIsKey = this.depth === 1 && this.topKind === OPEN_OBJ && this.expectKey;
          if (this.stringIsKey) this.keyStart = p;
          break;
        case OPEN_OBJ:
        case OPEN_ARR:
          if (
            this.depth === 1 &&
            this.topKind === OPEN_OBJ &&
            c === OPEN_ARR &&
            this.valueStart === p &&
            (this.currentKey === 'releases' || this.currentKey === 'records')
          ) {
            this.itemArrayKey = this.currentKey;
            this.itemDepth = 2;
            this.itemIndex = 0;
            this.hadItems = true;
            this.valueStart = -1; // the array's items are read one by one, never the array as a whole
          }
          this.depth++;
          break;
        case CLOSE_OBJ:
        case CLOSE_ARR:
          if (this.itemStart >= 0 && this.itemScalar && this.depth === this.itemDepth) this.endItem(out, p);
          if (this.depth === 1 && this.valueStart >= 0 && this.topKind === OPEN_OBJ) this.endValue(p);
          this.depth--;
          if (this.itemStart >= 0 && this.depth === this.itemDepth) this.endItem(out, p + 1);
          else if (this.depth === this.itemDepth - 1 && this.itemDepth === 2 && this.itemArrayKey !== null) {
            // The end of the releases/records array: it stands in the frame as an empty array.
            this.frame.set(this.itemArrayKey, Buffer.from('[]'));
            this.itemArrayKey = null;
            this.itemDepth = -1;
            this.valueStart = -1;
          }
          if (this.depth === 1 && this.valueStart >= 0) this.endValue(p + 1);
          if (this.depth === 0) this.endTop(out, p + 1);
          break;
        case COMMA:
          if (this.itemStart >= 0 && this.itemScalar && this.depth === this.itemDepth) this.endItem(out, p);
          if (this.depth === 1 && this.topKind === OPEN_OBJ) {
            if (this.valueStart >= 0) this.endValue(p);
            this.expectKey = true;
          }
          break;
        case COLON:
          if (this.depth === 1 && this.topKind === OPEN_OBJ) {
            this.valueStart = -2;
            this.valueOversize = false;
          }
          break;
        default:
          break;
      }
      if (this.itemStart >= 0 && !this.itemOversize && p - this.itemStart > max) this.itemOversize = true;
      if (this.valueStart >= 0 && !this.valueOversize && p - this.valueStart > max) this.valueOversize = true;
      i++;
    }
    this.pos = base + n;
  }

  private topCount = 0;
  private lastTopSingleLine = false;
  private newlineSinceTop = false;
  private topLine = 1;
  private itemLine = 1;

  private lineStartOf(p: number): number {
    const idx = this.buf.lastIndexOf(NEWLINE, p - this.bufStart);
    return idx === -1 ? this.bufStart : this.bufStart + idx + 1;
  }

  private startTop(c: number, p: number): void {
    this.topStart = p;
    this.topLine = this.lineAt(p);
    this.topKind = c;
    this.topLines = 0;
    this.depth = 1;
    this.frame = new Map();
    this.frameBytes = 0;
    this.hadItems = false;
    this.currentKey = null;
    this.valueStart = -1;
    if (c === OPEN_OBJ) {
      this.expectKey = true;
    } else {
      this.itemDepth = 1;
      this.itemArrayKey = null;
      this.itemIndex = 0;
      this.hadItems = true;
    }
  }

  private afterString(q: number): void {
    if (this.stringIsKey) {
      const raw = this.slice(this.keyStart, q + 1);
      this.currentKey = raw.includes(BACKSLASH)
        ? (JSON.parse(raw.toString('utf8')) as string)
        : raw.toString('utf8', 1, raw.length - 1);
      this.keyStart = -1;
      this.expectKey = false;
      this.stringIsKey = false;
    }
  }

  private endValue(end: number): void {
    const key = this.currentKey;
    if (key !== null && this.valueStart >= 0) {
      const size = end - this.valueStart;
      const fits = !this.valueOversize && this.frameBytes + size <= this.options.maxItemBytes;
      this.frame.set(key, fits ? this.slice(this.valueStart, end) : null);
      if (fits) this.frameBytes += size;
    }
    this.valueStart = -1;
  }

  private endItem(out: Segment[], end: number): void {
    const size = end - this.itemStart;
    const oversize = this.itemOversize || size > this.options.maxItemBytes;
    out.push({
      kind: 'item',
      bytes: oversize ? null : this.slice(this.itemStart, end),
      start: this.itemStart,
      line: this.itemLine,
      arrayKey: this.itemArrayKey,
      index: this.itemIndex++,
      size,
    });
    this.itemStart = -1;
    this.itemScalar = false;
    this.itemOversize = false;
  }

  private endTop(out: Segment[], end: number): void {
    if (this.topKind === OPEN_OBJ) {
      out.push({
        kind: 'frame',
        values: this.frame,
        start: this.topStart,
        line: this.topLine,
        hadItems: this.hadItems,
      });
    }
    this.lastTopSingleLine = this.topLines === 0;
    this.newlineSinceTop = false;
    this.topCount++;
    this.topStart = -1;
    this.itemDepth = -1;
    this.itemArrayKey = null;
    this.expectKey = false;
    void end;
  }

  private finishScalar(out: Segment[], end: number): void {
    const start = this.scalarStart;
    this.scalarStart = -1;
    out.push({
      kind: 'item',
      bytes: this.slice(start, end),
      start,
      line: this.lineAt(start),
      arrayKey: null,
      index: -1,
      size: end - start,
    });
  }
}
