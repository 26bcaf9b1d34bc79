import type { FastifyRequest } from 'fastify';
import { parseLocale, type Locale } from '../i18n/t.ts';

/** ?lang= wins, then the Accept-Language header, then French. */
export function localeOfRequest(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = typeof query?.['lang'] === 'string' ? query['lang'] : undefined;
  return parseLocale(lang ?? request.headers['accept-language']?.split(',')[0]);
}
