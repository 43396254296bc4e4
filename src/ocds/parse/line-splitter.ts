// The JSON Lines mode of the scanner (scanner.ts): splits the buffered bytes into lines, one `line` segment each,
// skipping blank lines and reporting a line longer than the item limit without its bytes. The scanner owns the
// buffer; this keeps where the current line starts, its number, and whether it has already grown too long.
import { isWs, NEWLINE, type Segment } from './segment.js';

export class LineSplitter {
  /** Absolute offset where the current (unfinished) line starts. */
  start = 0;
  /** The current line is past the limit: its bytes need not be kept. */
  oversize = false;
  private lineNo = 1;

  constructor(private readonly maxItemBytes: number) {}

  /** Continues from a line that starts at `start` (1-based `line`): the scanner found the input is JSON Lines. */
  resumeAt(start: number, line: number): void {
    this.start = start;
    this.lineNo = line;
    this.oversize = false;
  }

  /**
   * Emits every line completed in buf (absolute offset `bufStart`) from `pos`, and at the end of input the last line
   * without a newline. Returns the new scan position.
   */
  scan(buf: Buffer, bufStart: number, pos: number, out: Segment[], atEnd: boolean): number {
    let i = pos - bufStart;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, i);
      if (nl === -1) {
        const end = bufStart + buf.length;
        if (end - this.start > this.maxItemBytes) this.oversize = true;
        if (atEnd && end > this.start) this.emit(buf, bufStart, out, end);
        return end;
      }
      this.emit(buf, bufStart, out, bufStart + nl);
      this.lineNo++;
      this.start = bufStart + nl + 1;
      this.oversize = false;
      i = nl + 1;
    }
  }

  private emit(buf: Buffer, bufStart: number, out: Segment[], end: number): void {
    const size = end - this.start;
    const base = { kind: 'line' as const, start: this.start, line: this.lineNo, size };
    if (this.oversize || size > this.maxItemBytes) {
      out.push({ ...base, bytes: null });
      return;
    }
    const bytes = buf.subarray(this.start - bufStart, end - bufStart);
    // Blank lines (and a lone \r) are not items.
    let blank = true;
    for (let k = 0; k < bytes.length && blank; k++) blank = isWs(bytes[k]!);
    if (!blank) out.push({ ...base, bytes });
  }
}
