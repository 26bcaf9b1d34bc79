import type { z } from 'zod';
import { VigieError } from '../core/errors.ts';

/**
 * Parses CLI flags or a query string with the schema both edges share; a failure becomes BAD_USAGE (CLI) or
 * VALIDATION_FAILED (HTTP) with every path at fault, so neither edge words its own validation errors.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: 'BAD_USAGE' | 'VALIDATION_FAILED',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const reason = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new VigieError(code, {
    reason,
    issues: result.error.issues.map((i) => ({ path: i.path, message: i.message })),
  });
}
