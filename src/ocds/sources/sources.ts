// The statutory OCDS sources, declared as data (kingfisher-collect style): each number with its reason.
// One paging engine (sync.ts) runs them.

export type SourceName = 'fts' | 'contracts-finder';

export interface SourceConfig {
  name: SourceName;
  title: string;
  /** Default base URL; overridable with --base-url or the environment variable named in `envVar`. */
  baseUrl: string;
  envVar: string;
  /** Path of the release-package search endpoint, appended to the base URL. */
  path: string;
  /** Query parameters for the date window. */
  fromParam: string;
  toParam: string;
  /** Releases per page: both APIs allow at most 100. */
  pageSize: number;
  /** Extra fixed query parameters. */
  fixedParams: Record<string, string>;
  /** Minimum milliseconds between two requests (politeness). */
  minIntervalMs: number;
  /** HTTP statuses that mean "try again later". */
  retryStatuses: number[];
  /** Wait when throttled without a Retry-After header. */
  throttleWaitMs: number;
  /** Timestamp format the API expects for the window parameters. */
  formatDate(d: Date): string;
}

// FTS wants local ISO date-times without a zone, e.g. 2026-10-06T15:44:10 (shared sample package `uri`).
const isoSeconds = (d: Date) => d.toISOString().slice(0, 19);

export const SOURCES: Record<SourceName, SourceConfig> = {
  fts: {
    name: 'fts',
    title: 'Find a Tender',
    baseUrl: 'https://www.find-tender.service.gov.uk/api/1.0',
    envVar: 'MISSIONBUY_FTS_URL',
    path: '/ocdsReleasePackages',
    fromParam: 'updatedFrom',
    toParam: 'updatedTo',
    // FTS API docs: `limit` up to 100 (domain.md §8).
    pageSize: 100,
    fixedParams: {},
    // FTS answers 429 under fast paging; reusers keep ~1.5 s between pages (domain.md §8).
    minIntervalMs: 1500,
    retryStatuses: [429, 500, 502, 503, 504],
    // FTS back-off seen in practice: 60/120/240 s after a 429 without Retry-After (domain.md §8).
    throttleWaitMs: 60_000,
    formatDate: isoSeconds,
  },
  'contracts-finder': {
    name: 'contracts-finder',
    title: 'Contracts Finder',
    baseUrl: 'https://www.contractsfinder.service.gov.uk',
    envVar: 'MISSIONBUY_CF_URL',
    path: '/Published/Notices/OCDS/Search',
    fromParam: 'publishedFrom',
    toParam: 'publishedTo',
    // CF API docs: `limit` up to 100, cursor in links.next (domain.md §8).
    pageSize: 100,
    fixedParams: { stages: 'planning,tender,award,implementation' },
    minIntervalMs: 1000,
    // Contracts Finder answers 403 when it throttles, and asks for a 300 s wait (kingfisher-collect notes).
    retryStatuses: [403, 429, 500, 502, 503, 504],
    throttleWaitMs: 300_000,
    formatDate: isoSeconds,
  },
};

export function isSourceName(s: string): s is SourceName {
  return s === 'fts' || s === 'contracts-finder';
}

/** The first page's URL for a window. */
export function firstPageUrl(source: SourceConfig, baseUrl: string, from: Date, to: Date): string {
  const url = new URL(baseUrl.replace(/\/$/, '') + source.path);
  url.searchParams.set('limit', String(source.pageSize));
  url.searchParams.set(source.fromParam, source.formatDate(from));
  url.searchParams.set(source.toParam, source.formatDate(to));
  for (const [k, v] of Object.entries(source.fixedParams)) url.searchParams.set(k, v);
  return url.toString();
}
