// OCDS record package export, streamed a page of records at a time (memory stays flat at any size).
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { recordsPage, releasesForOcids } from '../store/release.repository.js';

export interface ExportOptions {
  ocids?: string[] | undefined;
  /** When given, each record gets a versionedRelease built from its releases by this function. */
  versioned?: VersionedBuilder | undefined;
  pageSize?: number;
}

export type VersionedBuilder = (releases: Record<string, unknown>[]) => Record<string, unknown>;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes `{"uri":…,"records":[…]}` to `out`. Each record has its releases (embedded), compiledRelease and, on request, versionedRelease. */
export async function writeRecordPackage(
  db: Kysely<Database>,
  out: Writable,
  options: ExportOptions,
): Promise<number> {
  const pageSize = options.pageSize ?? 200;
  const header = {
    uri: `urn:missionbuy:record-package:${new Date().toISOString()}`,
    version: '1.1',
    publishedDate: new Date().toISOString(),
    publisher: { name: 'missionbuy export' },
  };
  await write(out, `${JSON.stringify(header).slice(0, -1)},"records":[`);
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const page = await recordsPage(db, { ocids: options.ocids, after, limit: pageSize });
    if (page.length === 0) break;
    const releases = await releasesForOcids(
      db,
      page.map((p) => p.ocid),
    );
    const byOcid = new Map<string, Record<string, unknown>[]>();
    for (const r of releases) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r.data]);
    for (const rec of page) {
      const rels = byOcid.get(rec.ocid) ?? [];
      const record: Record<string, unknown> = {
        ocid: rec.ocid,
        releases: rels,
        compiledRelease: rec.compiled,
      };
      if (options.versioned) record.versionedRelease = options.versioned(rels);
      await write(out, `${count > 0 ? ',' : ''}\n${JSON.stringify(record)}`);
      count++;
    }
    after = page[page.length - 1]?.ocid;
  }
  await write(out, '\n]}\n');
  return count;
}
