import type { RowIssue } from './issues.ts';

/**
 * Errors are data: a stable code plus details. HTTP statuses live in src/http/error-status.ts and exit codes in
 * src/cli/exit-codes.ts; both map every code exhaustively, so adding a code here fails the typecheck until it is
 * mapped at both edges. Wording lives in the locale files under `error.<CODE>`.
 */
export const ERROR_CODES = [
  'BAD_USAGE', // wrong flags or arguments
  'VALIDATION_FAILED', // a request body or query failed its schema
  'INPUT_REJECTED', // an input file had problems; nothing was stored
  'NOT_FOUND',
  'UNSUPPORTED_FORMAT',
  'PAYLOAD_TOO_LARGE',
  'STORAGE_UNAVAILABLE', // cannot open or reach the database
  'UNAUTHENTICATED', // no valid session or API token
  'FORBIDDEN', // authenticated, but the role, organisation or region scope does not allow it
  'CSRF_FAILED', // a cookie-authenticated change without the session's CSRF token
  'RATE_LIMITED', // too many failed logins
  'CONFLICT', // the record changed or already exists (e.g. an e-mail in use, a transition not allowed from this state)
  'KEY_UNAVAILABLE', // the key-encryption key file is missing, insecure, malformed or wrong
  'AUDIT_UNAVAILABLE', // the audit entry could not be written, so the protected data is not returned
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class VigieError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly issues: RowIssue[];

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, issues: RowIssue[] = []) {
    super(`${code}${Object.keys(details).length > 0 ? ` ${JSON.stringify(details)}` : ''}`);
    this.name = 'VigieError';
    this.code = code;
    this.details = details;
    this.issues = issues;
  }
}

export function isVigieError(error: unknown): error is VigieError {
  return error instanceof VigieError;
}
