import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getJson, UNAUTHENTICATED_EVENT } from './api.ts';
import { incidentApi, login, logout } from './incident-api.ts';
import type { Me, User } from './incident-types.ts';

/**
 * Who is signed in (GET /api/v1/auth/me). `user` is undefined while the first answer is awaited, null when
 * anonymous. Any 401 from the API (an expired session) drops the user, which shows the sign-in page.
 */
interface Session {
  user: User | null | undefined;
  /** True on a fresh install with no account yet: the sign-in page then leads with the first-admin command. */
  setupNeeded: boolean;
  error: ApiError | undefined;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const Context = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [setupNeeded, setSetupNeeded] = useState(false);

  const load = useCallback(() => {
    getJson<Me>(incidentApi.me()).then(
      (me) => {
        setError(undefined);
        setSetupNeeded(me.setupNeeded);
        setUser(me.user);
      },
      (e: unknown) => {
        setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
        setUser(null);
      },
    );
  }, []);

  useEffect(() => {
    load();
    const dropped = () => setUser(null);
    window.addEventListener(UNAUTHENTICATED_EVENT, dropped);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, dropped);
  }, [load]);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await login(email, password);
    setError(undefined);
    setUser(answer.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo(
    () => ({ user, setupNeeded, error, signIn, signOut }),
    [user, setupNeeded, error, signIn, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const value = useContext(Context);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
