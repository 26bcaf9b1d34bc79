import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './Link.tsx';

/** What a fresh install shows instead of empty charts: how to load data, from the browser or the command line. */
export function EmptyState() {
  const { t } = useI18n();
  return (
    <section className="empty-state" aria-labelledby="page-title">
      <h1 id="page-title">{t('empty.title')}</h1>
      <p className="lead">{t('empty.lead')}</p>
      <h2>{t('empty.browserTitle')}</h2>
      <p>
        {t('empty.browserText')}{' '}
        <Link to="/data" search="">
          {t('empty.browserLink')}
        </Link>
      </p>
      <h2>{t('empty.cliTitle')}</h2>
      <p>{t('empty.cliText')}</p>
      <pre>
        <code>
          {[
            'vigie import acled acled_mali.csv',
            'vigie import ucdp ged_mali.csv',
            'vigie import boundaries mali_adm2.geojson --level 2 --set cod-ab-2017',
            'vigie import bases minusma_bases_2023.csv',
            'vigie stats',
          ].join('\n')}
        </code>
      </pre>
      <p>{t('empty.sources')}</p>
      <p>
        {t('empty.mapText')}{' '}
        <Link to="/map" search="">
          {t('empty.mapLink')}
        </Link>
      </p>
    </section>
  );
}
