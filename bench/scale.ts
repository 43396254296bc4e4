// Builds (once) the scaled benchmark dataset and prints its size: the real sample's contract model copied to at least
// N contract histories, tagged synthetic (bench/lib/scale.ts). Other benchmarks at 1 million contracts reuse it.
// Usage: npm run build && node dist/bench/scale.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m]
//        (or DATABASE_URL=postgres://… to build it on another server)
import { parseArgs } from 'node:util';
import { openDataset } from './lib/dataset.js';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string', default: '/tmp/missionbuy-1m' },
  },
});
const t0 = performance.now();
const { handle, counts } = await openDataset({
  processes: Number(values.processes),
  dataDir: values['data-dir'],
  databaseUrl: process.env.DATABASE_URL,
  log: (line) => process.stderr.write(`${line}\n`),
});
await handle.close();
console.log(JSON.stringify({ ...counts, seconds: Math.round((performance.now() - t0) / 100) / 10 }));
