/**
 * The aggregates measured, each as vigie's URL and as the same question in DuckDB SQL over vigie's classified
 * events (exported once from the benchmark's SQLite file, so both engines count exactly the same rows).
 * The first is the overview chart analysts open first: civilian harm by month and perpetrator.
 */
export interface AggregateQuery {
  name: string;
  url: string;
  duckdb: string;
}

/** The columns exported from vigie's `events` for DuckDB, with their DuckDB types. */
export const EXPORT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['event_date', 'DATE'],
  ['month', 'VARCHAR'],
  ['country', 'VARCHAR'],
  ['admin1', 'VARCHAR'],
  ['source', 'VARCHAR'],
  ['event_type', 'VARCHAR'],
  ['perpetrator_category', 'VARCHAR'],
  ['harm_category', 'VARCHAR'],
  ['civilian_harm', 'INTEGER'],
  ['coarse_location', 'INTEGER'],
  ['fatalities', 'INTEGER'],
  ['civilian_fatalities', 'INTEGER'],
];

const MEASURES = `count(*) AS events, sum(fatalities) AS fatalities, sum(civilian_harm) AS civilian_events,
  sum(civilian_fatalities) AS civilian_fatalities`;

export const QUERIES: readonly AggregateQuery[] = [
  {
    name: 'overview',
    url: '/api/v1/aggregates?by=month&group=perpetrator&civilianOnly=true',
    duckdb: `SELECT month, coalesce(perpetrator_category, 'unknown') AS key, ${MEASURES}
      FROM events WHERE civilian_harm = 1 GROUP BY ALL ORDER BY ALL`,
  },
  {
    name: 'regions-by-year',
    url: '/api/v1/aggregates?by=year&group=region&country=MLI',
    duckdb: `SELECT substr(month, 1, 4) AS year, coalesce(admin1, 'unknown') AS key, ${MEASURES}
      FROM events WHERE country = 'MLI' GROUP BY ALL ORDER BY ALL`,
  },
  {
    name: 'mopti-types-2015-2019',
    url: '/api/v1/aggregates?by=month&group=type&admin1=ML-MO&from=2015-01&to=2019-12',
    duckdb: `SELECT month, coalesce(event_type, 'unknown') AS key, ${MEASURES}
      FROM events WHERE admin1 = 'ML-MO' AND event_date BETWEEN '2015-01-01' AND '2019-12-31'
      GROUP BY ALL ORDER BY ALL`,
  },
  {
    // Day-level bounds: the partial months at either end come from `events`, the months between from the rollup.
    name: 'day-range-civilian',
    url: '/api/v1/aggregates?by=month&group=perpetrator&civilianOnly=true&from=2018-03-15&to=2019-02-10',
    duckdb: `SELECT month, coalesce(perpetrator_category, 'unknown') AS key, ${MEASURES}
      FROM events WHERE civilian_harm = 1 AND event_date BETWEEN '2018-03-15' AND '2019-02-10'
      GROUP BY ALL ORDER BY ALL`,
  },
];

/** Totals of an answer, to check that both engines answered the same question: [groups, events, fatalities]. */
export type Checksum = [number, number, number];
