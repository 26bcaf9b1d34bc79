import { lazy } from 'react';

/**
 * The alert and forecast pages, loaded on demand. ALERT_PAGES appear in the navigation (for the roles
 * lib/roles.ts allows); the form and one alert's page are reached from links.
 */
const AlertsPage = lazy(() => import('./AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })));
const TriagePage = lazy(() => import('./TriagePage.tsx').then((m) => ({ default: m.TriagePage })));
const ForecastsPage = lazy(() => import('./ForecastsPage.tsx').then((m) => ({ default: m.ForecastsPage })));
const AlertFormPage = lazy(() => import('./AlertFormPage.tsx').then((m) => ({ default: m.AlertFormPage })));
const AlertPage = lazy(() => import('./AlertPage.tsx').then((m) => ({ default: m.AlertPage })));

export const ALERT_PAGES = [
  { path: '/alerts', title: 'nav.alerts', Page: AlertsPage, filters: false },
  { path: '/alerts/triage', title: 'nav.triage', Page: TriagePage, filters: false },
  { path: '/forecasts', title: 'nav.forecasts', Page: ForecastsPage, filters: false },
] as const;

const FORM = { path: '/alerts/new', title: 'nav.newAlert', Page: AlertFormPage, filters: false } as const;
const VIEW = { path: '/alerts/:id', title: 'alert.pageTitle', Page: AlertPage, filters: false } as const;

/** The alert pages outside the navigation: the form, and /alerts/<uuid>. */
export function linkedAlertPage(path: string): typeof FORM | typeof VIEW | undefined {
  if (path === FORM.path) return FORM;
  return /^\/alerts\/[0-9a-f-]{36}$/i.test(path) ? VIEW : undefined;
}
