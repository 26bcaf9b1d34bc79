import type { FastifyInstance } from 'fastify';
import { canImportData } from '../../core/access.ts';
import { principal } from '../auth.ts';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { VigieError } from '../../core/errors.ts';
import { IMPORT_KINDS, type Vigie } from '../../services/vigie.ts';
import { importReportSchema, importRunSchema, presentImportReport } from '../presenters/imports.ts';
import type { RouteDoc } from '../route-registry.ts';
import { localeOfRequest } from '../locale.ts';
import { validate } from '../validate.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const importQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  skipInvalid: flag,
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  set: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .optional(),
  codeField: z.string().max(100).optional(),
  nameField: z.string().max(100).optional(),
  parentField: z.string().max(100).optional(),
  measure: z.string().max(100).optional(),
  fileName: z.string().max(255).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const importRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/imports',
    summary:
      'Upload a file to import (multipart field "file", or the raw bytes with content-type text/csv or application/octet-stream); options in the query string',
    tags: ['imports'],
    query: importQuery,
    upload: { fields: { file: 'the file to import' } },
    responses: {
      200: { description: 'the import report (stored: true)', schema: importReportSchema },
      422: {
        description: 'the file was rejected; nothing was stored; the report lists the issues',
        schema: importReportSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/imports',
    summary: 'Import history, newest first',
    tags: ['imports'],
    query: listQuery,
    responses: {
      200: { description: 'import runs', schema: z.object({ imports: z.array(importRunSchema) }) },
    },
  },
];

export function registerImportRoutes(app: FastifyInstance, vigie: Vigie): void {
  // Raw uploads reach the handler as a stream: the importer reads it chunk by chunk, never whole.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel'],
    (_req, payload, done) => done(null, payload),
  );

  app.post('/api/v1/imports', async (request, reply) => {
    if (!canImportData(principal(request))) throw new VigieError('FORBIDDEN');
    const query = validate(importQuery, request.query);
    const locale = localeOfRequest(request);
    let stream: Readable;
    let name = query.fileName ?? 'upload';
    if (request.isMultipart()) {
      const part = await request.file();
      if (part === undefined || part.fieldname !== 'file') {
        throw new VigieError('VALIDATION_FAILED', { reason: 'multipart field "file" missing' });
      }
      stream = part.file;
      name = query.fileName ?? part.filename;
    } else if (
      request.body !== undefined &&
      request.body !== null &&
      typeof (request.body as Readable).pipe === 'function'
    ) {
      stream = request.body as Readable;
    } else {
      throw new VigieError('UNSUPPORTED_FORMAT', { format: request.headers['content-type'] ?? 'none' });
    }
    const { kind, fileName: _f, lang: _l, ...options } = query;
    const report = await vigie.importFile(kind, { name, chunks: () => stream }, options);
    // Drain what the importer did not read (a rejected file), so the client receives the answer cleanly.
    stream.resume();
    return reply.status(report.stored ? 200 : 422).send(presentImportReport(locale, report));
  });

  app.get('/api/v1/imports', async (request) => {
    const { limit } = validate(listQuery, request.query);
    return { imports: (await vigie.importRuns(limit)).map((r) => importRunSchema.parse(r)) };
  });
}
