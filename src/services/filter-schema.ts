import { z } from 'zod';
import { PERPETRATOR_CATEGORIES } from '../core/event.ts';
import type { EventFilter } from '../core/filters.ts';
import { parseInput } from './parse-input.ts';
import { countryCode } from './param-schemas.ts';

/** A day, or a month that stands for its first (from) or last (to) day. */
const day = (edge: 'from' | 'to') =>
  z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM')
    .transform((v) => (v.length === 7 ? `${v}-${edge === 'from' ? '01' : '31'}` : v));

/** The shared filters, validated the same way for the CLI flags and the HTTP query string. */
export const eventFilterSchema = z
  .object({
    country: countryCode.optional(),
    from: day('from').optional(),
    to: day('to').optional(),
    admin1: z.string().min(1).max(100).optional(),
    admin2: z.string().min(1).max(20).optional(),
    source: z.enum(['acled', 'ucdp']).optional(),
    type: z.string().min(1).max(100).optional(),
    perpetrator: z.enum(PERPETRATOR_CATEGORIES).optional(),
    civilianOnly: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
      .transform((v) => v === true || v === 'true' || v === '1')
      .optional(),
  })
  .strict();

export function parseEventFilter(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): EventFilter {
  const data = parseInput(eventFilterSchema, input, code);
  const f: EventFilter = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined) Object.assign(f, { [k]: v });
  return f;
}
