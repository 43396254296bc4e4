// What the ingest benchmarks share: the synthetic JSON Lines input in a scratch folder, and the read + JSON.parse
// floor every ingest figure is divided by.
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../../src/paths.js';
import { loadRealReleases, syntheticLines } from './synthetic.js';

export interface SyntheticInput {
  /** Scratch folder (the caller removes it). */
  work: string;
  file: string;
  count: number;
  bytes: number;
}

/** Writes `count` synthetic releases (the real sample scaled) as JSON Lines into a fresh scratch folder. */
export async function writeSyntheticInput(count: number): Promise<SyntheticInput> {
  const work = mkdtempSync(join(tmpdir(), 'missionbuy-bench-'));
  chmodSync(work, 0o755); // as root, the embedded PostgreSQL (user postgres) must enter it
  const file = join(work, `synthetic-${count}.jsonl`);
  const out = createWriteStream(file);
  for (const text of syntheticLines(loadRealReleases(repoPath('data', 'sample')), count)) {
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { work, file, count, bytes: statSync(file).size };
}

/** The non-empty lines of a file, one array per 1 MB chunk read. */
export async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    yield lines.filter((line) => line !== '');
  }
  if (rest) yield [rest];
}

/** The floor: read the file and JSON.parse every line, nothing else. Returns seconds and the lines parsed. */
export async function readAndParse(file: string): Promise<{ seconds: number; parsed: number }> {
  const t0 = performance.now();
  const parsed: unknown[] = [];
  let n = 0;
  for await (const lines of lineBatches(file)) {
    for (const line of lines) {
      parsed.push(JSON.parse(line));
      parsed.length = 0; // keep nothing: only the parse is measured
    }
    n += lines.length;
  }
  return { seconds: (performance.now() - t0) / 1000, parsed: n };
}

/** The median of three read + parse runs, checked to have seen every line. */
export async function readParseFloor(input: SyntheticInput): Promise<number> {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await readAndParse(input.file));
  if (runs.some((b) => b.parsed !== input.count))
    throw new Error(`read+parse saw ${runs[0]!.parsed} lines, expected ${input.count}`);
  return runs.map((b) => b.seconds).sort((a, b) => a - b)[1]!;
}
