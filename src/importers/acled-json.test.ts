import { describe, expect, it } from 'vitest';
import { isVigieError } from '../core/errors.ts';
import { importAcledJson } from './acled-json.ts';
import { fileSource } from './read/byte-source.ts';
import { readJson } from './read/json.ts';
import { collect, events, testCountries } from './test-support.ts';
import { fixturePath, fixtureText } from '../../test/support/fixture-files.ts';

const OPTIONS = { today: '2025-06-01', resolveCountry: testCountries };
const load = (name: string): unknown => JSON.parse(fixtureText('acled', name));

describe('ACLED API JSON', () => {
  it('reads a saved response (every value a string), with the CSV path’s checks', async () => {
    const imported = importAcledJson(load('api-response.json'), OPTIONS);
    expect(imported.layout.id).toBe('acled-api-json');
    expect(imported.layout.description).toMatch(/current layout/);
    const records = await collect(imported.records);
    expect(records.map((r) => r.rows)).toEqual([[1], [2], [3]]);
    expect(events(records)[0]).toMatchObject({
      sourceId: 'MLI90101',
      sourceTimestamp: 1707177600,
      country: 'MLI',
      civilianTargetingFlag: true,
      eventType: 'Violence against civilians',
      subEventType: 'Abduction/forced disappearance',
      fatalities: 0,
      actors: [
        { name: 'Unidentified Armed Group (Mali)', role: 'actor1', inter: 3 },
        { name: 'Civilians (Mali)', role: 'actor2', inter: 7 },
        { name: 'Teachers (Mali)', role: 'assoc_actor_2', inter: 7 },
      ],
    });
    expect(records[2]?.event).toBeNull();
    expect(records[2]?.issues).toEqual([
      { row: 3, column: 'event_date', code: 'DATE_INVALID', params: { value: '2024-02-31' } },
    ]);
  });

  it('reads the fixture file through the JSON reader', async () => {
    const body = await readJson(fileSource(fixturePath('acled', 'api-response.json')));
    expect(events(await collect(importAcledJson(body, OPTIONS).records))).toHaveLength(2);
  });

  it('reads a bare data array, and numbers where a client converted them', async () => {
    const body = load('api-response.json') as { data: Array<Record<string, unknown>> };
    const data = body.data
      .slice(0, 2)
      .map((r) => ({ ...r, fatalities: Number(r['fatalities']), latitude: Number(r['latitude']) }));
    const records = await collect(importAcledJson(data, OPTIONS).records);
    expect(events(records).map((e) => [e.sourceId, e.fatalities, e.latitude])).toEqual([
      ['MLI90101', 0, 15.9322],
      ['MLI90102', 5, 19.4617],
    ]);
  });

  it('treats an empty answer as no events, not as an error', async () => {
    const imported = importAcledJson({ status: 200, success: true, count: 0, data: [] }, OPTIONS);
    expect(await collect(imported.records)).toEqual([]);
  });

  it('rejects a saved error response with the API’s message', () => {
    try {
      importAcledJson(load('api-error.json'), OPTIONS);
      expect.unreachable();
    } catch (error) {
      expect(isVigieError(error)).toBe(true);
      if (!isVigieError(error)) return;
      expect(error.code).toBe('INPUT_REJECTED');
      expect(error.details).toEqual({
        apiError: 'Access denied: this invented key has no access to the requested data.',
        apiStatus: 403,
      });
      expect(error.issues[0]?.code).toBe('SOURCE_API_ERROR');
    }
  });

  it.each([[{ status: 200 }], ['text'], [null]])('rejects a body that is not ACLED’s shape (%#)', (body) => {
    expect(() => importAcledJson(body, OPTIONS)).toThrow(/INPUT_REJECTED/);
  });

  it('rejects records that lack required fields, naming them', () => {
    expect(() => importAcledJson([{ event_id_cnty: 'MLI1', event_date: '2024-01-01' }], OPTIONS)).toThrow(
      /event_type/,
    );
  });

  it('reports a record that is not an object as JSON_INVALID at its position', async () => {
    const body = load('api-response.json') as { data: unknown[] };
    const records = await collect(importAcledJson([body.data[0], 42], OPTIONS).records);
    expect(records[1]).toEqual({
      rows: [2],
      event: null,
      issues: [{ row: 2, column: null, code: 'JSON_INVALID', params: { value: 'number' } }],
      warnings: [],
    });
  });
});
