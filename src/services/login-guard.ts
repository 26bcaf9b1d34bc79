import { VigieError } from '../core/errors.ts';
import type { AccountsPort } from './ports/protection-port.ts';

/** Five failures in 15 minutes lock an e-mail (and, at 20, an address) until the window passes. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Refuses with RATE_LIMITED (and the wait in seconds) once `key` has `max` failures in the window. Every place
 * that checks a password goes through here — sign-in and password change alike — so no path allows endless guesses.
 */
export async function refuseWhenLocked(
  accounts: Pick<AccountsPort, 'loginFailuresSince'>,
  now: () => string,
  key: string,
  max: number,
): Promise<void> {
  const nowMs = Date.parse(now());
  const since = new Date(nowMs - FAILURE_WINDOW_MS).toISOString();
  const { count, oldest } = await accounts.loginFailuresSince(key, since);
  if (count < max) return;
  const retry = Math.max(1, Math.ceil((Date.parse(oldest ?? since) + FAILURE_WINDOW_MS - nowMs) / 1000));
  throw new VigieError('RATE_LIMITED', { retryAfterSeconds: retry });
}
