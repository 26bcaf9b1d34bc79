import { z } from 'zod';
import { publicReleaseDocument } from '../../services/export/public-export.ts';
import { PUBLIC_FORMATS, type PublicRelease } from '../../services/public-release.ts';

const safeCount = z
  .number()
  .int()
  .nullable()
  .describe('exact when 0 or at least k; null means between 1 and k − 1, withheld');

/**
 * The public release as anyone may read it: the whitelist is this schema (parse drops every other key), and it
 * names only codes, months and counts — no incident id, name, narrative, coordinate or place finer than admin-2.
 */
export const publicReleaseSchema = z.object({
  k: z.number().int(),
  cells: z.array(
    z.object({
      admin1Pcode: z.string().nullable(),
      admin2Pcode: z.string().nullable().describe('null when only the admin-1 of the incidents is known'),
      month: z.string().describe('YYYY-MM'),
      harm: z.string(),
      perpetrator: z.string(),
      incidents: z.number().int().describe('distinct verified incidents, at least k'),
      victims: z.number().int().describe('0 or at least k'),
    }),
  ),
  notes: z.object({
    codes: z.array(z.string()),
    suppressedCells: z.number().int(),
    coarsenedToAdmin1: safeCount,
    droppedWithoutLocation: safeCount,
    droppedInvalid: safeCount,
  }),
});

export const publicFormatSchema = z.enum(PUBLIC_FORMATS);

export function presentPublicRelease(release: PublicRelease): z.infer<typeof publicReleaseSchema> {
  return publicReleaseSchema.parse(publicReleaseDocument(release));
}
