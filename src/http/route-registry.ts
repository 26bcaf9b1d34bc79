import { z } from 'zod';

/** What the OpenAPI document says of a route; routes declare it beside their handler. */
export interface RouteDoc {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  /** Path parameters (`:id`), when the path has any. */
  params?: z.ZodObject;
  /** For JSON bodies; uploads describe themselves with `upload`. */
  body?: z.ZodType;
  upload?: { fields: Record<string, string> };
  responses: Record<
    number,
    {
      description: string;
      schema?: z.ZodType;
      contentTypes?: string[];
      /** Content types of the file answers the route may send instead (format=csv…): a document, no schema. */
      downloads?: string[];
    }
  >;
}

/** A documenter for one tag's routes: the common parts filled in, a plain 200 unless the route says more. */
export function routeDocsFor(tag: string) {
  return (
    method: 'get' | 'post',
    path: string,
    summary: string,
    extra: Partial<RouteDoc> = {},
  ): RouteDoc => ({
    method,
    path,
    summary,
    tags: [tag],
    responses: { 200: { description: 'ok' } },
    ...extra,
  });
}

/** The answer of a change that has nothing else to say (sign-out, a member added, a link confirmed…). */
export const okSchema = z.object({ ok: z.literal(true) });

/** The `lang` query parameter every route accepts (the answer's language; errors and names follow it). */
export const langParam = z.enum(['fr', 'en']).optional();

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Builds the OpenAPI 3.1 document from the routes' zod schemas, so it can never drift from validation. */
export function openApiDocument(routes: readonly RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const describe = (where: 'query' | 'path', shape: z.ZodObject | undefined) =>
      Object.entries(shape?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: where,
        required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
        schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      }));
    const parameters = [...describe('path', r.params), ...describe('query', r.query)];
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const types = res.contentTypes ?? ['application/json'];
      const content = {
        ...(res.schema
          ? Object.fromEntries(
              types.map((ct) => [
                ct,
                { schema: z.toJSONSchema(res.schema as z.ZodType, { unrepresentable: 'any' }) },
              ]),
            )
          : {}),
        ...Object.fromEntries((res.downloads ?? []).map((ct) => [ct, {}])),
      };
      responses[status] = {
        description: res.description,
        ...(Object.keys(content).length > 0 ? { content } : {}),
      };
    }
    responses['default'] = {
      description: 'error',
      content: { 'application/json': { schema: z.toJSONSchema(errorSchema) } },
    };
    const operation: Record<string, unknown> = { summary: r.summary, tags: r.tags, parameters, responses };
    if (r.body)
      operation['requestBody'] = {
        content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input' }) } },
      };
    if (r.upload) {
      operation['requestBody'] = {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: Object.fromEntries(
                Object.entries(r.upload.fields).map(([k, d]) => [
                  k,
                  k === 'file'
                    ? { type: 'string', format: 'binary', description: d }
                    : { type: 'string', description: d },
                ]),
              ),
              required: ['file'],
            },
          },
        },
      };
    }
    (paths[path] ??= {})[r.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'vigie API',
      version,
      description: 'Conflict events, civilian harm and early warning for the protection of civilians.',
    },
    paths,
  };
}
