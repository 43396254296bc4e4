// `missionbuy pipeline export` as a user runs it (the built CLI) on the sample's organisations: the UK1 CSV equals
// the service's, every entry by default and published ones with --published-only, OCDS JSON, and usage errors.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-12-06';

describe('missionbuy pipeline export', () => {
  const sample = useSampleDb();
  let org: number;
  const env = () => ({ DATABASE_URL: sample().url });

  beforeAll(async () => {
    const { db } = sample();
    org = Number(
      (await sql<{ id: string }>`select id from organisation where name = 'DERBY CITY COUNCIL'`.execute(db))
        .rows[0]!.id,
    );
    const svc = createPipelineService({ db, today: () => AS_OF });
    const editor = {
      userId: 1,
      email: 'e@derby.gov.uk',
      name: 'e',
      serviceRole: null,
      organisations: new Map([[org, 'editor' as const]]),
    };
    await svc.create(editor, org, {
      title: 'Public road resurfacing',
      valueMax: '5000000',
      procurementStart: '2027-02-01',
      published: true,
    });
    await svc.create(editor, org, {
      title: 'Draft leisure centres',
      valueMax: '8000000',
      procurementStart: '2027-03-01',
    });
  });

  it('writes the UK1 CSV the service writes, with every entry by default', async () => {
    const r = await runCli(
      ['pipeline', 'export', '--org', String(org), '--format', 'uk1', '--as-of', AS_OF],
      env(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svc = createPipelineService({ db: sample().db, today: () => AS_OF });
    const direct = await svc.exportFile(null, org, 'uk1', {
      baseUrl: 'x',
      publisherName: 'x',
      operator: true,
    });
    expect(r.stdout).toBe(direct.body);
    expect(r.stdout).toContain('Public road resurfacing');
    expect(r.stdout).toContain('Draft leisure centres');
  });

  it('exports published entries only when asked, as CSV and OCDS', async () => {
    const csv = await runCli(
      ['pipeline', 'export', '--org', String(org), '--format', 'csv', '--published-only'],
      env(),
    );
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('Public road resurfacing');
    expect(csv.stdout).not.toContain('Draft leisure centres');
    const ocds = await runCli(['pipeline', 'export', '--org', String(org), '--format', 'ocds'], env());
    expect(ocds.code).toBe(0);
    const pkg = JSON.parse(ocds.stdout) as { releases: { tag: string[]; tender: { title: string } }[] };
    expect(pkg.releases.map((x) => x.tender.title)).toEqual([
      'Public road resurfacing',
      'Draft leisure centres',
    ]);
  });

  it('fails with a usage error and one line for a bad format or organisation', async () => {
    const bad = await runCli(['pipeline', 'export', '--org', String(org), '--format', 'xml'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--format must be one of csv, uk1, ocds');
    const missing = await runCli(['pipeline', 'export', '--org', '999999999', '--format', 'csv'], env());
    expect(missing.code).toBe(66);
  });
});
