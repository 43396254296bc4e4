// What the API's write routes share (pipeline, engagement, social value, KPI library): the error responses they declare and the signed-in
// user behind a write (the session plugin has read the session and checked the X-CSRF-Token header).
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

export function writer(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return request.actor;
}
