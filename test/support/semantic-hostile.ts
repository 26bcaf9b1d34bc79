import { syntheticAcledCsv } from './synthetic-acled.ts';

/**
 * Hostile inputs at the meaning level, on top of the reader corpus: well-formed CSV whose values are wrong.
 * Each case changes one cell (or row) of a small valid ACLED file; all of them must be rejected whole unless
 * --skip-invalid is given, and then exactly the bad rows are listed.
 */
export interface SemanticCase {
  name: string;
  text: string;
  /** Data lines of the file that must be rejected. */
  badRows: number;
}

const COLUMNS = syntheticAcledCsv(1).split('\n')[0]!.split(',');
const col = (name: string) => COLUMNS.indexOf(name);

function mutate(name: string, edit: (cells: string[], firstId: string) => void, badRows = 1): SemanticCase {
  const prefix = `H${name.length}X`;
  const lines = syntheticAcledCsv(6, 11, prefix).trimEnd().split('\n');
  // Split on commas outside quotes: the synthetic rows quote only actor names and notes.
  const cells = lines[3]!
    .match(/("[^"]*"|[^,]*)(,|$)/g)!
    .map((c) => c.replace(/,$/, ''))
    .slice(0, COLUMNS.length);
  edit(cells, `${prefix}0`);
  lines[3] = cells.join(',');
  return { name, text: `${lines.join('\n')}\n`, badRows };
}

export function semanticCases(): SemanticCase[] {
  const set = (column: string, value: string) => (cells: string[]) => {
    cells[col(column)] = value;
  };
  const cases: SemanticCase[] = [];
  for (const v of [
    '2019-02-30',
    '31/02/2019',
    'yesterday',
    '',
    '1850-01-01',
    '2999-01-01',
    '2019-13-01',
    '20190101',
  ]) {
    cases.push(mutate(`date ${JSON.stringify(v)}`, set('event_date', v)));
  }
  for (const v of ['-1', 'three', '2.5', '1e9999', '', '12 ', 'NaN', '0x10']) {
    cases.push(mutate(`fatalities ${JSON.stringify(v)}`, set('fatalities', v), v === '12 ' ? 0 : 1));
  }
  for (const v of ['91', '-91', 'abc', '', '14,5', '1e3'])
    cases.push(mutate(`latitude ${JSON.stringify(v)}`, set('latitude', v)));
  for (const v of ['181', '-181', 'xyz', ''])
    cases.push(mutate(`longitude ${JSON.stringify(v)}`, set('longitude', v)));
  cases.push(
    mutate('coordinates swapped', (cells) => {
      const lat = cells[col('latitude')]!;
      cells[col('latitude')] = cells[col('longitude')]!;
      cells[col('longitude')] = lat;
    }),
  );
  cases.push(
    mutate(
      'point in Paris for a Malian row',
      (cells) => ((cells[col('latitude')] = '48.85'), (cells[col('longitude')] = '2.35')),
    ),
  );
  cases.push(
    mutate(
      'point in the Atlantic',
      (cells) => ((cells[col('latitude')] = '10.0'), (cells[col('longitude')] = '-30.0')),
    ),
  );
  cases.push(
    mutate(
      'point in Niger for a Malian row',
      (cells) => ((cells[col('latitude')] = '13.51'), (cells[col('longitude')] = '2.11')),
    ),
  );
  cases.push(
    mutate(
      'unknown country',
      (cells) => (
        (cells[col('country')] = 'Atlantis'),
        (cells[col('iso3')] = 'ATL'),
        (cells[col('iso')] = '999')
      ),
    ),
  );
  cases.push(mutate('missing id', set('event_id_cnty', '')));
  cases.push(mutate('time precision 9', set('time_precision', '9'), 0));
  cases.push(
    mutate('same id, other content', (cells, firstId) => {
      cells[col('event_id_cnty')] = firstId;
      cells[col('fatalities')] = '99';
    }),
  );
  cases.push(mutate('huge note', set('notes', `"${'x'.repeat(2_000_000)}"`)));
  cases.push(mutate('formula in the notes', set('notes', '"=HYPERLINK(""http://evil"",""x"")"'), 0));
  return cases;
}
