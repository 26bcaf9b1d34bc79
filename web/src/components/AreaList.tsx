import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import type { Boundaries, MapCell, Measure } from '../lib/types.ts';
import type { MapUnit } from './MapControls.tsx';

/**
 * The map's areas as a list, highest first: the keyboard and screen-reader way to read the map and to pick a
 * region or cercle (the same filter a click on the map sets).
 */
export function AreaList({
  unit,
  measure,
  areas,
  cells,
  selected,
  onSelect,
}: {
  unit: MapUnit;
  measure: Measure;
  areas: Boundaries | undefined;
  cells: MapCell[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t, fmt } = useI18n();
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const rows =
    areas !== undefined
      ? areas.features.map((f) => ({
          code: f.properties.code,
          name: f.properties.name,
          value: byCode.get(f.properties.code)?.[measure] ?? 0,
        }))
      : cells.map((c) => ({ code: c.code, name: c.name ?? c.code, value: c[measure] }));
  const sorted = rows
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, areas ? undefined : 15);
  const pickable = areas !== undefined;
  return (
    <section className="area-list" aria-labelledby="area-list-title">
      <h2 id="area-list-title">{t(`map.list.${unit.startsWith('h3:') ? 'h3' : unit}` as MessageKey)}</h2>
      {pickable ? <p className="hint">{t('map.listHint')}</p> : null}
      <div className="table-scroll area-scroll">
        <table data-testid="area-list">
          <thead>
            <tr>
              <th scope="col">{t('map.area')}</th>
              <th scope="col" className="num">
                {t(`measure.${measure}` as MessageKey)}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
                <th scope="row">
                  {pickable ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={r.code === selected}
                      onClick={() => onSelect(r.code)}
                    >
                      {r.name}
                    </button>
                  ) : (
                    <code>{r.name}</code>
                  )}
                </th>
                <td className="num">{fmt.number(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
