// Further rate-limit counters on one route. A route's own `config.rateLimit` marks the request as limited, so the
// plugin's hook skips any other limit on it: each further counter (another key, another ceiling) is checked by
// hand in a preHandler, and the first one exceeded answers 429 with Retry-After.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface Counter {
  max: number;
  timeWindow: string;
  /** What the counter counts by (an address, an email address, an opportunity); '' is not counted. */
  key: (request: FastifyRequest) => string;
  /** The 429 page's message. */
  message: string;
}

/** A preHandler that counts the request on every counter, in order, and refuses it when one is exceeded. */
export function extraLimits(app: FastifyInstance, name: string, counters: readonly Counter[]) {
  const limits = counters.map((c, i) => ({
    counter: c,
    check: app.createRateLimit({
      max: c.max,
      timeWindow: c.timeWindow,
      keyGenerator: (request) => `${name}:${i}:${c.key(request)}`,
    }),
  }));
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    for (const { counter, check } of limits) {
      if (counter.key(request) === '') continue;
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(limit.ttlInSeconds));
        throw Object.assign(new Error(counter.message), { statusCode: 429 });
      }
    }
  };
}
