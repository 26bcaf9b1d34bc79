import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';

/**
 * E-mail and password. Bad credentials and the rate limit get their own messages (never saying whether the
 * e-mail exists); a fresh install is told how the first administrator is created on the server.
 */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, setupNeeded } = useSession();
  const { path, search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    signIn(email.trim(), password).then(
      () => {
        if (path.replace(/\/+$/, '') === '/sign-in' || path === '/') navigate('/', search, { replace: true });
      },
      (err: unknown) => {
        setBusy(false);
        setPassword('');
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };

  const message = error ? messageOf(error, t) : null;
  return (
    <section className="page sign-in-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      <form onSubmit={submit} className="sign-in-form" noValidate>
        {message ? (
          <div className="error" role="alert" id="sign-in-error" data-code={error?.code}>
            <p>{message}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="si-email">{t('signIn.email')}</label>
          <input
            id="si-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={message ? 'sign-in-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="si-password">{t('signIn.password')}</label>
          <input
            id="si-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy || email.trim() === '' || password === ''}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      <section
        className={setupNeeded ? 'first-admin setup-needed' : 'first-admin'}
        aria-labelledby="first-admin-title"
        data-setup-needed={setupNeeded}
      >
        <h2 id="first-admin-title">{t('signIn.noAccount')}</h2>
        <p>{t('signIn.firstAdmin')}</p>
        <pre>
          <code>npx vigie users add --admin --email you@example.org</code>
        </pre>
        <p className="hint">{t('signIn.firstAdminHint')}</p>
      </section>
    </section>
  );
}

function messageOf(error: ApiError, t: ReturnType<typeof useI18n>['t']): string {
  const details = (error.details ?? {}) as { retryAfterSeconds?: number };
  if (error.code === 'RATE_LIMITED')
    return t('signIn.rateLimited', {
      minutes: Math.max(1, Math.ceil((details.retryAfterSeconds ?? 60) / 60)),
    });
  if (error.code === 'UNAUTHENTICATED') return t('signIn.badCredentials');
  if (error.code === 'NETWORK') return t('signIn.network');
  return `${error.message} [${error.code}]`;
}
