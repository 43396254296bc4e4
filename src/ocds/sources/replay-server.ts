// A local stand-in for the Find a Tender and Contracts Finder OCDS APIs, for tests, benchmarks and offline demos.
// It serves real recorded releases in each API's page shape (package metadata from real pages, `links.next`
// cursors, date windows), and can inject the faults the real services show: 429 with Retry-After, 5xx, slow
// responses, connection resets and truncated bodies, on chosen requests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '../types.js';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset' }
  | { kind: 'truncate' };

export interface ReplayFeed {
  /** Package fields of a real page of this API (uri, version, extensions, publisher, license, …). */
  meta: JsonObject;
  releases: JsonObject[];
}

export interface ReplayOptions {
  fts?: ReplayFeed;
  contractsFinder?: ReplayFeed;
  /** Serve at most this many releases a page, whatever `limit` asks (default 100, the APIs' own cap). */
  maxPageSize?: number;
  /** Decides a fault for the n-th request (1-based) to any endpoint. */
  fault?: (n: number, url: URL) => Fault | undefined;
  /** Port to listen on (default: any free port); a restarted server can take its predecessor's address. */
  port?: number;
}

export interface ReplayServer {
  /** Base URL for --base-url / MISSIONBUY_FTS_URL. */
  ftsUrl: string;
  /** Base URL for --base-url / MISSIONBUY_CF_URL. */
  contractsFinderUrl: string;
  requests: { n: number; url: string; fault?: Fault['kind'] }[];
  close(): Promise<void>;
}

const FTS_PATH = '/fts/api/1.0/ocdsReleasePackages';
const CF_PATH = '/cf/Published/Notices/OCDS/Search';

// Window parameters come without a zone (FTS style); read them as UTC.
const toTime = (s: string | null): number | undefined => {
  if (!s) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(t) ? undefined : t;
};

function sortedFeed(feed: ReplayFeed): JsonObject[] {
  return [...feed.releases].sort((a, b) => {
    const ka = `${String(a.date)}|${String(a.ocid)}|${String(a.id)}`;
    const kb = `${String(b.date)}|${String(b.ocid)}|${String(b.id)}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function page(
  feed: JsonObject[],
  meta: JsonObject,
  url: URL,
  fromParam: string,
  toParam: string,
  cap: number,
): JsonObject {
  const from = toTime(url.searchParams.get(fromParam));
  const to = toTime(url.searchParams.get(toParam));
  const inWindow = feed.filter((r) => {
    const t = Date.parse(String(r.date));
    return (from === undefined || t >= from) && (to === undefined || t <= to);
  });
  const limit = Math.max(1, Math.min(cap, Number(url.searchParams.get('limit') ?? 100) || 100));
  const cursor = url.searchParams.get('cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0;
  const releases = inWindow.slice(offset, offset + limit);
  const links: JsonObject = {};
  if (offset + limit < inWindow.length) {
    const next = new URL(url);
    next.searchParams.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
    links.next = next.toString();
  }
  return { ...meta, uri: url.toString(), publishedDate: new Date().toISOString(), releases, links };
}

export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const cap = options.maxPageSize ?? 100;
  const fts = options.fts && { meta: options.fts.meta, releases: sortedFeed(options.fts) };
  const cf = options.contractsFinder && {
    meta: options.contractsFinder.meta,
    releases: sortedFeed(options.contractsFinder),
  };
  const requests: ReplayServer['requests'] = [];
  let n = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const count = ++n;
    const fault = options.fault?.(count, url);
    requests.push({ n: count, url: url.toString(), ...(fault ? { fault: fault.kind } : {}) });
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(JSON.stringify({ error: `injected ${fault.status}` }));
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
    let body: JsonObject | undefined;
    if (url.pathname === FTS_PATH && fts)
      body = page(fts.releases, fts.meta, url, 'updatedFrom', 'updatedTo', cap);
    else if (url.pathname === CF_PATH && cf)
      body = page(cf.releases, cf.meta, url, 'publishedFrom', 'publishedTo', cap);
    if (!body) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    const text = JSON.stringify(body);
    if (fault?.kind === 'truncate') {
      // A body cut short but framed as complete (as a broken proxy or gateway sends it): only the JSON shows it.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    ftsUrl: `${base}/fts/api/1.0`,
    contractsFinderUrl: `${base}/cf`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
