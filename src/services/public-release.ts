import { z } from 'zod';
import {
  PUBLIC_RELEASE_DEFAULT_K,
  PUBLIC_RELEASE_MAX_K,
  PUBLIC_RELEASE_MIN_K,
  checkK,
  publicReleaseCells,
  type PublicRelease,
} from '../analysis/public-release.ts';
import {
  exportPublicRelease,
  PUBLIC_FORMATS,
  type PublicExport,
  type PublicFormat,
} from './export/public-export.ts';
import { parseInput } from './parse-input.ts';
import type { PublicReleasePort } from './ports/public-release-port.ts';

export { PUBLIC_FORMATS, PUBLIC_RELEASE_DEFAULT_K, PUBLIC_RELEASE_MIN_K };
export type { PublicFormat, PublicRelease };
export type { PublicCell, PublicReleaseNotes, SafeCount } from '../analysis/public-release.ts';

const kSchema = (min: number) =>
  z.coerce.number().int().min(min).max(PUBLIC_RELEASE_MAX_K).default(PUBLIC_RELEASE_DEFAULT_K);

/** The operator's parameters (CLI): k may go down to PUBLIC_RELEASE_MIN_K for a deliberate, reviewed release. */
export const publicReleaseParamsObject = z
  .object({ k: kSchema(PUBLIC_RELEASE_MIN_K), format: z.enum(PUBLIC_FORMATS).default('json') })
  .strict();

/**
 * The anonymous API's parameters: k never below the default. Whoever can choose k chooses the protection, and
 * the API answers anyone, so it may only ask for stricter releases (which reveal nothing more, the release being
 * monotone in k).
 */
export const publicApiParamsObject = z
  .object({ k: kSchema(PUBLIC_RELEASE_DEFAULT_K), format: z.enum(PUBLIC_FORMATS).default('json') })
  .strict();

export type PublicReleaseRequest = z.output<typeof publicReleaseParamsObject>;

export function parsePublicReleaseParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED') {
  return parseInput(publicReleaseParamsObject, input, code);
}

export interface PublicReleaseResult extends PublicExport {
  format: PublicFormat;
  release: PublicRelease;
}

/** Reads the counted incidents, suppresses small cells (analysis/public-release.ts) and renders the format. */
export async function publicRelease(
  port: PublicReleasePort,
  request: { k?: number; format?: PublicFormat },
): Promise<PublicReleaseResult> {
  const k = request.k ?? PUBLIC_RELEASE_DEFAULT_K;
  const format = request.format ?? 'json';
  checkK(k); // before reading anything
  const release = publicReleaseCells(await port.verifiedIncidentCells(), k);
  return { format, release, ...exportPublicRelease(release, format) };
}
