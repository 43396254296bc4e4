// `missionbuy collaborate` as a user runs it (the built CLI in a child process) on the ingested sample: the same
// groups as the service (JSON), a table whose values read in whole pounds, and a usage error for bad input.
import { describe, expect, it } from 'vitest';
import { wholePounds } from '../../src/domain/words.js';
import { createCollaborationService } from '../../src/services/collaboration/collaboration.service.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-12-06';

describe('missionbuy collaborate', () => {
  const sample = useSampleDb();
  const env = () => ({ DATABASE_URL: sample().url });
  const find = () => {
    const service = createCollaborationService({ db: sample().db, today: () => AS_OF });
    return service.find(service.queryOrThrow({ windowMonths: 24, asOf: AS_OF }));
  };

  it('prints the same groups as the service as JSON', async () => {
    const r = await runCli(['collaborate', '--as-of', AS_OF, '--window-months', '24', '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as { total: number; groups: { id: string }[] };
    const direct = await find();
    expect(cli.groups.map((g) => g.id)).toEqual(direct.groups.map((g) => g.id));
    expect(cli.total).toBe(direct.total);
    expect(cli.total).toBeGreaterThan(0);
  });

  it('prints each group with its value in whole pounds and why it matches', async () => {
    const first = (await find()).groups[0]!;
    const r = await runCli(['collaborate', '--as-of', AS_OF, '--window-months', '24'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(${first.id})`);
    expect(r.stdout).toContain(
      `${first.buyerCount} buyers, ${first.contractCount} contracts, ${wholePounds(first.valueGbp)}`,
    );
    expect(wholePounds(first.valueGbp)).toMatch(/^£\d{1,3}(,\d{3})*$/);
    // The CLI names the market (CPV labels), so its explanation reads longer than the service's here.
    expect(r.stdout).toContain(
      `why: ${first.buyerCount} buyers have ${first.contractCount} let contracts in CPV`,
    );
  });

  it('rejects a bad window with exit code 64 and the reason', async () => {
    const bad = await runCli(['collaborate', '--window-months', '0'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^missionbuy: /);
  });
});
