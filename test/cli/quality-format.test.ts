// The quality command's readable output (the command itself runs the same service the API tests cover).
import { describe, expect, it } from 'vitest';
import { formatLeague, formatTable } from '../../src/cli/commands/quality.js';

describe('quality command output', () => {
  it('aligns text left and numbers right, with a dash for nothing', () => {
    expect(
      formatTable(
        ['name', 'score'],
        [
          ['Derby', 87.9],
          ['Leeds City Council', null],
        ],
      ),
    ).toBe(
      ['name                score', 'Derby                87.9', 'Leeds City Council      –'].join('\n'),
    );
  });

  it('heads the league table with its day, order and page', () => {
    const out = formatLeague({
      asOf: '2026-11-25',
      items: [
        {
          rank: 1,
          id: 7,
          name: 'Espo',
          buyerType: null,
          score: 90,
          failures: 2,
          notComputable: 0,
          checksScored: 5,
        },
      ],
      total: 30,
      page: 2,
      pageSize: 25,
      sort: 'score',
      order: 'desc',
      buyerType: null,
      buyerTypes: [],
    });
    expect(out).toMatch(
      /^Data-quality league table as of 2026-11-25 \(sorted by score desc; page 2 of 2, 30/,
    );
    expect(out).toContain('Espo');
  });
});
