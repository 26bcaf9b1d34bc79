import type { z } from 'zod';
import { VigieError } from '../core/errors.ts';

/** Parses a request part with its zod schema; failures become VALIDATION_FAILED with the paths at fault. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new VigieError('VALIDATION_FAILED', {
    issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}
