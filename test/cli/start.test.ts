// The zero-setup path a new user takes: `missionbuy start` on an empty data folder starts its own PostgreSQL,
// loads the real sample, serves the pages, and stops cleanly on SIGTERM.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliResult } from '../support/cli.js';
import { tempDir, type TempDir } from '../support/files.js';

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('missionbuy start (embedded database, real sample)', () => {
  let dir: TempDir;
  let app: ReturnType<typeof startCli>;
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  beforeAll(async () => {
    dir = tempDir('missionbuy-start-');
    app = startCli(['start'], { MISSIONBUY_DATA_DIR: dir.dir, PORT: String(port), DATABASE_URL: '' });
    await waitForHttp(`${base}/`, 120_000);
  }, 150_000);
  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    dir.remove();
  });

  it('serves the contracts list with real notices', async () => {
    const html = await (await fetch(`${base}/contracts`)).text();
    expect(html).toContain('<h1');
    // A real Find a Tender buyer from data/sample (the UK1 pipeline notice).
    const search = await (await fetch(`${base}/contracts?q=heat+network`)).text();
    expect(search).toMatch(/Northumberland/i);
  });

  it('answers the API with the real sample', async () => {
    const body = (await (await fetch(`${base}/api/contracts?pageSize=5`)).json()) as {
      total: number;
      items: unknown[];
    };
    expect(body.total).toBe(378); // the sample's distinct ocids (test/ocds/ingest.db.test.ts)
    expect(body.items).toHaveLength(5);
    const bad = await fetch(`${base}/api/contracts?pageSize=5000`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('stops cleanly on SIGTERM, stopping its PostgreSQL too', async () => {
    app.child.kill('SIGTERM');
    const r: CliResult = await app.done;
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir.dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
