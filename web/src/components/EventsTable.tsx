import { useI18n } from '../i18n/i18n.tsx';
import { perpetratorColour } from '../lib/palette.ts';
import type { EventRow } from '../lib/types.ts';
import { useRegionNames } from '../lib/use-region-names.ts';

export type SortKey = 'date' | '-date' | 'fatalities' | '-fatalities';

/** One page of events. Sortable columns are buttons in their headers, with aria-sort saying the order. */
export function EventsTable({
  events,
  sort,
  selected,
  onSort,
  onSelect,
}: {
  events: EventRow[];
  sort: SortKey | null;
  selected: string | null;
  onSort: (sort: SortKey | null) => void;
  onSelect: (id: number) => void;
}) {
  const { t, fmt, label } = useI18n();
  const regionName = useRegionNames();
  if (events.length === 0) return <p className="status">{t('events.none')}</p>;

  const header = (column: 'date' | 'fatalities', text: string) => {
    const state = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
    const next: SortKey = state === 'descending' ? column : `-${column}`;
    return (
      <th scope="col" aria-sort={state} className={column === 'fatalities' ? 'num' : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(next)}>
          {text}
          <span aria-hidden="true" className="sort-mark">
            {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll">
      <table className="events-table" data-testid="events-table">
        <caption className="visually-hidden">{t('events.caption')}</caption>
        <thead>
          <tr>
            {header('date', t('events.col.date'))}
            <th scope="col">{t('events.col.place')}</th>
            <th scope="col">{t('events.col.type')}</th>
            <th scope="col">{t('events.col.perpetrator')}</th>
            {header('fatalities', t('events.col.fatalities'))}
            <th scope="col" className="num">
              {t('events.col.civilianFatalities')}
            </th>
            <th scope="col">{t('events.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={String(e.id) === selected ? 'selected' : undefined} data-date={e.date}>
              <td className="nowrap">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={String(e.id) === selected}
                  aria-label={t('events.open', { date: fmt.date(e.date), place: e.location ?? '' })}
                  onClick={() => onSelect(e.id)}
                >
                  {fmt.date(e.date)}
                </button>
              </td>
              <td>
                {e.location ?? '—'}
                <span className="sub">{regionName(e) ?? e.sourceAdmin1 ?? ''}</span>
              </td>
              <td>
                {label('eventType', e.eventType)}
                {e.subEventType ? <span className="sub">{e.subEventType}</span> : null}
              </td>
              <td data-perpetrator={e.perpetratorCategory ?? ''}>
                <span className="swatch" style={{ background: perpetratorColour(e.perpetratorCategory) }} />
                {label('perpetrator', e.perpetratorCategory)}
              </td>
              <td className="num">{fmt.number(e.fatalities)}</td>
              <td className="num">{e.civilianHarm ? fmt.number(e.civilianFatalities) : '—'}</td>
              <td>
                {label('source', e.source)}
                <span className="sub">{e.sourceId}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
