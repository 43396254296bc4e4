// `missionbuy calendar` as a user runs it (the built CLI in a child process) on the real sample: the readable
// table, --json, --ics and --csv for The Education Training Collective, and one-line failures with their exit codes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';

describe('missionbuy calendar', () => {
  let t: TestDb;
  let env: Record<string, string>;
  let etc: string;
  beforeAll(async () => {
    t = await createSampleDb();
    const rows = await sql<{ id: number }>`
      select id from organisation where name = ${'The Education Training Collective'}`.execute(t.db);
    etc = String(rows.rows[0]!.id);
    env = { DATABASE_URL: t.url };
  }, 180_000);
  afterAll(() => t.drop());

  it('prints the calendar as a table, with what is not on it and the defaults used', async () => {
    const r = await runCli(['calendar', '--org', etc, '--as-of', '2026-11-25'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      `The Education Training Collective (organisation ${etc}) — statutory compliance calendar as of 2026-11-25`,
    );
    expect(r.stdout).toMatch(
      /2026-11-18 +Overdue +UK7 +Contract details notice +award 1 +ocds-h6vhtk-06e832/,
    );
    expect(r.stdout).toContain('Not on the calendar:');
    expect(r.stdout).toContain('calendar.due-soon-days = 30');
  });

  it('prints JSON, iCalendar or CSV, filtered by status', async () => {
    const json = await runCli(
      ['calendar', '--org', etc, '--as-of', '2026-11-25', '--status', 'overdue', '--json'],
      env,
    );
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { items: { ocid: string; status: string }[] };
    expect(parsed.items).toMatchObject([{ ocid: 'ocds-h6vhtk-06e832', status: 'overdue' }]);
    const ics = await runCli(
      ['calendar', '--org', etc, '--as-of', '2026-11-25', '--ics', '--base-url', 'https://mb.example'],
      env,
    );
    expect(ics.code).toBe(0);
    expect(ics.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.stdout.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(ics.stdout).toContain('URL:https://mb.example/contracts/ocds-h6vhtk-06e832\r\n');
    const csv = await runCli(['calendar', '--org', etc, '--as-of', '2026-11-25', '--csv'], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(6);
  });

  it('fails with one line and the right exit code', async () => {
    const cases: [string[], number, RegExp][] = [
      [['calendar', '--org', 'abc'], 64, /--org must be an organisation id/],
      [['calendar', '--org', etc, '--as-of', '2026-13-01'], 64, /asOf: must be a day/],
      [['calendar', '--org', etc, '--status', 'late'], 64, /status: must be one of/],
      [['calendar', '--org', etc, '--json', '--ics'], 64, /choose one of --json, --ics and --csv/],
      [['calendar', '--org', '99999999'], 66, /no organisation with the id 99999999/],
      [['calendar'], 1, /required option '--org <id>' not specified/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
