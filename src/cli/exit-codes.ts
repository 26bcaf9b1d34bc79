import type { ErrorCode } from '../core/errors.ts';

/** DESIGN §6: 0 success, 1 runtime failure, 2 bad usage, 3 input rejected (nothing stored). */
export const EXIT = { ok: 0, failure: 1, usage: 2, rejected: 3 } as const;

/** The one mapping from error codes to exit codes; exhaustive, so a new code must be placed here. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USAGE':
    case 'VALIDATION_FAILED':
    case 'UNSUPPORTED_FORMAT':
      return EXIT.usage;
    case 'CONFLICT':
    case 'INPUT_REJECTED':
    case 'PAYLOAD_TOO_LARGE':
      return EXIT.rejected;
    case 'NOT_FOUND':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
    case 'RATE_LIMITED':
    case 'KEY_UNAVAILABLE':
    case 'AUDIT_UNAVAILABLE':
    case 'STORAGE_UNAVAILABLE':
    case 'INTERNAL':
      return EXIT.failure;
  }
}
