// bench/pipeline-load: 50 editors saving entries of one pipeline at once for 60 seconds over loopback HTTP (issue 7,
// Load: 0 lost updates, 0 server errors, a complete audit log; p95 save latency). Each editor, in a bounded loop,
// reads an entry (GET /api/pipeline/entries/:id) and saves it from the version it read (PUT, session cookie +
// X-CSRF-Token), so editors on the same entry race and the losers get 409. Afterwards the database is checked
// against what the clients were told:
// - every 200 is in the change log (entry, version) with the title that editor sent, and no version was given twice
//   (a lost update would be a 200 whose write is not there, or two 200s for one version);
// - every entry's versions run 1…n without a gap, and n − 1 updates were acknowledged;
// - the audit log holds exactly one pipeline.update per acknowledged save: a row for that entry whose after.version
//   is the acknowledged version and whose actor is the editor told so, and no other pipeline.update rows.
// The run fails on any lost update, version gap, server error, other 4xx answer (anything but 200 and 409), missing
// or extra audit row, or when no save at all was acknowledged.
// The app runs as in production behind a proxy on loopback (MISSIONBUY_TRUSTED_PROXIES=loopback): each editor sends
// its own X-Forwarded-For address, as 50 people would have, so the per-address rate limit applies per editor as it
// would in use.
// Usage: npm run build && node dist/bench/pipeline-load.js [--editors 50] [--entries 20] [--seconds 60]
//        [--data-dir /tmp/missionbuy-pipeline-bench] (DATABASE_URL to use a running PostgreSQL)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createServices } from '../src/services/index.js';
import { openDatabase } from '../src/store/db.js';
import { buildApp } from '../src/web/app.js';
import { percentile } from './lib/timing.js';

const { values: args } = parseArgs({
  options: {
    editors: { type: 'string', default: '50' },
    entries: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    'data-dir': { type: 'string', default: '/tmp/missionbuy-pipeline-bench' },
  },
});
const EDITORS = Number(args.editors);
const ENTRIES = Number(args.entries);
const SECONDS = Number(args.seconds);
const say = (m: string) => process.stderr.write(`${m}\n`);

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: args['data-dir']!,
  poolSize: 20,
});
const db = handle.db;
const config = loadConfig(
  { MISSIONBUY_TRUSTED_PROXIES: 'loopback' },
  { production: true, databaseUrl: handle.url, loadSample: false },
);
const log = createLogger('warn');
const services = createServices({ db, config, log });
const app = await buildApp({ config, services, log });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

// One synthetic buyer (tagged synthetic, as all generated data is), its editors with sessions, and its entries.
const run = randomBytes(4).toString('hex');
const org = await db
  .insertInto('organisation')
  .values({
    entity_key: `bench-pipeline-${run}`,
    name: `Bench pipeline buyer ${run}`,
    normalised_name: `bench ${run}`,
    synthetic: true,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const orgId = Number(org.id);
say(`buyer ${orgId}: creating ${EDITORS} editors and ${ENTRIES} entries…`);
const editors: { email: string; cookie: string; csrf: string; ip: string }[] = [];
for (let i = 0; i < EDITORS; i++) {
  const email = `editor${i}-${run}@bench.invalid`;
  const user = await services.accounts.createUser(
    { email, name: `Editor ${i}`, password: `bench passphrase ${run}` },
    'bench',
  );
  await services.accounts.grant({ email, role: 'editor', organisationId: orgId }, 'bench');
  const actor = {
    userId: user.id,
    email,
    name: `Editor ${i}`,
    serviceRole: null,
    organisations: new Map([[orgId, 'editor' as const]]),
  };
  const s = await services.accounts.startSession(actor);
  editors.push({
    email,
    cookie: `__Host-missionbuy-session=${s.token}`,
    csrf: s.csrfToken,
    ip: `10.0.${i >> 8}.${i & 255}`,
  });
}
const first = editors[0]!;
const entryIds: number[] = [];
for (let i = 0; i < ENTRIES; i++) {
  const e = await services.pipeline.create(
    {
      userId: 0,
      email: first.email,
      name: 'bench',
      serviceRole: null,
      organisations: new Map([[orgId, 'editor']]),
    },
    orgId,
    { title: `Entry ${i}`, valueMax: '2500000', procurementStart: '2027-06-01', published: true },
  );
  entryIds.push(e.id);
}

interface Ack {
  entryId: number;
  version: number;
  title: string;
  email: string;
}
const acks: Ack[] = [];
const latencies: number[] = [];
const outcomes = { ok: 0, conflict: 0, serverError: 0, otherError: 0 };
const otherStatuses = new Map<number, number>();

function other(status: number): void {
  outcomes.otherError++;
  otherStatuses.set(status, (otherStatuses.get(status) ?? 0) + 1);
}

async function editor(i: number, until: number): Promise<void> {
  const me = editors[i]!;
  const headers = { cookie: me.cookie, 'x-csrf-token': me.csrf, 'x-forwarded-for': me.ip };
  let n = 0;
  while (Date.now() < until) {
    const id = entryIds[Math.floor(Math.random() * entryIds.length)]!;
    const read = await fetch(`${base}/api/pipeline/entries/${id}`, { headers });
    if (read.status >= 500) outcomes.serverError++;
    else if (read.status !== 200) other(read.status);
    if (read.status !== 200) {
      await read.arrayBuffer();
      continue;
    }
    const current = (await read.json()) as { version: number };
    const title = `Entry ${id} by editor ${i}, save ${n++}`;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/pipeline/entries/${id}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        valueMax: '2500000',
        procurementStart: '2027-06-01',
        published: true,
        version: current.version,
      }),
    });
    const body = (await res.json()) as { version?: number };
    latencies.push(performance.now() - t0);
    if (res.status === 200) {
      outcomes.ok++;
      acks.push({ entryId: id, version: body.version!, title, email: me.email });
    } else if (res.status === 409) outcomes.conflict++;
    else if (res.status >= 500) outcomes.serverError++;
    else other(res.status);
  }
}

say(`${EDITORS} editors saving for ${SECONDS} s…`);
const until = Date.now() + SECONDS * 1000;
await Promise.all(editors.map((_, i) => editor(i, until)));

// Check the database against the acknowledgements.
const changes = await db
  .selectFrom('pipeline_change')
  .select(['entry_id', 'version', 'actor', 'action', 'changes'])
  .where('organisation_id', '=', orgId)
  .execute();
const byKey = new Map(changes.map((c) => [`${c.entry_id}/${c.version}`, c]));
let lost = 0;
const seen = new Set<string>();
for (const a of acks) {
  const key = `${a.entryId}/${a.version}`;
  const c = byKey.get(key);
  const title = (c?.changes as { field: string; after: unknown }[] | undefined)?.find(
    (x) => x.field === 'title',
  )?.after;
  if (!c || c.actor !== a.email || title !== a.title || seen.has(key)) lost++;
  seen.add(key);
}
const finals = await db
  .selectFrom('pipeline_entry')
  .select(['id', 'version'])
  .where('organisation_id', '=', orgId)
  .execute();
let gaps = 0;
for (const e of finals) {
  const versions = changes
    .filter((c) => Number(c.entry_id) === Number(e.id))
    .map((c) => c.version)
    .sort((x, y) => x - y);
  if (versions.length !== e.version || versions.some((v, k) => v !== k + 1)) gaps++;
}
const updatesLogged = changes.filter((c) => c.action === 'updated').length;
const audit = await sql<{ entity_id: string; version: number | null; actor: string }>`
  select entity_id, (after->>'version')::int as version, actor from audit_log
  where entity_type = 'pipeline-entry' and action = 'pipeline.update'
    and entity_id = any(${entryIds.map(String)}::text[])`.execute(db);
const auditRows = new Map<string, string[]>();
for (const r of audit.rows) {
  const key = `${r.entity_id}/${r.version}`;
  auditRows.set(key, [...(auditRows.get(key) ?? []), r.actor]);
}
// Each acknowledged save: exactly one audit row for its entry and version, by its editor.
const auditMissing = acks.filter((a) => {
  const actors = auditRows.get(`${a.entryId}/${a.version}`) ?? [];
  return actors.length !== 1 || actors[0] !== a.email;
}).length;
const auditExtra = audit.rows.length - acks.length;

const result = {
  editors: EDITORS,
  entries: ENTRIES,
  seconds: SECONDS,
  saves: latencies.length,
  acknowledged: outcomes.ok,
  conflicts409: outcomes.conflict,
  serverErrors: outcomes.serverError,
  otherErrors: Object.fromEntries(otherStatuses),
  lostUpdates: lost,
  entriesWithVersionGaps: gaps,
  changeLogUpdates: updatesLogged,
  auditLogUpdates: audit.rows.length,
  auditRowsMissingOrWrong: auditMissing,
  auditComplete: auditMissing === 0 && auditExtra === 0 && updatesLogged === outcomes.ok,
  savesPerSecond: Math.round((latencies.length / SECONDS) * 10) / 10,
  p50SaveMs: latencies.length ? Math.round(percentile(latencies, 50) * 10) / 10 : null,
  p95SaveMs: latencies.length ? Math.round(percentile(latencies, 95) * 10) / 10 : null,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await app.close();
await handle.close();
const failed =
  lost > 0 ||
  gaps > 0 ||
  outcomes.serverError > 0 ||
  outcomes.otherError > 0 ||
  outcomes.ok === 0 ||
  !result.auditComplete;
process.exit(failed ? 1 : 0);
