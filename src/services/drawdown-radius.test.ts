import { describe, expect, it } from 'vitest';
import { circleSeries, type EventPoint } from './drawdown-radius.ts';

const at = (lat: number, lon: number, date: string, extra: Partial<EventPoint> = {}): EventPoint => ({
  latitude: lat,
  longitude: lon,
  date,
  fatalities: 2,
  coarseLocation: false,
  eventType: 'Battles',
  ...extra,
});

describe('circleSeries', () => {
  // 0.4° of latitude is ~44.5 km; 0.5° is ~55.6 km.
  const points = [
    at(15.4, -3, '2018-01-10'), // 44.5 km north of the first centre: in
    at(15.5, -3, '2018-01-11'), // 55.6 km: out of a 50 km circle
    at(15, -3, '2018-02-01', { fatalities: 7 }),
    at(15, -3, '2018-02-02', { coarseLocation: true }), // too coarse to place
    at(15, -3, '2018-02-03', { eventType: 'Protests' }), // not political violence
    at(15, -3, '2018-02-04', { eventType: null }),
    at(15, -3, '2018-04-01'), // outside the months asked
    at(16, -3, '2018-03-05'), // second centre only
  ];
  const calls: [string, string][] = [];
  const events = (from: string, to: string): AsyncIterable<EventPoint> => {
    calls.push([from, to]);
    return (async function* () {
      await Promise.resolve();
      yield* points;
    })();
  };

  it('counts precise political-violence events within the radius, per centre and month', async () => {
    const centres = [
      { lat: 15, lon: -3 },
      { lat: 16, lon: -3 },
    ];
    const months = ['2018-01', '2018-02', '2018-03'];
    const counted = await circleSeries(events, centres, 50, months, 'events');
    expect(counted.series).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(counted.excludedCoarse).toBe(1);
    expect(calls.at(-1)).toEqual(['2018-01-01', '2018-03-31']);
    const deaths = await circleSeries(events, centres, 50, months, 'fatalities');
    expect(deaths.series[0]).toEqual([2, 7, 0]);
    // A wider circle takes in the point 55.6 km away, and the second centre's (111 km) at 120 km.
    expect((await circleSeries(events, centres, 120, months, 'events')).series[0]).toEqual([2, 1, 1]);
  });
});
