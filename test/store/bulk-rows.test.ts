// Rows sent as one JSON parameter (store/bulk-rows.ts): strings reach PostgreSQL as a plain parameter would send them.
import { describe, expect, it } from 'vitest';
import { rowsJson } from '../../src/store/bulk-rows.js';

describe('rowsJson', () => {
  it('writes a lone surrogate as U+FFFD, the replacement the driver makes, and keeps escaped backslashes', () => {
    expect(rowsJson([{ a: 'x\ud800y', b: '\\ud800', c: '😀', d: '\\\udfff' }])).toBe(
      '[{"a":"x\\ufffdy","b":"\\\\ud800","c":"😀","d":"\\\\\\ufffd"}]',
    );
  });
});
