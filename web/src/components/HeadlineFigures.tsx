import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { filterQuery, lastTwelveMonths, previousPeriod, dayOf, type Filters } from '../lib/filters.ts';
import type { Measure, Stats } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

const FIGURES: { measure: Measure; label: MessageKey }[] = [
  { measure: 'events', label: 'figures.events' },
  { measure: 'fatalities', label: 'figures.fatalities' },
  { measure: 'civilianEvents', label: 'figures.civilianEvents' },
  { measure: 'civilianFatalities', label: 'figures.civilianFatalities' },
];

/**
 * Headline figures for the chosen filters, each against the period of the same length just before. With no
 * period chosen, the comparison is the last twelve months of data against the twelve before.
 */
export function HeadlineFigures({ filters, totals }: { filters: Filters; totals: Stats | undefined }) {
  const { t, fmt } = useI18n();
  const current = useFetch<Stats>(api.stats(filterQuery(filters)));
  const first = totals?.firstDate ?? null;
  const last = totals?.lastDate ?? null;
  const chosen = filters.from !== undefined || filters.to !== undefined;
  let period: { from: string; to: string } | null = null;
  let clipped = false;
  if (chosen && first && last) {
    // Compared over the part of the chosen period the data covers: months without data are not a fall.
    const from = filters.from ? dayOf(filters.from, 'from') : first;
    const to = filters.to ? dayOf(filters.to, 'to') : last;
    period = { from: from < first ? first : from, to: to > last ? last : to };
    clipped = period.from !== from || period.to !== to;
    if (period.from > period.to) period = null;
  } else if (!chosen && last) {
    period = lastTwelveMonths(last);
  }
  const previous = period ? previousPeriod(period.from, period.to) : null;
  const recent = useFetch<Stats>(
    period && (!chosen || clipped) ? api.stats(filterQuery({ ...filters, ...period })) : null,
  );
  const before = useFetch<Stats>(previous ? api.stats(filterQuery({ ...filters, ...previous })) : null);

  if (current.error) return <ErrorMessage error={current.error} />;
  if (!current.data) return <Loading />;
  const shown = current.data;
  const compared = chosen && !clipped ? shown : recent.data;
  const partial = previous !== null && first !== null && previous.from < first;

  return (
    <section aria-labelledby="figures-title" className="figures">
      <h2 id="figures-title">{t('figures.title')}</h2>
      <dl className="figure-grid" data-testid="headline">
        {FIGURES.map(({ measure, label }) => {
          const now = compared?.[measure];
          const then = before.data?.[measure];
          return (
            <div className="figure" key={measure} data-measure={measure}>
              <dt>{t(label)}</dt>
              <dd className="figure-value">{fmt.number(shown[measure])}</dd>
              <dd className="figure-change">{change(now, then)}</dd>
            </div>
          );
        })}
      </dl>
      {period && previous ? (
        <p className="figure-note">
          {chosen
            ? t(clipped ? 'figures.comparedClipped' : 'figures.comparedChosen', {
                from: fmt.date(previous.from),
                to: fmt.date(previous.to),
                coveredFrom: fmt.date(period.from),
                coveredTo: fmt.date(period.to),
              })
            : t('figures.comparedRecent', {
                from: fmt.date(period.from),
                to: fmt.date(period.to),
                prevFrom: fmt.date(previous.from),
                prevTo: fmt.date(previous.to),
              })}
          {partial ? ` ${t('figures.partial', { first: fmt.date(first) })}` : ''}
        </p>
      ) : null}
    </section>
  );

  function change(now: number | undefined, then: number | undefined): string {
    if (now === undefined || then === undefined) return '';
    if (!chosen && period) {
      const base = t('figures.recent', { value: fmt.number(now) });
      return then === 0 ? base : `${base} (${fmt.signedPercent((now - then) / then)})`;
    }
    if (then === 0)
      return now === 0 ? t('figures.noChange') : t('figures.newSince', { value: fmt.number(then) });
    return t('figures.change', { change: fmt.signedPercent((now - then) / then), value: fmt.number(then) });
  }
}
