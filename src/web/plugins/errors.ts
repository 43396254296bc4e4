// Errors mapped in one place: AppError codes and Fastify's own errors → HTTP status; the message is shown only
// below 500; stacks never in production; HTML pages for the site, JSON `{ error: { code, message } }` for /api.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { isAppError } from '../../errors.js';
import type { Views } from '../views.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export const isApiRequest = (request: FastifyRequest): boolean => /^\/api(\/|$|\?)/.test(request.url);

export function classify(err: FastifyError | Error): { status: number; code: string } {
  if (isAppError(err)) return { status: err.httpStatus, code: err.code };
  const fe = err as FastifyError;
  if (fe.validation) return { status: 400, code: 'BAD_REQUEST' };
  const status =
    typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
  return { status, code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST') };
}

const SERVER_PROBLEM = 'Sorry, there is a problem with the service';

export function registerErrorHandlers(app: FastifyInstance, deps: { config: Config; views: Views }): void {
  const { config, views } = deps;

  const notFoundPage = (request: FastifyRequest, reply: FastifyReply, message?: string) =>
    views.page(
      request,
      reply,
      'errors/error.njk',
      {
        title: 'Page not found',
        heading: 'Page not found',
        paragraphs: message
          ? [message]
          : [
              'If you typed the web address, check it is correct.',
              'If you pasted the web address, check you copied the entire address.',
            ],
      },
      404,
    );

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, code } = classify(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code, status, message: err.message }, 'request refused');
    const message = status < 500 ? err.message : SERVER_PROBLEM;

    if (isApiRequest(request)) {
      const body: ErrorBody = { error: { code, message } };
      return reply.code(status).type('application/json; charset=utf-8').send(body);
    }
    if (status === 404) return notFoundPage(request, reply, message);
    const heading =
      status >= 500 ? SERVER_PROBLEM : status === 429 ? 'Too many requests' : 'There is a problem';
    return views.page(
      request,
      reply,
      'errors/error.njk',
      {
        title: heading,
        heading,
        paragraphs: status >= 500 ? ['Try again later.'] : [message],
        stack: !config.production && status >= 500 ? err.stack : undefined,
      },
      status,
    );
  });

  app.setNotFoundHandler((request, reply) => {
    request.log.info({ url: request.url }, 'not found');
    if (isApiRequest(request)) {
      const body: ErrorBody = {
        error: { code: 'NOT_FOUND', message: `There is no ${request.method} ${request.url.split('?')[0]}` },
      };
      return reply.code(404).type('application/json; charset=utf-8').send(body);
    }
    return notFoundPage(request, reply);
  });
}
