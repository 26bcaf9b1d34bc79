import type { ApiErrorBody, ImportReport } from './types.ts';

/** A coded API error ({error:{code,message,details}}), or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let acceptLanguage = 'fr';
/** The locale the server uses for its messages (issue lists, errors). */
export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as ApiErrorBody;
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      text.slice(0, 200) || response.statusText,
    );
  }
}

/** Fired when the server answers 401 to a signed-in request: the session context shows the sign-in page. */
export const UNAUTHENTICATED_EVENT = 'vigie:unauthenticated';

/** The CSRF token the server set in the readable `vigie_csrf` cookie (double-submit, src/http/auth.ts). */
export function csrfToken(): string {
  const found = document.cookie.split(';').find((c) => c.trim().startsWith('vigie_csrf='));
  return found ? decodeURIComponent(found.trim().slice('vigie_csrf='.length)) : '';
}

/** fetch with the session cookie, the CSRF header on changes, and 401 → sign-in (except the sign-in call). */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  headers.set('accept-language', acceptLanguage);
  if (method !== 'GET' && method !== 'HEAD') headers.set('x-csrf-token', csrfToken());
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', String(error));
  }
  if (response.status === 401 && path !== '/api/v1/auth/login')
    window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, signal ? { signal } : {});
  return (await response.json()) as T;
}

/** POSTs (or PUTs…) a JSON body; resolves with the parsed answer, rejects with an ApiError. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await request(path, init);
  return (await response.json()) as T;
}

const withQuery = (path: string, query: string): string => (query === '' ? path : `${path}?${query}`);

/** URLs of every endpoint the app reads; `query` is a filter query string (lib/filters.ts). */
export const api = {
  stats: (query: string) => withQuery('/api/v1/stats', query),
  events: (query: string) => withQuery('/api/v1/events', query),
  event: (id: number | string) => `/api/v1/events/${encodeURIComponent(String(id))}`,
  points: (query: string) => withQuery('/api/v1/events/points', query),
  aggregates: (query: string) => withQuery('/api/v1/aggregates', query),
  map: (query: string) => withQuery('/api/v1/map', query),
  boundaries: (level: 1 | 2, country = 'MLI') => `/api/v1/boundaries?level=${level}&country=${country}`,
  bases: () => '/api/v1/bases',
  coverage: () => '/api/v1/coverage',
  imports: () => '/api/v1/imports?limit=100',
  download: (format: 'csv' | 'geojson' | 'hxl', query: string) =>
    withQuery('/api/v1/events', [query, `format=${format}`].filter((s) => s !== '').join('&')),
};

/** Reference data (boundaries, bases) changes only on import: read once per page load and shared. */
const reference = new Map<string, Promise<unknown>>();
export function getReference<T>(path: string): Promise<T> {
  let pending = reference.get(path);
  if (pending === undefined) {
    pending = getJson<T>(path);
    pending.catch(() => reference.delete(path));
    reference.set(path, pending);
  }
  return pending as Promise<T>;
}
export function forgetReference(): void {
  reference.clear();
}

export type {
  Aggregates,
  Base,
  Boundaries,
  Coverage,
  EventDetail,
  EventPage,
  EventPoints,
  ImportRun,
  MapCells,
  Stats,
} from './types.ts';

/**
 * Uploads a file with XMLHttpRequest, the one browser API that reports upload progress. Resolves with the
 * report for 200 (stored) and 422 (rejected: the report lists the issues); rejects with an ApiError otherwise.
 */
export function uploadImport(
  query: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<{ status: number; report: ImportReport }>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ status: number; report: ImportReport }>((resolve, reject) => {
    xhr.open('POST', `/api/v1/imports?${query}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', acceptLanguage);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'aborted'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, `HTTP_${xhr.status}`, xhr.responseText.slice(0, 200)));
        return;
      }
      if (xhr.status === 200 || xhr.status === 422) {
        resolve({ status: xhr.status, report: body as ImportReport });
        return;
      }
      const error = (body as ApiErrorBody).error;
      if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
      reject(
        new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? '', error?.details),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
