// The zero-setup path a new user takes: `missionbuy start` on an empty data folder starts its own PostgreSQL,
// loads the real sample, serves the pages, and stops cleanly on SIGTERM.
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliResult } from '../support/cli.js';
import { tempDir, type TempDir } from '../support/files.js';

/** A port free now (the OS picks it), so the app does not collide with the embedded servers of other tests. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** Waits until the app answers; fails at once, with its stderr, if it exits first. */
async function waitForHttp(url: string, app: ReturnType<typeof startCli>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exited: CliResult | undefined;
  void app.done.then((r) => (exited = r));
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (exited)
      throw new Error(`missionbuy start exited (${exited.code}) before answering: ${exited.stderr}`);
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('missionbuy start (embedded database, real sample)', () => {
  let dir: TempDir;
  let app: ReturnType<typeof startCli>;
  let base: string;
  beforeAll(async () => {
    dir = tempDir('missionbuy-start-');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startCli(['start'], { MISSIONBUY_DATA_DIR: dir.dir, PORT: String(port), DATABASE_URL: '' });
    await waitForHttp(`${base}/`, app, 120_000);
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

  it('brings the derived tables up to date after loading the sample, as ingest does', async () => {
    // The horizon's mission filter reads the contracts' stored missions: five NHS contracts end within 24 months of
    // 1 June 2026 (test/services/horizon-missions.db.test.ts), none before the refresh ran.
    const scan = (await (
      await fetch(`${base}/api/horizon?mission=nhs&months=24&asOf=2026-06-01`)
    ).json()) as { total: number };
    expect(scan.total).toBe(5);
    const missions = (await (await fetch(`${base}/api/missions`)).json()) as {
      missions: { id: string; figures: { contracts: number } }[];
    };
    expect(missions.missions.find((m) => m.id === 'growth')?.figures.contracts).toBeGreaterThan(0);
  });

  it('stops cleanly on SIGTERM, stopping its PostgreSQL too', async () => {
    app.child.kill('SIGTERM');
    const r: CliResult = await app.done;
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir.dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
