import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { AlertDetail } from '../../lib/alert-api.ts';

/** The states the alert went through, who and when; then the notification attempts, if any. */
export function AlertTimeline({ alert, who }: { alert: AlertDetail; who: (id: string | null) => string }) {
  const { t, fmt } = useI18n();
  return (
    <>
      <section aria-labelledby="alert-timeline-title">
        <h2 id="alert-timeline-title">{t('alert.timeline')}</h2>
        <ol className="timeline" data-testid="alert-timeline">
          {alert.timeline.map((s) => (
            <li key={s.seq} data-state={s.state}>
              <strong>{t(`alertState.${s.state}` as MessageKey)}</strong> —{' '}
              <time dateTime={s.at}>{fmt.dateTime(s.at)}</time> · {who(s.by)}
            </li>
          ))}
        </ol>
      </section>
      {alert.deliveries.length > 0 ? (
        <section aria-labelledby="alert-deliveries-title">
          <h2 id="alert-deliveries-title">{t('alert.deliveries')}</h2>
          <div className="table-scroll">
            <table data-testid="alert-deliveries">
              <caption>{t('alert.deliveriesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('alert.delivery.event')}</th>
                  <th scope="col">{t('alert.delivery.channel')}</th>
                  <th scope="col">{t('alert.delivery.status')}</th>
                  <th scope="col">{t('alert.delivery.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {alert.deliveries.map((d, i) => (
                  <tr key={i}>
                    <td>{d.event}</td>
                    <td>{d.channel}</td>
                    <td>{d.deliveredAt ? `${d.status} (${fmt.dateTime(d.deliveredAt)})` : d.status}</td>
                    <td>
                      {d.attempts
                        .map(
                          (a) =>
                            `${fmt.dateTime(a.at)} ${a.ok ? '✓' : '✗'}${a.status === null ? '' : ` ${a.status}`}${a.error ? ` ${a.error}` : ''}`,
                        )
                        .join(' ; ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
