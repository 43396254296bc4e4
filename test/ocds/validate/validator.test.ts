// Validation against OCDS 1.1.5 + the extensions Find a Tender declares, on real releases and on faithful
// mutations of them (one error introduced at a time, so each finding is known).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ReleaseValidator } from '../../../src/ocds/validate/index.js';
import { repoPath } from '../../../src/paths.js';
import type { Finding } from '../../../src/ocds/types.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is mutated freely

const ftsPackage = (name: string): Json[] =>
  (JSON.parse(readFileSync(repoPath('data/sample/find-a-tender', name), 'utf8')) as { releases: Json[] })
    .releases;

let validator: ReleaseValidator;
let tender: Json;
beforeAll(() => {
  validator = createValidator();
  tender = ftsPackage('fts-032703-2026-UK4-tender-release-package.json')[0]!;
});

const errors = (findings: Finding[]) => findings.filter((f) => f.severity !== 'warning');
const mutate = (fn: (r: Json) => void): Json => {
  const r = structuredClone(tender);
  fn(r);
  return r;
};

describe('validator', () => {
  it('finds no schema errors in a real Find a Tender UK4 tender notice', () => {
    expect(errors(validator.validate(tender))).toEqual([]);
  });

  it('points at a value of the wrong type', () => {
    const found = errors(
      validator.validate(mutate((r) => (r.tender.value = { amount: 'a lot', currency: 'GBP' }))),
    );
    expect(found).toEqual([expect.objectContaining({ pointer: '/tender/value/amount', keyword: 'type' })]);
    expect(found[0]!.message.length).toBeGreaterThan(10);
  });

  it('refuses a date that is not a date-time', () => {
    const found = errors(
      validator.validate(mutate((r) => (r.tender.tenderPeriod = { endDate: '31/12/2026' }))),
    );
    expect(found).toEqual([
      expect.objectContaining({ pointer: '/tender/tenderPeriod/endDate', keyword: 'format' }),
    ]);
  });

  it('refuses a value outside a closed codelist', () => {
    const found = errors(validator.validate(mutate((r) => (r.tender.status = 'open-ish'))));
    expect(found.map((f) => [f.pointer, f.keyword])).toEqual([['/tender/status', 'enum']]);
  });

  it('warns, without an error, about a value outside an open codelist', () => {
    const findings = validator.validate(
      mutate((r) => (r.parties[0].roles = [...r.parties[0].roles, 'rainmaker'])),
    );
    expect(errors(findings)).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', value: 'rainmaker' }));
  });

  it('caps the findings of a hopeless release and says how many more there were', () => {
    const r = mutate((x) => (x.parties = Array.from({ length: 500 }, () => ({ id: 7, name: 8 }))));
    const findings = validator.validate(r);
    expect(findings).toHaveLength(100);
    expect(findings.at(-1)!.message).toMatch(/more/);
  });

  it('validates every real release in the sample without throwing, most of them cleanly', () => {
    const lines = readFileSync(repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    let clean = 0;
    for (const line of lines) if (errors(validator.validate(JSON.parse(line))).length === 0) clean++;
    expect(lines.length).toBeGreaterThan(100);
    expect(clean / lines.length).toBeGreaterThan(0.5);
  });
});
