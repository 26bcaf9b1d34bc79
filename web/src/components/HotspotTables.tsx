import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import type { EmergingHotspots, Hotspots } from '../lib/analysis-types.ts';

/** The significant Gi* units as a table (highest z first): the map's figures for anyone who cannot read colours. */
export function GiTable({
  data,
  selected,
  onSelect,
}: {
  data: Hotspots;
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t, fmt } = useI18n();
  const rows = data.cells.filter((c) => c.class !== 'not-significant' || c.code === selected);
  const dec = (n: number) =>
    n.toLocaleString(fmt.tag, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const p3 = (n: number) => n.toLocaleString(fmt.tag, { maximumFractionDigits: 3, minimumFractionDigits: 3 });
  const p = (n: number) => (n < 0.001 ? `< ${p3(0.001)}` : p3(n));
  return (
    <div className="table-scroll">
      <table data-testid="hotspot-table">
        <caption>{t('hotspots.table.caption', { n: fmt.number(rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotspots.col.unit')}</th>
            <th scope="col">{t('hotspots.col.value')}</th>
            <th scope="col">z</th>
            <th scope="col">{t('hotspots.col.pFdr')}</th>
            <th scope="col">{t('hotspots.col.class')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.code} data-code={c.code} data-class={c.class} aria-selected={c.code === selected}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(c.code)}>
                  {c.name}
                </button>
              </th>
              <td className="num">{fmt.number(c.value)}</td>
              <td className="num">{dec(c.z)}</td>
              <td className="num">{p(c.pFdr)}</td>
              <td>{t(`hotspots.class.${c.class}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Units with an emerging pattern, with the trend of their z and the steps where they were hot or cold. */
export function EmergingTable({
  data,
  selected,
  onSelect,
}: {
  data: EmergingHotspots;
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t, fmt } = useI18n();
  const rows = data.cells
    .filter((c) => c.class !== 'no-pattern' || c.code === selected)
    .sort((a, b) => b.hotSteps.length - a.hotSteps.length || b.trendZ - a.trendZ);
  const dec = (n: number) =>
    n.toLocaleString(fmt.tag, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  return (
    <div className="table-scroll">
      <table data-testid="emerging-table">
        <caption>{t('hotspots.emergingTable.caption', { n: fmt.number(rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotspots.col.unit')}</th>
            <th scope="col">{t('hotspots.col.pattern')}</th>
            <th scope="col">{t('hotspots.col.trend')}</th>
            <th scope="col">{t('hotspots.col.hotSteps')}</th>
            <th scope="col">{t('hotspots.col.coldSteps')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.code} data-code={c.code} data-class={c.class} aria-selected={c.code === selected}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(c.code)}>
                  {c.name}
                </button>
              </th>
              <td>{t(`hotspots.pattern.${c.class}` as MessageKey)}</td>
              <td className="num">
                {dec(c.trendZ)} (p = {dec(c.trendP)})
              </td>
              <td className="num">{fmt.number(c.hotSteps.length)}</td>
              <td className="num">{fmt.number(c.coldSteps.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
