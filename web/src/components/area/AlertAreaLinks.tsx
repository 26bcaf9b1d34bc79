import { useI18n } from '../../i18n/i18n.tsx';
import type { Alert } from '../../lib/alert-api.ts';
import { areaPath } from '../../lib/area-api.ts';
import { Link } from '../Link.tsx';

/**
 * An alert's place, then links to the pages of the cercle and the region it lies in (history, forecast, other
 * open alerts). The region link uses the Natural Earth code, which is what regions carry while no COD-AB
 * admin-1 set is loaded (the usual case: Mali's admin-1 P-codes come from a crosswalk); the P-code otherwise.
 */
export function AlertAreaLinks({ area, name }: { area: Alert['area']; name: string }) {
  const { t } = useI18n();
  const region = area.admin1 ?? area.admin1Pcode;
  return (
    <>
      {name}
      {area.admin2Pcode ? (
        <>
          {' · '}
          <Link to={areaPath('admin2', area.admin2Pcode)} search="">
            {t('area.link.admin2')}
          </Link>
        </>
      ) : null}
      {region ? (
        <>
          {' · '}
          <Link to={areaPath('admin1', region)} search="">
            {t('area.link.admin1')}
          </Link>
        </>
      ) : null}
    </>
  );
}
