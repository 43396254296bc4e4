// The 1.0 → 1.1 upgrade against OCP's own upgraded copies: ocdskit's fixture, and real Contracts Finder 2014–15
// releases that OCP upgraded for its examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { upgradeRelease10to11 } from '../../../src/ocds/upgrade/index.js';
import { repoPath } from '../../../src/paths.js';

type Json = Record<string, unknown>;
const load = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const lines = (path: string): Json[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Json);

describe('upgradeRelease10to11', () => {
  it('matches ocdskit on its release-package fixture, key order included', () => {
    const before = load(repoPath('test/fixtures/upgrade/release-package_1.0-1.json')) as { releases: Json[] };
    const after = load(repoPath('test/fixtures/upgrade/release-package_1.1-1.json')) as { releases: Json[] };
    expect(before.releases.length).toBeGreaterThan(0);
    const upgraded = before.releases.map((r) => upgradeRelease10to11(r));
    expect(JSON.stringify(upgraded)).toBe(JSON.stringify(after.releases));
  });

  it('gives real Contracts Finder 1.0 releases the shape of the copies OCP upgraded', () => {
    // OCP's copies were made from a later edit of the same notices (ids re-minted, addresses filled in), so the
    // text differs; the shape the upgrade makes must not: same fields, same parties with the same roles, and
    // every reference pointing at a party.
    const packages = lines(
      repoPath('data/sample/contracts-finder/cf-2014-2015-release-packages-ocds1.0.jsonl'),
    );
    const originals = new Map<string, Json>();
    for (const p of packages) for (const r of p.releases as Json[]) originals.set(String(r.ocid), r);
    const expected = lines(repoPath('data/sample/contracts-finder/cf-2015-releases-upgraded-1.1.jsonl'));
    expect(expected).toHaveLength(11);
    const shape = (r: Json) => {
      const parties = r.parties as { id: string; name: string; roles: string[] }[];
      const names = new Map(parties.map((p) => [p.id, p.name]));
      const refs = [
        r.buyer,
        ...((r.awards as Json[] | undefined) ?? []).flatMap((a) => a.suppliers as Json[]),
      ] as Json[];
      return {
        keys: Object.keys(r)
          .filter((k) => k !== 'version')
          .sort(), // OCP's copies add a release-level version
        parties: parties.map((p) => [p.name, p.roles]).sort(),
        references: refs.map((ref) => [ref.name, names.get(ref.id as string)]),
      };
    };
    for (const want of expected) {
      const original = originals.get(String(want.ocid));
      expect(original, `${String(want.ocid)} is in the 1.0 data`).toBeDefined();
      const upgraded = upgradeRelease10to11(structuredClone(original!));
      expect(shape(upgraded)).toEqual(shape(want));
      for (const [name, partyName] of shape(upgraded).references) expect(partyName).toBe(name);
    }
  });

  it('turns a singular amendment and old transaction terms into their 1.1 forms', () => {
    const release: Json = {
      ocid: 'ocds-x-1',
      id: '1',
      date: '2015-01-01T00:00:00Z',
      tender: { id: 't', amendment: { date: '2015-01-02', rationale: 'typo' } },
      contracts: [
        {
          id: 'c',
          implementation: {
            transactions: [
              {
                id: 'p1',
                amount: { amount: 10, currency: 'GBP' },
                providerOrganization: { scheme: 'GB-COH', id: '1', legalName: 'Council' },
              },
            ],
          },
        },
      ],
    };
    const out = upgradeRelease10to11(release) as {
      tender: Json;
      contracts: { implementation: { transactions: Json[] } }[];
      parties: Json[];
    };
    expect(out.tender).toEqual({ id: 't', amendments: [{ date: '2015-01-02', rationale: 'typo' }] });
    const t = out.contracts[0]!.implementation.transactions[0]!;
    expect(t.value).toEqual({ amount: 10, currency: 'GBP' });
    expect(t).not.toHaveProperty('amount');
    expect(t.payer).toMatchObject({ name: 'Council' });
    expect(out.parties).toEqual([expect.objectContaining({ name: 'Council', roles: ['payer'] })]);
  });
});
