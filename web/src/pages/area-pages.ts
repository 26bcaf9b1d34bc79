import { lazy } from 'react';
import { parseAreaPath } from '../lib/area-api.ts';

/**
 * The area page (/areas/admin1/ML-MO), reached from links (map, forecasts table, alerts), never from the
 * navigation. Its path is not in lib/roles.ts: like /forecasts, every signed-in role may open it.
 */
const AreaPage = lazy(() => import('./AreaPage.tsx').then((m) => ({ default: m.AreaPage })));

const AREA = { path: '/areas/:unit/:code', title: 'area.pageTitle', Page: AreaPage, filters: false } as const;

export function linkedAreaPage(path: string): typeof AREA | undefined {
  return parseAreaPath(path) ? AREA : undefined;
}
