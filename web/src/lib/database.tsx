import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, forgetReference } from './api.ts';
import type { Stats } from './types.ts';
import { useFetch, type Fetched } from './use-fetch.ts';

/**
 * What the whole store holds (unfiltered stats): tells an empty database (explain how to load data) from a filter
 * that matches nothing. `refresh` after an import reloads it and the cached reference data.
 */
interface Database {
  totals: Fetched<Stats>;
  empty: boolean | undefined;
  version: number;
  refresh: () => void;
}

const Context = createContext<Database | null>(null);

export function DatabaseProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const totals = useFetch<Stats>(api.stats(''), { version });
  const refresh = useCallback(() => {
    forgetReference();
    setVersion((v) => v + 1);
  }, []);
  const empty = totals.data === undefined ? undefined : totals.data.events === 0;
  const value = useMemo(() => ({ totals, empty, version, refresh }), [totals, empty, version, refresh]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDatabase(): Database {
  const value = useContext(Context);
  if (value === null) throw new Error('useDatabase outside DatabaseProvider');
  return value;
}
