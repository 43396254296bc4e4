// The merge against ocds-merge's own fixtures: every compiled and versioned output must equal the library's,
// including key order (ocds-merge's output order is part of what users diff).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPEND,
  createCompiledRelease,
  createVersionedRelease,
  getMergeRules,
  MERGE_BY_POSITION,
  OcdsMergeError,
} from '../../../src/ocds/compile/index.js';
import { loadReleaseSchema } from '../../../src/ocds/schema/index.js';
import { repoPath } from '../../../src/paths.js';

const root = repoPath('test/fixtures/merge/ocds-merge');
const load = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const schemaOf = (dir: string): Record<string, unknown> =>
  load(
    join(
      root,
      dir === 'schema'
        ? 'schema.json'
        : dir === '1.0'
          ? 'release-schema-1__0__3.json'
          : 'release-schema-1__1__4.json',
    ),
  ) as Record<string, unknown>;

/** JSON text keeps key order, so equal text means equal content and equal order. */
const text = (v: unknown): string => JSON.stringify(v, null, 1);

const cases = ['1.0', '1.1', 'schema'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => !/-(compiled|versioned|append|by-position)\.json$/.test(f))
    .map((f) => ({ dir, name: f.replace(/\.json$/, '') })),
);

describe('merge matches ocds-merge fixtures', () => {
  it('finds the fixtures', () => {
    expect(cases.length).toBe(23);
  });
  for (const { dir, name } of cases) {
    const releases = load(join(root, dir, `${name}.json`)) as unknown[];
    const rules = getMergeRules(schemaOf(dir));
    const compiledPath = join(root, dir, `${name}-compiled.json`);
    const versionedPath = join(root, dir, `${name}-versioned.json`);
    if (existsSync(compiledPath)) {
      it(`${dir}/${name} compiled`, () => {
        expect(text(createCompiledRelease(releases, rules).compiled)).toBe(text(load(compiledPath)));
      });
    }
    if (existsSync(versionedPath)) {
      it(`${dir}/${name} versioned`, () => {
        expect(text(createVersionedRelease(releases, rules).versioned)).toBe(text(load(versionedPath)));
      });
    }
  }
});

describe('duplicate ids', () => {
  const releases = load(join(root, 'schema', 'identifier-merge-duplicate-id.json')) as unknown[];
  const rules = getMergeRules(schemaOf('schema'));

  it('reports each array that repeats an id as a finding, as ocds-merge warns', () => {
    const { findings } = createCompiledRelease(releases, rules);
    expect(findings.map((f) => f.message)).toEqual([
      "Multiple objects have the `id` value '1' in the `nested.identifierMerge` array",
      "Multiple objects have the `id` value '1' in the `nested.array` array",
    ]);
    expect(findings[0]!.pointer).toBe('/nested/0/identifierMerge/1');
  });

  it('appends when told to', () => {
    const { compiled } = createCompiledRelease([...releases, ...releases], rules, {
      overrides: { 'nested.array': APPEND },
    });
    expect(text(compiled)).toBe(
      text(load(join(root, 'schema', 'identifier-merge-duplicate-id-append.json'))),
    );
  });

  it('merges by position when told to', () => {
    const { compiled } = createCompiledRelease([...releases, ...releases], rules, {
      overrides: { 'nested.array': MERGE_BY_POSITION },
    });
    expect(text(compiled)).toBe(
      text(load(join(root, 'schema', 'identifier-merge-duplicate-id-by-position.json'))),
    );
  });
});

describe('bad input', () => {
  const rules = getMergeRules(schemaOf('1.1'));
  it('refuses releases without a date, with a typed error', () => {
    expect(() =>
      createCompiledRelease(
        [
          { ocid: 'a', id: '1' },
          { ocid: 'a', id: '2', date: 'x' },
        ],
        rules,
      ),
    ).toThrow(OcdsMergeError);
  });
  it('merges a value that becomes an object the way ocds-merge does (reference path)', () => {
    const releases = [
      { ocid: 'a', id: '1', date: '2020-01-01', tender: { value: null } },
      { ocid: 'a', id: '2', date: '2020-01-02', tender: { value: { amount: 5 } } },
    ];
    expect(createCompiledRelease(releases, rules).compiled.tender).toEqual({ value: { amount: 5 } });
  });
});

describe('the fictional example and the UK schema', () => {
  it('compiles the six releases of the OCDS fictional example as OCP did', () => {
    const dir = repoPath('test/fixtures/merge/fictional-example-1.1');
    const releases = readdirSync(dir)
      .filter((f) => /-0\d-/.test(f))
      .flatMap((f) => (load(join(dir, f)) as { releases: unknown[] }).releases);
    expect(releases).toHaveLength(6);
    const record = (
      load(join(dir, 'record', 'ocds-213czf-000-00001.json')) as { records: { compiledRelease: unknown }[] }
    ).records[0]!;
    const { compiled } = createCompiledRelease(releases, getMergeRules(loadReleaseSchema()));
    expect(compiled).toEqual(record.compiledRelease);
  });
});
