// The streaming reader on real files and on pathological inputs derived from them.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/ocds/parse/index.js';
import { JsonScanner } from '../../../src/ocds/parse/scanner.js';
import { repoPath } from '../../../src/paths.js';
import type { InputItem } from '../../../src/ocds/types.js';
import { tempDir } from '../../support/files.js';

const sample = (p: string) => repoPath('data/sample', p);
const cfLines = readFileSync(sample('contracts-finder/cf-2025-releases.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean);
const ftsPackage = JSON.parse(
  readFileSync(sample('find-a-tender/fts-2026-10-06-release-package-limit4.json'), 'utf8'),
) as {
  releases: { ocid: string; id: string }[];
};
const dir = tempDir();
afterAll(() => dir.remove());

async function all(paths: string[], options = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}
const releases = (items: InputItem[]) => items.filter((i) => i.kind === 'release');
const bads = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'bad' ? [i] : []));

describe('real files', () => {
  it.each([
    ['contracts-finder/cf-2025-releases.jsonl', 148],
    ['contracts-finder/cf-2025-01-23-search-page-limit100-filtered.json', 73],
    ['contracts-finder/cf-2025-search-page-empty.json', 0],
    ['contracts-finder/cf-2014-2015-release-packages-ocds1.0.jsonl', 164],
    ['contracts-finder/cf-2015-records-upgraded-1.1.json', 11],
    ['find-a-tender/fts-2026-10-06-release-package-limit4.json', 4],
    ['public-contracts-scotland/pcs-scotland-releases.jsonl', 62],
    ['sell2wales/sell2wales-releases.jsonl', 68],
  ])('%s holds %i releases and nothing bad', async (file, n) => {
    const items = await all([sample(file)]);
    expect(releases(items)).toHaveLength(n);
    expect(bads(items)).toEqual([]);
  });

  it('gives each release of a package its pointer, line and byte offset', async () => {
    const file = sample('find-a-tender/fts-2026-10-06-release-package-limit4.json');
    const text = readFileSync(file);
    const items = releases(await all([file]));
    items.forEach((item, i) => {
      expect(item.position.pointer).toBe(`/releases/${i}`);
      const at = item.position.byteOffset!;
      expect(text[at]).toBe(0x7b); // the release's opening brace
      expect(text.subarray(0, at).toString().split('\n').length).toBe(item.position.line);
      expect((item as { value: { ocid: string } }).value.ocid).toBe(ftsPackage.releases[i]!.ocid);
    });
  });

  it('reads OCDS 1.0 packages (no version) through the upgrade hook', async () => {
    const seen: string[] = [];
    const items = await all([sample('contracts-finder/cf-2014-2015-release-packages-ocds1.0.jsonl')], {
      upgrade: (r: unknown, v: string) => (seen.push(v), { ...(r as object), upgraded: true }),
    });
    expect(seen).toHaveLength(164);
    expect(new Set(seen)).toEqual(new Set(['1.0']));
    expect(releases(items).every((i) => i.kind === 'release' && i.upgradedFrom === '1.0')).toBe(true);
  });

  it('reads folders recursively in name order, and gzip by its magic bytes whatever the name', async () => {
    const p = dir.write(
      'renamed.json',
      gzipSync(readFileSync(sample('contracts-finder/cf-2025-releases.jsonl'))),
    );
    expect(releases(await all([p]))).toHaveLength(148);
    expect(releases(await all([repoPath('data/sample')])).length).toBe(544);
  });
});

describe('pathological input', () => {
  it('concatenated JSON, pretty or not, with a BOM and CRLF', async () => {
    const a = JSON.parse(cfLines[0]!) as object;
    const b = JSON.parse(cfLines[1]!) as object;
    const p = dir.write(
      'concat.json',
      `\uFEFF${JSON.stringify(a, null, 2)}${JSON.stringify(b)}\r\n${JSON.stringify({ releases: [a, b] }, null, 1)}`,
    );
    expect(releases(await all([p]))).toHaveLength(4);
  });

  it('a bare array of releases', async () => {
    const p = dir.write('array.json', `[${cfLines.slice(0, 5).join(',\n')}]`);
    const items = releases(await all([p]));
    expect(items.map((i) => i.position.pointer)).toEqual(['/0', '/1', '/2', '/3', '/4']);
  });

  it('malformed JSON inside one release of a package: that release is bad, the others are read', async () => {
    const rs = cfLines.slice(0, 4);
    const broken = rs[1]!.replace('"tag":', '"tag" ');
    const p = dir.write(
      'pkg.json',
      `{"version": "1.1", "releases": [\n${rs[0]},\n${broken},\n${rs[2]},\n${rs[3]}\n]}`,
    );
    const items = await all([p]);
    expect(releases(items)).toHaveLength(3);
    const [b] = bads(items);
    expect(b).toMatchObject({ reason: 'invalid-json', position: { pointer: '/releases/1', line: 3 } });
    expect(b!.message).toMatch(/not valid JSON/);
  });

  it('a truncated package: the releases before the damage are read, the damage is named', async () => {
    const full = `{"version": "1.1", "releases": [\n${cfLines.slice(0, 3).join(',\n')}]}`;
    const p = dir.write('truncated.json', full.slice(0, full.length - Math.floor(cfLines[2]!.length / 2)));
    const items = await all([p]);
    expect(releases(items)).toHaveLength(2);
    expect(bads(items)).toMatchObject([{ reason: 'invalid-json', position: { line: 4 } }]);
    expect(bads(items)[0]!.message).toMatch(/ends inside a JSON value that starts at line 4/);
  });

  it('JSON Lines: a bad line is one bad item; blank lines are skipped', async () => {
    const p = dir.write('lines.jsonl', [cfLines[0], '{"ocid": ', '', '  ', '[1, 2]', cfLines[1]].join('\n'));
    const items = await all([p]);
    expect(releases(items)).toHaveLength(2);
    expect(bads(items).map((b) => [b.reason, b.position.line])).toEqual([
      ['invalid-json', 2],
      ['not-object', 5],
      ['not-object', 5],
    ]);
  });

  it('an empty file, a non-OCDS JSON file, a missing file', async () => {
    const items = await all([
      dir.write('empty.json', '  \n'),
      dir.write('other.json', '{"type": "FeatureCollection", "features": []}'),
      '/nonexistent/x.json',
    ]);
    expect(bads(items).map((b) => b.reason)).toEqual(['empty', 'not-ocds', 'unreadable']);
  });

  it('a release holding a 50 MB string is refused unread, and its neighbours are read', async () => {
    const huge = JSON.stringify({
      ...(JSON.parse(cfLines[3]!) as object),
      description: 'x'.repeat(50 * 1024 * 1024),
    });
    const p = dir.write('huge.json', `{"version":"1.1","releases":[${cfLines[2]},${huge},${cfLines[4]}]}`);
    const items = await all([p]);
    expect(releases(items)).toHaveLength(2);
    expect(bads(items)).toMatchObject([{ reason: 'too-large', position: { pointer: '/releases/1' } }]);
  });

  it('holds about one chunk, not the oversized item, while skipping it', () => {
    const scanner = new JsonScanner({ jsonLines: false, maxItemBytes: 1024 * 1024 });
    const chunk = Buffer.alloc(1024 * 1024, 0x78);
    const segments = [
      ...scanner.push(Buffer.from('{"releases":[{"ocid":"x","description":"')),
      ...Array.from({ length: 50 }, () => scanner.push(chunk)).flat(),
      ...scanner.push(Buffer.from('"}]}')),
      ...scanner.end(),
    ];
    expect(segments.map((s) => s.kind)).toEqual(['item', 'frame']);
    expect(segments[0]).toMatchObject({ kind: 'item', bytes: null });
    expect(scanner.maxBuffered).toBeLessThan(3 * 1024 * 1024);
  });

  it('a record package with linked releases yields each compiledRelease instead', async () => {
    const rec = {
      ocid: 'ocds-x-1',
      releases: [{ url: 'https://example.org/r1.json', date: '2025-01-01T00:00:00Z', tag: ['tender'] }],
      compiledRelease: JSON.parse(cfLines[0]!) as object,
    };
    const p = dir.write('records.json', JSON.stringify({ version: '1.1', records: [rec] }));
    const items = releases(await all([p]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      fromCompiledRecord: true,
      position: { pointer: '/records/0/compiledRelease' },
    });
  });
});
