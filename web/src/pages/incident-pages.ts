import { lazy } from 'react';
import { PublicReleasePage } from './PublicReleasePage.tsx';

/**
 * The incident pages, loaded on demand (a monitor on a slow link downloads the form only when opening it).
 * INCIDENT_PAGES appear in the navigation (for the roles lib/roles.ts allows); the form and one incident's page
 * are reached from links, so they stay out of it. The public release is in the main bundle: anonymous visitors
 * open it from the sign-in shell.
 */
const IncidentsPage = lazy(() => import('./IncidentsPage.tsx').then((m) => ({ default: m.IncidentsPage })));
const ReviewQueuePage = lazy(() =>
  import('./ReviewQueuePage.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
const IncidentFormPage = lazy(() =>
  import('./IncidentFormPage.tsx').then((m) => ({ default: m.IncidentFormPage })),
);
const IncidentPage = lazy(() => import('./IncidentPage.tsx').then((m) => ({ default: m.IncidentPage })));

export const INCIDENT_PAGES = [
  { path: '/incidents', title: 'nav.incidents', Page: IncidentsPage, filters: false },
  { path: '/review', title: 'nav.review', Page: ReviewQueuePage, filters: false },
  { path: '/public', title: 'nav.public', Page: PublicReleasePage, filters: false },
] as const;

const FORM = {
  path: '/incidents/new',
  title: 'nav.newIncident',
  Page: IncidentFormPage,
  filters: false,
} as const;
const VIEW = {
  path: '/incidents/:id',
  title: 'incident.pageTitle',
  Page: IncidentPage,
  filters: false,
} as const;

/** The incident pages outside the navigation: the form, and /incidents/<uuid>. */
export function linkedIncidentPage(path: string): typeof FORM | typeof VIEW | undefined {
  if (path === FORM.path) return FORM;
  return /^\/incidents\/[0-9a-f-]{36}$/i.test(path) ? VIEW : undefined;
}
