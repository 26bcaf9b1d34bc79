/**
 * Types of the HTTP API read from the generated lib/api-schema.ts (docs/openapi.json), so the web app cannot drift
 * from the server's zod schemas: `ApiResponse<'/api/v1/stats'>` is the JSON of a 200 (or 201) answer,
 * `ApiBody<'/api/v1/alerts'>` the JSON body of a POST, `ApiQuery<'/api/v1/map'>` the query parameters.
 */
import type { paths } from './api-schema.ts';

export type ApiPath = keyof paths;
type Method = 'get' | 'post';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<Responses> = Responses extends { 200: infer R }
  ? Json<R>
  : Responses extends { 201: infer R }
    ? Json<R>
    : never;

/** The JSON answer of a successful request (200, else 201). */
export type ApiResponse<P extends ApiPath, M extends Method = 'get'> = Success<Operation<P, M>['responses']>;

/** The JSON answer for one status (e.g. 422 for a rejected import). */
export type ApiResponseFor<P extends ApiPath, Status extends number, M extends Method = 'get'> =
  Operation<P, M>['responses'] extends Record<Status, infer R> ? Json<R> : never;

/** The JSON request body of a route. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> = Json<
  NonNullable<Operation<P, M>['requestBody']>
>;

/** The query parameters of a route. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** The body of every error answer: `{error: {code, message, details}}`. */
export type ApiErrorBody = Json<Operation<'/api/v1/stats', 'get'>['responses']['default']>;

/** The element type of an array type. */
export type Item<A> = A extends readonly (infer T)[] ? T : never;

/**
 * A list of exactly the members of a union, in the order the app shows them: `allOf<Severity>()(['low', …])`
 * fails the typecheck when the list leaves a member out or names one the server does not declare.
 */
export const allOf =
  <U extends string | number>() =>
  <const L extends readonly U[]>(
    list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> }),
  ): L =>
    list;

/**
 * A request body as a form builds it: the server's field names and nesting (a misspelt or unknown field fails the
 * typecheck; the server refuses unknown fields), any value at the leaves. Forms send what their inputs hold and show
 * the server's VALIDATION_FAILED issues beside the fields, so the server stays the one validator.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> | null }
    : unknown;
