import { useEffect, useState } from 'react';
import { ApiError, getJson, getReference } from './api.ts';

export interface Fetched<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * GETs `url` (null: nothing) and re-GETs when it changes; an answer for an older URL is dropped. The previous
 * data stays while the next loads, so a filter change does not blank the page. `version` forces a reload.
 */
export function useFetch<T>(
  url: string | null,
  options: { reference?: boolean; version?: number } = {},
): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({
    data: undefined,
    error: undefined,
    loading: url !== null,
  });
  const { reference = false, version = 0 } = options;
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const request = reference ? getReference<T>(url) : getJson<T>(url, controller.signal);
    request.then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
        setState({ data: undefined, error: e, loading: false });
      },
    );
    return () => controller.abort();
  }, [url, reference, version]);
  return state;
}
