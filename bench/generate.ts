// Writes N synthetic releases scaled from the real sample as JSON Lines (gzipped when the name ends in .gz).
// Usage: node dist/bench/generate.js --releases 1000000 --out /tmp/synthetic-1m.jsonl.gz
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { repoPath } from '../src/paths.js';
import { loadRealReleases, syntheticLines } from './lib/synthetic.js';

const { values } = parseArgs({
  options: {
    releases: { type: 'string', default: '1000000' },
    out: { type: 'string', default: '/tmp/missionbuy-synthetic.jsonl' },
    sample: { type: 'string', default: repoPath('data', 'sample') },
  },
});
const count = Number(values.releases);
const base = loadRealReleases(values.sample);
const file = createWriteStream(values.out);
const gz = values.out.endsWith('.gz') ? createGzip({ level: 1 }) : null;
if (gz) gz.pipe(file);
const out = gz ?? file;
const t0 = performance.now();
let bytes = 0;
for (const text of syntheticLines(base, count)) {
  bytes += Buffer.byteLength(text);
  if (!out.write(text)) await once(out, 'drain');
}
out.end();
await once(file, 'close');
const s = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    synthetic: true,
    releases: count,
    base: base.length,
    bytes,
    seconds: Math.round(s * 10) / 10,
    out: values.out,
  }),
);
