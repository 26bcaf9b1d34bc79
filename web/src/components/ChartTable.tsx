import { useI18n } from '../i18n/i18n.tsx';

/** The chart's figures as a table by year, for screen readers and for anyone who needs the numbers. */
export function ChartTable({
  bars,
  keys,
  name,
}: {
  bars: { period: string; key: string; value: number }[];
  keys: string[];
  name: (key: string) => string;
}) {
  const { t, fmt } = useI18n();
  const byYear = new Map<string, Map<string, number>>();
  for (const b of bars) {
    const year = b.period.slice(0, 4);
    const row = byYear.get(year) ?? new Map<string, number>();
    row.set(b.key, (row.get(b.key) ?? 0) + b.value);
    byYear.set(year, row);
  }
  const years = [...byYear.keys()].sort();
  return (
    <details className="chart-table">
      <summary>{t('chart.table')}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.year')}</th>
              {keys.map((k) => (
                <th scope="col" key={k}>
                  {name(k)}
                </th>
              ))}
              <th scope="col">{t('chart.total')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => {
              const row = byYear.get(y)!;
              const total = [...row.values()].reduce((a, b) => a + b, 0);
              return (
                <tr key={y}>
                  <th scope="row">{y}</th>
                  {keys.map((k) => (
                    <td key={k} className="num">
                      {fmt.number(row.get(k) ?? 0)}
                    </td>
                  ))}
                  <td className="num">{fmt.number(total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
