// Expected failures are typed errors with a code; the code maps once to an HTTP status and a CLI exit code.

export const errorCodes = {
  BAD_INPUT: { http: 400, exit: 65 }, // EX_DATAERR: the input cannot be used
  BAD_REQUEST: { http: 400, exit: 64 }, // EX_USAGE: wrong arguments
  NOT_FOUND: { http: 404, exit: 66 }, // EX_NOINPUT
  CONFLICT: { http: 409, exit: 75 }, // EX_TEMPFAIL: try again
  FORBIDDEN: { http: 403, exit: 77 }, // EX_NOPERM
  UNAUTHENTICATED: { http: 401, exit: 77 },
  UPSTREAM: { http: 502, exit: 69 }, // EX_UNAVAILABLE: a source or the database failed
  CONFIG: { http: 500, exit: 78 }, // EX_CONFIG
  INTERNAL: { http: 500, exit: 70 }, // EX_SOFTWARE
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get exitCode(): number {
    return errorCodes[this.code].exit;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
