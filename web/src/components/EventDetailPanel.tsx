import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import type { EventDetail } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { useRegionNames } from '../lib/use-region-names.ts';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

/** One event in full: the source's notes, actors, precision codes, sources and its revision history. */
export function EventDetailPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, fmt, label } = useI18n();
  const { data, error } = useFetch<EventDetail>(api.event(id));
  const regionName = useRegionNames();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id, data]);
  const e = data?.event;

  const row = (key: MessageKey, value: ReactNode) =>
    value === null || value === undefined || value === '' ? null : (
      <>
        <dt>{t(key)}</dt>
        <dd>{value}</dd>
      </>
    );

  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="event-detail">
      <div className="detail-head">
        <h2 id="detail-title" tabIndex={-1} ref={heading}>
          {e ? `${e.location ?? t('detail.noPlace')} · ${fmt.date(e.date)}` : t('detail.title')}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {e ? (
        <>
          <dl className="detail-list">
            {row('detail.source', `${label('source', e.source)} ${e.sourceId}`)}
            {row(
              'detail.date',
              `${fmt.longDate(e.date)} (${t(`precision.date.${e.datePrecision}` as MessageKey)})`,
            )}
            {row(
              'detail.type',
              [label('eventType', e.eventType), e.subEventType].filter(Boolean).join(' — '),
            )}
            {row('detail.sourceType', e.sourceEventType !== e.eventType ? e.sourceEventType : null)}
            {row('detail.disorder', e.disorderType)}
            {row('detail.place', [e.location, e.sourceAdmin2, e.sourceAdmin1].filter(Boolean).join(', '))}
            {row(
              'detail.region',
              [regionName(e), e.admin1, e.admin1Pcode, e.admin2Pcode].filter(Boolean).join(' · '),
            )}
            {row('detail.coordinates', `${fmt.number4(e.latitude)}, ${fmt.number4(e.longitude)}`)}
            {row(
              'detail.geoPrecision',
              e.geoPrecision === null
                ? t('detail.unknown')
                : `${e.geoPrecision}${e.coarseLocation ? ` — ${t('detail.coarse')}` : ''}`,
            )}
            {row('detail.perpetrator', label('perpetrator', e.perpetratorCategory))}
            {row('detail.harm', e.civilianHarm ? label('harm', e.harmCategory) : t('detail.noHarm'))}
            {row('detail.fatalities', fmt.number(e.fatalities))}
            {row('detail.civilianFatalities', e.civilianHarm ? fmt.number(e.civilianFatalities) : null)}
            {row('detail.interaction', e.interaction ?? null)}
            {row('detail.scale', e.sourceScale)}
            {row('detail.tags', e.tags)}
          </dl>
          <h3>{t('detail.actors')}</h3>
          {e.actors.length === 0 ? (
            <p>{t('detail.noActors')}</p>
          ) : (
            <ul className="actors">
              {e.actors.map((a, i) => (
                <li key={i}>
                  {a.name} <span className="sub">{t(`role.${a.role}` as MessageKey)}</span>
                  {a.inter !== null ? (
                    <span className="sub">
                      {' '}
                      · {t('detail.inter', { code: a.inter, label: t(`inter.${a.inter}` as MessageKey) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('detail.notes')}</h3>
          <p className="notes">{e.notes ?? t('detail.noNotes')}</p>
          <h3>{t('detail.sources')}</h3>
          <p>{e.sources ?? '—'}</p>
          <h3>{t('detail.revisions')}</h3>
          {data.revisions.length === 0 ? (
            <p>{t('detail.noRevisions')}</p>
          ) : (
            <ol className="revisions">
              {data.revisions.map((r, i) => (
                <li key={i}>
                  <strong>{fmt.dateTime(r.revisedAt)}</strong> — {t('detail.changed')}{' '}
                  {r.changedFields.join(', ')}
                  <dl className="previous">
                    {previousValues(r.previous, r.changedFields).map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </aside>
  );
}

/** The previous values of the changed fields (all previous values when the names do not line up). */
function previousValues(previous: Record<string, unknown>, changed: string[]): [string, unknown][] {
  const entries = Object.entries(previous);
  const matching = entries.filter(([k]) => changed.includes(k));
  return matching.length > 0 ? matching : entries;
}
