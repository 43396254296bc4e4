// bench/supplier-resolution: the time of supplier resolution over all sources (docs/suppliers.md) — the sample OCDS
// (data/sample), the contract register(s) and every spend file in the shared data (one buyer per body folder) —
// in a fresh embedded PostgreSQL. Prints the source and supplier counts, the first (cold) run with its phases, a
// run with nothing changed (skipped), and a forced re-run that keeps every supplier id; plus peak RSS.
// Usage: npm run build && MISSIONBUY_SHARED_DATA=../shared/data node dist/bench/supplier-resolution.js
//        [--limit-files N]   (spend files per body, for a quick run)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importRegister } from '../src/imports/register/import-register.js';
import { importSpend } from '../src/imports/spend/import-spend.js';
import { ingestPaths } from '../src/ocds/pipeline.js';
import { repoPath, repoRoot } from '../src/paths.js';
import { createSuppliersService } from '../src/services/suppliers/suppliers.service.js';
import { openDatabase } from '../src/store/db.js';

const { values } = parseArgs({ options: { 'limit-files': { type: 'string' } } });
const shared = process.env.MISSIONBUY_SHARED_DATA ?? resolve(repoRoot, '..', 'shared', 'data');
const limit = values['limit-files'] ? Number(values['limit-files']) : Infinity;
const list = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((n) => join(dir, n));

const dataDir = mkdtempSync(join(tmpdir(), 'missionbuy-bench-suppliers-'));
const handle = await openDatabase({ dataDir });
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const buyer = async (name: string) =>
  Number(
    (
      await handle.db
        .insertInto('organisation')
        .values({ entity_key: `bench:${name}`, name, normalised_name: name })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
try {
  const t0 = performance.now();
  await ingestPaths(handle.db, [repoPath('data/sample')], { source: 'sample' });
  let payments = 0;
  for (const body of list(join(shared, 'uk-more', 'spend')).filter((p) => statSync(p).isDirectory())) {
    const s = await importSpend(handle.db, list(body).slice(0, limit), { organisationId: await buyer(body) });
    payments += s.kept;
  }
  let registerRows = 0;
  for (const file of list(join(shared, 'uk-more', 'contract-registers'))) {
    const s = await importRegister(handle.db, file, { organisationId: await buyer(file) });
    registerRows += s.kept;
  }
  const loadSeconds = (performance.now() - t0) / 1000;

  const service = createSuppliersService({ db: handle.db });
  const cold = await service.resolve();
  const unchanged = await service.resolve();
  const before = await handle.db.selectFrom('supplier_source').select(['key', 'supplier_id']).execute();
  const forced = await service.resolve({ force: true });
  const after = new Map(
    (await handle.db.selectFrom('supplier_source').select(['key', 'supplier_id']).execute()).map((r) => [
      r.key,
      r.supplier_id,
    ]),
  );
  const idsKept = before.every((r) => after.get(r.key) === r.supplier_id);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      loaded: { payments, registerRows, seconds: Math.round(loadSeconds) },
      sources: cold.sources,
      suppliers: cold.suppliers,
      matched: cold.matched,
      unresolvedPayees: cold.unresolvedPayees,
      coldSeconds: cold.seconds,
      coldPhases: cold.phases,
      unchangedSeconds: unchanged.seconds,
      unchangedSkipped: unchanged.skipped,
      forcedSeconds: forced.seconds,
      forcedPhases: forced.phases,
      supplierIdsKept: idsKept,
      sourcesPerSecond: Math.round(cold.sources / cold.seconds),
      peakRssMb: Math.round(peakRss / 2 ** 20),
    }),
  );
} finally {
  clearInterval(timer);
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
