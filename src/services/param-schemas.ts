/**
 * Parameter schemas shared by the CLI flags and the HTTP query strings of several commands, so a country, a month
 * or a bounded count is read and refused the same way everywhere.
 */
import { z } from 'zod';

/** ISO 3166-1 alpha-3, any case in, upper case out. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'ISO 3166-1 alpha-3')
  .transform((v) => v.toUpperCase());

/** A calendar month, YYYY-MM. */
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** A whole number in [min, max] from a flag or a query string, `fallback` when absent. */
export const boundedInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
