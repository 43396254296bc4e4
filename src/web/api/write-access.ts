// What the API's signed-in writes share (pipeline, KPI library): the error responses they document and the
// signed-in actor behind a write (the session plugin has read the session and checked X-CSRF-Token).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Actor } from '../../services/authz.js';

export const readErrors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;
export const writeErrors = {
  ...readErrors,
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;

/** The signed-in user behind a write; 401 without a session. */
export function writer(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return request.actor;
}
