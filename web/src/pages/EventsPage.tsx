import { useState } from 'react';
import { Downloads } from '../components/Downloads.tsx';
import { EventDetailPanel } from '../components/EventDetailPanel.tsx';
import { EventsTable, type SortKey } from '../components/EventsTable.tsx';
import { FilterSummary } from '../components/FilterSummary.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { useDatabase } from '../lib/database.tsx';
import { filterQuery, readFilters } from '../lib/filters.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import type { EventPage, Stats } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

const PAGE_SIZE = 50;
const SORTS: readonly SortKey[] = ['date', '-date', 'fatalities', '-fatalities'];

/** Events explorer: the filtered events a page at a time (cursor pagination on the server), details, downloads. */
export function EventsPage() {
  const { t, fmt } = useI18n();
  const { empty } = useDatabase();
  const { params } = useLocation();
  const filters = readFilters(params);
  const query = filterQuery(filters);
  const sortParam = params.get('sort');
  const sort = SORTS.find((s) => s === sortParam) ?? null;
  const selected = params.get('event');
  const count = useFetch<Stats>(api.stats(query));

  return (
    <div className="page events-page">
      <h1 id="page-title">{t('events.title')}</h1>
      <FilterSummary filters={filters} />
      {empty ? (
        <p className="status">
          {t('events.emptyDatabase')}{' '}
          <Link to="/data" search="">
            {t('empty.browserLink')}
          </Link>
        </p>
      ) : null}
      <div className="events-toolbar">
        <p role="status" data-testid="event-count">
          {count.data
            ? t('events.count', { count: count.data.events, n: fmt.number(count.data.events) })
            : ''}
        </p>
        <Downloads query={query} />
      </div>
      <div className={selected ? 'events-layout with-detail' : 'events-layout'}>
        <Pages
          key={`${query}|${sort ?? ''}`}
          query={query}
          sort={sort}
          total={count.data?.events}
          selected={selected}
        />
        {selected ? (
          <EventDetailPanel id={selected} onClose={() => updateParams({ event: undefined })} />
        ) : null}
      </div>
    </div>
  );
}

/** One set of filters and sort: a stack of cursors so that "previous" goes back without the server's help. */
function Pages({
  query,
  sort,
  total,
  selected,
}: {
  query: string;
  sort: SortKey | null;
  total: number | undefined;
  selected: string | null;
}) {
  const { t, fmt } = useI18n();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const url = api.events(
    [
      query,
      `limit=${PAGE_SIZE}`,
      sort ? `sort=${sort}` : '',
      cursor ? `cursor=${encodeURIComponent(cursor)}` : '',
    ]
      .filter(Boolean)
      .join('&'),
  );
  const page = useFetch<EventPage>(url);
  const index = cursors.length;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section className="events-list" aria-labelledby="events-table-title" aria-busy={page.loading}>
      <h2 id="events-table-title" className="visually-hidden">
        {t('events.tableTitle')}
      </h2>
      {page.error ? <ErrorMessage error={page.error} /> : null}
      {!page.data && !page.error ? <Loading /> : null}
      {page.data ? (
        <EventsTable
          events={page.data.events}
          sort={sort}
          selected={selected}
          onSort={(s) => updateParams({ sort: s ?? undefined })}
          onSelect={(id) => updateParams({ event: String(id) })}
        />
      ) : null}
      <nav className="pagination" aria-label={t('events.pagination')}>
        <button
          type="button"
          disabled={cursors.length <= 1 || page.loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('events.previous')}
        </button>
        <span>
          {pages === undefined
            ? t('events.pageOnly', { page: fmt.number(index) })
            : t('events.page', { page: fmt.number(index), pages: fmt.number(pages) })}
        </span>
        <button
          type="button"
          disabled={!page.data?.nextCursor || page.loading}
          onClick={() => {
            const next = page.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          {t('events.next')}
        </button>
      </nav>
    </section>
  );
}
