import type { Role } from './incident-types.ts';

const ALL: readonly Role[] = ['admin', 'monitor', 'analyst', 'viewer'];
const RECORDERS: readonly Role[] = ['admin', 'monitor'];

/**
 * Which pages each role may use (src/core/access.ts): imports for admins and analysts; incidents for every role
 * but viewers; recording and review for monitors and admins; alerts (reading, raising) for every role but viewers,
 * the SMS triage queue for monitors and admins. The public release is for everyone, anonymous too.
 * The server enforces all of this; the app only leaves out what would answer FORBIDDEN.
 */
const PAGE_ROLES: Record<string, readonly Role[]> = {
  '/data': ['admin', 'analyst'],
  '/incidents': ['admin', 'monitor', 'analyst'],
  '/incidents/new': RECORDERS,
  '/review': RECORDERS,
  '/alerts': ['admin', 'monitor', 'analyst'],
  '/alerts/new': ['admin', 'monitor', 'analyst'],
  '/alerts/triage': RECORDERS,
};

/** Pages an anonymous visitor may open. */
export const PUBLIC_PAGES: readonly string[] = ['/public', '/sign-in'];

export function mayOpen(role: Role, path: string): boolean {
  if (path.startsWith('/incidents/') && path !== '/incidents/new')
    return PAGE_ROLES['/incidents']!.includes(role);
  if (path.startsWith('/alerts/') && !(path in PAGE_ROLES)) return PAGE_ROLES['/alerts']!.includes(role);
  return (PAGE_ROLES[path] ?? ALL).includes(role);
}

export const canRecord = (role: Role): boolean => RECORDERS.includes(role);
