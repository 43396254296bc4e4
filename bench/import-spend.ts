// bench/import-spend: imports every spend file under a folder (default ../shared/data/uk-more/spend, ≈ 640,000
// rows) into a fresh embedded PostgreSQL, one organisation per body folder, and prints rows/s and peak RSS.
// Usage: npm run build && node dist/bench/import-spend.js [--dir path] [--limit-files N]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importSpend } from '../src/imports/spend/import-spend.js';
import { repoRoot } from '../src/paths.js';
import { openDatabase } from '../src/store/db.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: resolve(repoRoot, '..', 'shared', 'data', 'uk-more', 'spend') },
    'limit-files': { type: 'string' },
  },
});

const dataDir = mkdtempSync(join(tmpdir(), 'missionbuy-bench-spend-'));
const handle = await openDatabase({ dataDir });
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
try {
  const root = values.dir!;
  const bodies =
    statSync(root).isDirectory() && readdirSync(root).every((n) => statSync(join(root, n)).isDirectory())
      ? readdirSync(root)
          .sort()
          .map((n) => join(root, n))
      : [root];
  const limit = values['limit-files'] ? Number(values['limit-files']) : Infinity;
  let rows = 0;
  let files = 0;
  const t0 = performance.now();
  for (const body of bodies) {
    if (files >= limit) break;
    const org = await handle.db
      .insertInto('organisation')
      .values({ entity_key: `bench:${body}`, name: body, normalised_name: body })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paths = statSync(body).isDirectory()
      ? readdirSync(body)
          .sort()
          .slice(0, limit - files)
          .map((f) => join(body, f))
      : [body];
    const s = await importSpend(handle.db, paths, { organisationId: Number(org.id) });
    rows += s.rowsRead;
    files += s.files;
  }
  const seconds = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      files,
      rows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMb: Math.round(peakRss / 2 ** 20),
    }),
  );
} finally {
  clearInterval(timer);
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
