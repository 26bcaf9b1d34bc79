import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';

/** Downloads of the whole filtered set, streamed by the server. */
export function Downloads({ query }: { query: string }) {
  const { t } = useI18n();
  return (
    <div className="downloads" role="group" aria-label={t('events.downloads')}>
      <span>{t('events.download')}</span>
      <a href={api.download('csv', query)} download>
        CSV
      </a>
      <a href={api.download('geojson', query)} download>
        GeoJSON
      </a>
      <a href={api.download('hxl', query)} download title={t('events.hxlHint')}>
        HXL CSV
      </a>
    </div>
  );
}
