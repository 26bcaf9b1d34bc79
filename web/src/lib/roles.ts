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

const among = (roles: readonly Role[], role: Role): boolean => roles.includes(role);

export function mayOpen(role: Role, path: string): boolean {
  if (path.startsWith('/incidents/') && path !== '/incidents/new')
    return among(PAGE_ROLES['/incidents']!, role);
  if (path.startsWith('/alerts/') && !(path in PAGE_ROLES)) return among(PAGE_ROLES['/alerts']!, role);
  return among(PAGE_ROLES[path] ?? ALL, role);
}

export const canRecord = (role: Role): boolean => among(RECORDERS, role);
