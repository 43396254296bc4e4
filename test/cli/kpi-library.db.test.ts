// `missionbuy kpis library` as a user runs it (the built CLI in a child process): the starter set searched by
// words and outcome, JSON equal to the service's search, a template edited by central showing its new version, and
// one-line usage errors with a non-zero exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKpiLibraryService, libraryItemJson } from '../../src/services/kpis/kpi-library.service.js';
import { centralActor as central } from '../support/actors.js';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('missionbuy kpis library', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const library = createKpiLibraryService({ db: t.db });
    const { template } = await library.get('kpi.it.service-availability');
    await library.update(central, template.id, 1, { ...template, target: 99.9 });
  }, 180_000);
  afterAll(async () => t.drop());
  const env = () => ({ DATABASE_URL: t.url });

  it('prints templates matching the search with their rating bands', async () => {
    const r = await runCli(['kpis', 'library', '--search', 'available'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^1 KPI template \(every item is a template to copy and tailor\); page 1 of 1\n/,
    );
    expect(r.stdout).toMatch(
      /kpi\.it\.service-availability\s+Service available to users\s+IT and digital\s+99\.9 % or more/,
    );
  });

  it('prints JSON equal to the service’s search, filtered by outcome', async () => {
    const r = await runCli(['kpis', 'library', '--outcome', 'ppn002.o5.reduction-in-crime', '--json'], env());
    expect(r.code).toBe(0);
    const expected = await createKpiLibraryService({ db: t.db }).search({
      outcome: 'ppn002.o5.reduction-in-crime',
    });
    expect(JSON.parse(r.stdout)).toEqual({ ...expected, items: expected.items.map(libraryItemJson) });
    expect(JSON.parse(r.stdout).items.map((i: { id: string }) => i.id)).toEqual([
      'kpi.cross.crime-reduction-security',
    ]);
  });

  it('fails with one line and a usage exit code on bad options', async () => {
    const bad = await runCli(['kpis', 'library', '--outcome', 'ppn002.o99'], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('is not an outcome of the national standard');
    const page = await runCli(['kpis', 'library', '--page', '0'], env());
    expect(page.code).not.toBe(0);
    expect(page.stderr).toContain('--page must be a whole number');
  });
});
