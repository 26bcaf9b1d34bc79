import { useEffect, useRef, type ReactNode } from 'react';
import '../incidents.css';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { PublicReleasePage } from '../pages/PublicReleasePage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link } from './Link.tsx';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

/**
 * Signed in: the app (children). Anonymous: only the sign-in page and the public release, in a shell of their
 * own, so no page that needs an account ever asks the API for data.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { user, error } = useSession();
  const { path, search } = useLocation();
  const onSignIn = path.replace(/\/+$/, '') === '/sign-in';
  useEffect(() => {
    if (user && onSignIn) navigate('/', search, { replace: true });
  }, [user, onSignIn, search]);
  if (user === undefined) return <Loading />;
  if (user === null) return <AnonymousShell error={error} />;
  return <>{children}</>;
}

function AnonymousShell({ error }: { error: ReturnType<typeof useSession>['error'] }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const isPublic = path.replace(/\/+$/, '') === '/public';
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${isPublic ? t('nav.public') : t('signIn.title')} · vigie`;
  }, [isPublic, t]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">vigie</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link to="/sign-in" search="" current={!isPublic}>
                {t('signIn.title')}
              </Link>
            </li>
            <li>
              <Link to="/public" search="" current={isPublic}>
                {t('nav.public')}
              </Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {error && error.code !== 'UNAUTHENTICATED' ? <ErrorMessage error={error} /> : null}
        {isPublic ? <PublicReleasePage /> : <SignInPage />}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
