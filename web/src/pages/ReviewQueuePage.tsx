import { IncidentTable } from '../components/IncidentTable.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { incidentApi } from '../lib/incident-api.ts';
import type { ReviewQueue } from '../lib/incident-types.ts';
import { useFetch } from '../lib/use-fetch.ts';

/** Incidents awaiting a decision that the reader may take (never their own reports: four eyes). */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const queue = useFetch<ReviewQueue>(incidentApi.queue());
  return (
    <div className="page review-page">
      <h1 id="page-title">{t('review.title')}</h1>
      <p className="lead">{t('review.lead')}</p>
      {queue.error ? <ErrorMessage error={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data ? (
        queue.data.incidents.length === 0 ? (
          <p className="status">{t('review.empty')}</p>
        ) : (
          <IncidentTable
            incidents={queue.data.incidents}
            caption={t('review.caption')}
            testId="review-queue"
          />
        )
      ) : null}
    </div>
  );
}
