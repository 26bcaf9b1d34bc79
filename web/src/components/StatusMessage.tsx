import type { ApiError } from '../lib/api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Loading and error states, announced to screen readers. */
export function Loading({ what }: { what?: string }) {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {what ?? t('status.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const missing = error.status === 404 && error.code !== 'NOT_FOUND';
  return (
    <div className="error" role="alert">
      <p>
        <strong>{missing ? t('status.unavailable') : t('status.error')}</strong> {error.message}
        {error.code ? <code className="error-code"> [{error.code}]</code> : null}
      </p>
    </div>
  );
}
