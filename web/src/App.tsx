import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { FilterBar } from './components/FilterBar.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Link } from './components/Link.tsx';
import { I18nProvider, useI18n, type MessageKey } from './i18n/i18n.tsx';
import { DatabaseProvider, useDatabase } from './lib/database.tsx';
import { useLocation } from './lib/router.ts';
import { DataPage } from './pages/DataPage.tsx';
import { EventsPage } from './pages/EventsPage.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Overview } from './pages/Overview.tsx';
import { TrendsPage } from './pages/TrendsPage.tsx';
import { Loading } from './components/StatusMessage.tsx';
import { SessionGate } from './components/SessionGate.tsx';
import { SessionMenu } from './components/SessionMenu.tsx';
import { mayOpen } from './lib/roles.ts';
import { SessionProvider, useSession } from './lib/session.tsx';
import { INCIDENT_PAGES, linkedIncidentPage } from './pages/incident-pages.ts';
import { ALERT_PAGES, linkedAlertPage } from './pages/alert-pages.ts';
import { linkedAreaPage } from './pages/area-pages.ts';
import { NotAllowed } from './pages/NotAllowed.tsx';

/** Leaflet and h3-js are loaded with the map page only: the other pages open faster on a slow link. */
const MapPage = lazy(() => import('./pages/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const HotspotsPage = lazy(() =>
  import('./pages/HotspotsPage.tsx').then((m) => ({ default: m.HotspotsPage })),
);
const DrawdownPage = lazy(() =>
  import('./pages/DrawdownPage.tsx').then((m) => ({ default: m.DrawdownPage })),
);

const PAGES = [
  { path: '/', title: 'nav.overview', Page: Overview, filters: true },
  { path: '/map', title: 'nav.map', Page: MapPage, filters: true },
  { path: '/events', title: 'nav.events', Page: EventsPage, filters: true },
  { path: '/trends', title: 'nav.trends', Page: TrendsPage, filters: true },
  { path: '/hotspots', title: 'nav.hotspots', Page: HotspotsPage, filters: false },
  { path: '/drawdown', title: 'nav.drawdown', Page: DrawdownPage, filters: false },
  { path: '/data', title: 'nav.data', Page: DataPage, filters: false },
  ...INCIDENT_PAGES,
  ...ALERT_PAGES,
] as const satisfies readonly { path: string; title: MessageKey; Page: ComponentType; filters: boolean }[];

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <SessionGate>
          <DatabaseProvider>
            <Shell />
          </DatabaseProvider>
        </SessionGate>
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { path } = useLocation();
  const { t } = useI18n();
  const { empty } = useDatabase();
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const { user } = useSession();
  const page =
    PAGES.find((p) => p.path === normalised) ??
    linkedIncidentPage(normalised) ??
    linkedAlertPage(normalised) ??
    linkedAreaPage(normalised);
  const allowed = page === undefined || (user != null && mayOpen(user.role, page.path));
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(normalised);

  useEffect(() => {
    document.title = `${page ? t(page.title) : t('notFound.title')} · vigie`;
  }, [page, t]);

  // A new page moves focus to its content, as a page load would for screen-reader and keyboard users.
  useEffect(() => {
    if (shownPath.current === normalised) return;
    shownPath.current = normalised;
    main.current?.focus();
  }, [normalised]);

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
            {PAGES.filter((p) => user != null && mayOpen(user.role, p.path)).map((p) => (
              <li key={p.path}>
                <Link to={p.path} current={p === page}>
                  {t(p.title)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
        <SessionMenu />
      </header>
      {page?.filters && !(empty === true && page.path === '/') ? <FilterBar /> : null}
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {page ? allowed ? <page.Page /> : <NotAllowed /> : <NotFound />}
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
