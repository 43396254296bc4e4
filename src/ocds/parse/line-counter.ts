// Line numbers of byte offsets in a stream read chunk by chunk: newlines are counted once, as offsets move forward.
import { NEWLINE } from './segment.js';

export class LineCounter {
  private countedTo = 0; // absolute offset up to which newlines are counted
  private before = 0; // newlines before countedTo

  /**
   * 1-based line number of an absolute offset not earlier than the last one asked for; `buf` holds the bytes from
   * absolute offset `bufStart` and must still hold those from the last offset asked for.
   */
  at(buf: Buffer, bufStart: number, offset: number): number {
    if (offset > this.countedTo) {
      const from = Math.max(this.countedTo - bufStart, 0);
      const to = Math.min(offset - bufStart, buf.length);
      let i = buf.indexOf(NEWLINE, from);
      while (i !== -1 && i < to) {
        this.before++;
        i = buf.indexOf(NEWLINE, i + 1);
      }
      this.countedTo = offset;
    }
    return this.before + 1;
  }
}
