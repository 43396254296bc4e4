// The CSV downloads' writer (src/services/shared/csv-table.ts): a byte-order mark and a header row; text cells
// that a spreadsheet would run as a formula are prefixed with a quote; exact numbers, negative ones included, are
// written as they are; null is an empty cell.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvTable, pounds } from '../../../src/services/shared/csv-table.js';

describe('csvTable', () => {
  it('neutralises formulas but not numbers, and keeps commas and quotes intact', () => {
    const text = csvTable(
      ['name', 'amount', 'flag', 'note'],
      [
        ['=HYPERLINK("http://x")', pounds(-195.75), true, null],
        ['-1+1', -438.8, false, '@SUM(A1)'],
        ['Achieve Together Ltd, "Halifax"', '4101.36', null, '+44 1422'],
      ],
    );
    expect(text.startsWith('\uFEFFname,amount,flag,note\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['name', 'amount', 'flag', 'note'],
      ['\'=HYPERLINK("http://x")', '-195.75', 'true', ''],
      ["'-1+1", '-438.8', 'false', "'@SUM(A1)"],
      ['Achieve Together Ltd, "Halifax"', '4101.36', '', "'+44 1422"],
    ]);
  });
});
