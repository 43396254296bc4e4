// projectRecord on a real Find a Tender UK4 tender notice (Harrogate Town Council's district heating feasibility
// study): every column is checked against the value read by hand from the published JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../../src/paths.js';
import { projectReleases } from '../../support/project.js';

const release = (
  JSON.parse(
    readFileSync(
      repoPath('data/sample/find-a-tender/fts-032703-2026-UK4-tender-release-package.json'),
      'utf8',
    ),
  ) as {
    releases: Record<string, unknown>[];
  }
).releases[0]!;

const project = (releases: Record<string, unknown>[]) => projectReleases(releases, 'fts');

describe('projectRecord', () => {
  const p = project([release]);

  it('reads the process columns from the tender', () => {
    expect(p.process).toMatchObject({
      ocid: 'ocds-h6vhtk-067fb8',
      publisher_prefix: 'ocds-h6vhtk',
      title: 'HARROGATE TOWN DISTRICT HEATING PROJECT - Feasibility Study',
      tender_status: 'active',
      procurement_method: 'open',
      main_procurement_category: 'services',
      tender_value: '33721',
      tender_value_gross: '40465.2',
      tender_currency: 'GBP',
      above_threshold: false,
      legal_basis: 'UKPGA 2023/54',
      cpv_main: '09323000',
      cpv_codes: ['09323000', '79314000'],
      cpv_divisions: ['09', '79'],
      delivery_regions: ['UKE2'],
      release_count: 1,
      // No contract yet: the period comes from the lot, and says so.
      contract_dates_from: 'lots',
    });
    expect(new Date(p.process.tender_period_end as string).toISOString()).toBe('2026-05-08T22:59:59.000Z');
    expect(new Date(p.process.contract_start as string).toISOString()).toBe('2026-05-13T23:00:00.000Z');
  });

  it('makes the buyer a party with its PPON, ready for organisation resolution', () => {
    expect(p.buyerPartyId).toBe('GB-PPON-PDTL-7248-GWZW');
    expect(p.parties).toHaveLength(1);
    expect(p.parties[0]!.row).toMatchObject({ name: 'Harrogate Town Council', roles: ['buyer'] });
    expect(p.parties[0]!.candidate).toMatchObject({
      identifiers: [{ scheme: 'GB-PPON', id: 'PDTL-7248-GWZW' }],
      normalisedPostcode: 'HG1 5LT',
    });
  });

  it('keeps the lot and classifies the notice as a UK4 tender notice', () => {
    expect(p.lots).toEqual([expect.objectContaining({ lot_id: '1', value: '33721', currency: 'GBP' })]);
    expect(p.notices).toEqual([
      expect.objectContaining({ release_id: String(release.id), notice_type: 'UK4' }),
    ]);
    expect(p.process.notice_types).toEqual(['UK4']);
  });

  it('gives a later release precedence, as the merge does', () => {
    const later = structuredClone(release);
    later.id = `${String(release.id)}-amended`;
    later.date = '2026-06-01T00:00:00Z';
    (later.tender as Record<string, unknown>).title =
      'Harrogate district heating feasibility study (amended)';
    const q = project([later, release]); // input order does not matter: releases are merged by date
    expect(q.process.title).toBe('Harrogate district heating feasibility study (amended)');
    expect(q.process.release_count).toBe(2);
    expect(q.notices.map((n) => n.release_id)).toEqual([String(release.id), later.id]);
  });
});
