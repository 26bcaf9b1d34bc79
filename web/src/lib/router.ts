import { useSyncExternalStore } from 'react';

/**
 * Client-side routing over the History API: the path names the page, the query string holds the shared filters
 * and page options. pushState for every change a user makes, so the back button undoes it; popstate re-renders.
 */
const CHANGE = 'vigie:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  search: string;
  params: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const q = href.indexOf('?');
  const path = q < 0 ? href : href.slice(0, q);
  const search = q < 0 ? '' : href.slice(q + 1);
  return { path, search, params: new URLSearchParams(search) };
}

export function navigate(path: string, search: string, options: { replace?: boolean } = {}): void {
  const url = search === '' ? path : `${path}?${search}`;
  if (url === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/** Sets (or, with undefined, removes) query parameters on the current page. */
export function updateParams(
  changes: Record<string, string | undefined>,
  options: { replace?: boolean } = {},
): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  navigate(window.location.pathname, params.toString(), options);
}
