import type { ErrorCode } from '../core/errors.ts';

/** The one mapping from error codes to HTTP statuses; exhaustive, so a new code must be placed here. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USAGE':
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'KEY_UNAVAILABLE':
    case 'AUDIT_UNAVAILABLE':
      return 503;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_FORMAT':
      return 415;
    case 'INPUT_REJECTED':
      return 422;
    case 'STORAGE_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}
