import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import type { Filters } from '../lib/filters.ts';
import { dayOf } from '../lib/filters.ts';
import type { Coverage, Stats } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

export interface SourceRange {
  source: string;
  firstDate: string | null;
  lastDate: string | null;
  events: number;
}

/** Which sources cover which dates; from /coverage, or from the store's stats while /coverage is unavailable. */
export function useCoverage(totals: Stats | undefined): {
  sources: SourceRange[];
  aggregates: Coverage['aggregates'];
} {
  const coverage = useFetch<Coverage>(api.coverage());
  if (coverage.data) return coverage.data;
  const sources = Object.entries(totals?.bySource ?? {}).map(([source, s]) => ({ source, ...s }));
  return { sources, aggregates: [] };
}

/**
 * Says which sources cover which dates, so that a gap in data is not read as a fall in violence, and warns when
 * the chosen period runs past the data.
 */
export function CoverageNote({
  coverage,
  filters,
}: {
  coverage: ReturnType<typeof useCoverage>;
  filters: Filters;
}) {
  const { t, fmt, label } = useI18n();
  const sources = coverage.sources.filter((s) => s.events > 0 && s.firstDate && s.lastDate);
  if (sources.length === 0) return null;
  const lastCovered = sources
    .map((s) => s.lastDate!)
    .sort()
    .at(-1)!;
  const firstCovered = sources.map((s) => s.firstDate!).sort()[0]!;
  const to = filters.to ? dayOf(filters.to, 'to') : null;
  const from = filters.from ? dayOf(filters.from, 'from') : null;
  const beyond = (to !== null && to > lastCovered) || (from !== null && from < firstCovered);
  return (
    <section className={beyond ? 'coverage coverage-warning' : 'coverage'} aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <ul data-testid="coverage">
        {sources.map((s) => (
          <li key={s.source}>
            {t('coverage.source', {
              source: label('source', s.source),
              from: fmt.date(s.firstDate),
              to: fmt.date(s.lastDate),
              count: s.events,
              events: fmt.number(s.events),
            })}
          </li>
        ))}
        {coverage.aggregates.map((a) => (
          <li key={`${a.source}-${a.measure}`}>
            {t('coverage.aggregate', {
              source: a.source,
              measure: a.measure,
              from: fmt.date(a.firstMonth),
              to: fmt.date(a.lastMonth),
            })}
          </li>
        ))}
      </ul>
      <p>{t('coverage.gap', { to: fmt.date(lastCovered) })}</p>
      {beyond ? (
        <p role="note" className="warning">
          {t('coverage.beyond', { from: fmt.date(firstCovered), to: fmt.date(lastCovered) })}
        </p>
      ) : null}
    </section>
  );
}
