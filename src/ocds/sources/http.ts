// Fetching one page of an OCDS API politely and robustly: a minimum interval between requests, Retry-After
// honoured on 429 (and the source's throttle statuses), exponential back-off with jitter for 5xx, resets and
// timeouts, a bounded number of attempts; a truncated or invalid page counts as a failed attempt, so it is
// retried and, in the end, reported — never half-stored.
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { AppError } from '../../errors.js';
import type { JsonObject } from '../types.js';

export interface FetchPolicy {
  minIntervalMs: number;
  retryStatuses: number[];
  /** Wait after a throttle status without Retry-After. */
  throttleWaitMs: number;
  retries: number;
  /** First back-off for 5xx/network failures; doubles each attempt, with jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
  /** Cap on Retry-After so a hostile header cannot park the sync for days. */
  maxRetryAfterMs: number;
}

export const defaultPolicy: Omit<FetchPolicy, 'minIntervalMs' | 'retryStatuses' | 'throttleWaitMs'> = {
  retries: 6,
  backoffMs: 1000,
  maxBackoffMs: 60_000,
  timeoutMs: 60_000,
  maxRetryAfterMs: 15 * 60_000,
};

export interface PageResult {
  url: string;
  page: JsonObject;
  bytes: number;
  attempts: number;
  /** Milliseconds spent waiting on the network (request to last body byte), for the bench. */
  networkMs: number;
}

export interface FetchEvents {
  onRetry?(info: { url: string; attempt: number; reason: string; waitMs: number }): void;
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

/** Seconds or an HTTP date, as RFC 9110 §10.2.3 allows. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A page must be a JSON object with a `releases` array (possibly empty). */
function checkPage(text: string, url: string): JsonObject {
  let page: unknown;
  try {
    page = JSON.parse(text);
  } catch (e) {
    throw new RetryableError(`invalid or truncated JSON from ${url}: ${(e as Error).message}`);
  }
  if (
    !page ||
    typeof page !== 'object' ||
    Array.isArray(page) ||
    !Array.isArray((page as JsonObject).releases)
  ) {
    throw new RetryableError(`the page from ${url} is not an OCDS release package (no "releases" array)`);
  }
  return page as JsonObject;
}

export class PageFetcher {
  private lastRequestAt = 0;
  requests = 0;
  retries = 0;

  constructor(
    private readonly policy: FetchPolicy,
    private readonly events: FetchEvents = {},
  ) {}

  private async politeWait(): Promise<void> {
    const wait = this.lastRequestAt + this.policy.minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastRequestAt = Date.now();
  }

  private async attempt(url: string): Promise<PageResult & { networkMs: number }> {
    await this.politeWait();
    this.requests++;
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        headers: {
          accept: 'application/json',
          'user-agent': 'missionbuy (open-source; mission-led procurement)',
        },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      if (this.policy.retryStatuses.includes(res.status)) {
        await res.body?.cancel();
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
        const throttled = res.status === 429 || res.status === 403;
        throw new RetryableError(
          `HTTP ${res.status} from ${url}`,
          retryAfter ?? (throttled ? this.policy.throttleWaitMs : undefined),
        );
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new AbortError(`HTTP ${res.status} from ${url}`);
      }
      text = await res.text();
    } catch (e) {
      if (e instanceof RetryableError || e instanceof AbortError) throw e;
      // Resets, refused connections, timeouts and bodies cut short all land here.
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new RetryableError(
        `network error from ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
      );
    }
    const networkMs = performance.now() - started;
    return { url, page: checkPage(text, url), bytes: Buffer.byteLength(text), attempts: 1, networkMs };
  }

  /** Fetches and checks one page, retrying as the policy says. Throws AppError('UPSTREAM') when it gives up. */
  async fetchPage(url: string): Promise<PageResult> {
    let attempts = 0;
    try {
      const result = await pRetry(
        async () => {
          attempts++;
          return this.attempt(url);
        },
        {
          retries: this.policy.retries,
          factor: 2,
          minTimeout: this.policy.backoffMs,
          maxTimeout: this.policy.maxBackoffMs,
          randomize: true,
          onFailedAttempt: async (error) => {
            if (error.retriesLeft === 0) return;
            this.retries++;
            // Retry-After (or the source's throttle wait) replaces the exponential back-off for this attempt.
            const wanted = (error as unknown as { waitMs?: number }).waitMs;
            const waitMs = wanted === undefined ? 0 : Math.min(wanted, this.policy.maxRetryAfterMs);
            this.events.onRetry?.({ url, attempt: error.attemptNumber, reason: error.message, waitMs });
            if (waitMs > 0) await sleep(waitMs);
          },
        },
      );
      return { ...result, attempts };
    } catch (e) {
      throw new AppError(
        'UPSTREAM',
        `gave up on ${url} after ${attempts} attempts: ${(e as Error).message}`,
        {
          cause: e,
        },
      );
    }
  }
}
