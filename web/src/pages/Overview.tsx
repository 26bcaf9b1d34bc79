import { Breakdown } from '../components/Breakdown.tsx';
import { CoverageNote, useCoverage } from '../components/CoverageNote.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FilterSummary } from '../components/FilterSummary.tsx';
import { HeadlineFigures } from '../components/HeadlineFigures.tsx';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useDatabase } from '../lib/database.tsx';
import { dayOf, filterQuery, readFilters } from '../lib/filters.ts';
import { useLocation } from '../lib/router.ts';

/** « Tableau de bord »: headline figures, the monthly chart, breakdowns and which dates the sources cover. */
export function Overview() {
  const { t } = useI18n();
  const { totals, empty } = useDatabase();
  const { params } = useLocation();
  const filters = readFilters(params);
  const query = filterQuery(filters);
  const coverage = useCoverage(totals.data);

  if (totals.error) return <ErrorMessage error={totals.error} />;
  if (empty === undefined) return <Loading />;
  if (empty) return <EmptyState />;

  const coverageEnds = coverage.sources
    .filter((s) => s.lastDate !== null && s.events > 0)
    .map((s) => ({ source: s.source, date: s.lastDate! }));

  // The parts of the chosen period before the first or after the last day any source covers.
  const covered = coverage.sources.filter((s) => s.firstDate && s.lastDate && s.events > 0);
  const firstCovered = covered.map((s) => s.firstDate!).sort()[0];
  const lastCovered = covered
    .map((s) => s.lastDate!)
    .sort()
    .at(-1);
  const gaps: { from: string; to: string }[] = [];
  if (filters.from && firstCovered && dayOf(filters.from, 'from') < firstCovered)
    gaps.push({ from: dayOf(filters.from, 'from'), to: firstCovered });
  if (filters.to && lastCovered && dayOf(filters.to, 'to') > lastCovered)
    gaps.push({ from: lastCovered, to: dayOf(filters.to, 'to') });

  return (
    <div className="page overview">
      <h1 id="page-title">{t('overview.title')}</h1>
      <FilterSummary filters={filters} />
      <HeadlineFigures filters={filters} totals={totals.data} />
      <CoverageNote coverage={coverage} filters={filters} />
      <MonthlyChart query={query} coverageEnds={coverageEnds} gaps={gaps} />
      <div className="columns">
        <Breakdown group="region" query={query} title="breakdown.byRegion" />
        <Breakdown group="harm" query={query} title="breakdown.byHarm" />
      </div>
    </div>
  );
}
