// `missionbuy quality --csv` prints every row of the league table as CSV, as the API's export does.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createQualityService } from '../../src/services/quality.service.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-11-25';

describe('missionbuy quality --csv', () => {
  const sample = useSampleDb();

  it('prints the whole filtered league table', async () => {
    const league = await createQualityService({ db: sample().db, today: () => AS_OF }).league({
      pageSize: 1,
    });
    const type = league.buyerTypes[0]!;
    const r = await runCli(
      [
        'quality',
        '--csv',
        '--as-of',
        AS_OF,
        '--buyer-type',
        type.buyerType,
        '--base-url',
        'https://mb.example/',
      ],
      { DATABASE_URL: sample().url },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(type.organisations);
    expect(rows.every((x) => x.buyer_type === type.buyerType && x.as_of === AS_OF)).toBe(true);
    expect(rows[0]!.scorecard_url).toMatch(/^https:\/\/mb\.example\/organisations\/\d+\/quality$/);
    const all = await runCli(['quality', '--csv', '--as-of', AS_OF], { DATABASE_URL: sample().url });
    expect(parse(all.stdout, { columns: true, bom: true })).toHaveLength(league.total);
  }, 120_000);

  it('refuses --csv with a scorecard', async () => {
    const r = await runCli(['quality', '--csv', '--org', '1'], { DATABASE_URL: sample().url });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--csv is for the league table');
  });
});
