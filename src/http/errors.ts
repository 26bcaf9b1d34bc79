import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isVigieError, type ErrorCode } from '../core/errors.ts';
import { t, type Locale } from '../i18n/t.ts';
import { httpStatusFor } from './error-status.ts';
import { localeOfRequest } from './locale.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(locale: Locale, code: ErrorCode, details: Record<string, unknown> = {}): ErrorBody {
  const params = Object.fromEntries(
    Object.entries(details).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
  return { error: { code, message: t(locale, `error.${code}`, params), details } };
}

/**
 * The one error handler: coded errors keep their code; Fastify's own (body too large, bad JSON) are mapped to
 * ours; anything else is logged and answered as INTERNAL without its message, which might carry data.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const locale = localeOfRequest(request);
  if (isVigieError(error)) {
    const details = error.issues.length > 0 ? { ...error.details, issues: error.issues } : error.details;
    void reply.status(httpStatusFor(error.code)).send(errorBody(locale, error.code, details));
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyCode === 'FST_REQ_FILE_TOO_LARGE') {
    void reply.status(413).send(errorBody(locale, 'PAYLOAD_TOO_LARGE'));
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    void reply.status(400).send(errorBody(locale, 'VALIDATION_FAILED', { reason: error.message }));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(errorBody(locale, 'INTERNAL'));
}
