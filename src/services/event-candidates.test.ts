import { describe, expect, it } from 'vitest';
import { rankCandidates } from './event-candidates.ts';
import type { EventPoint } from './ports/analysis-port.ts';

const point = (
  id: number,
  date: string,
  latitude: number,
  longitude: number,
  civilianHarm: boolean,
): EventPoint => ({
  id,
  date,
  latitude,
  longitude,
  eventType: civilianHarm ? 'Violence against civilians' : 'Battles',
  fatalities: 1,
  civilianHarm,
  civilianFatalities: civilianHarm ? 1 : 0,
  perpetratorCategory: null,
  location: null,
  source: 'acled',
});

describe('candidate events for an incident', () => {
  const incident = {
    latitude: 14.08,
    longitude: -3.52,
    dateFrom: '2026-03-14',
    dateTo: '2026-03-15',
    harmTypes: ['killing'] as const,
  };

  it('keeps events within 50 km and 7 days, best match first', () => {
    const ranked = rankCandidates({ ...incident, harmTypes: [...incident.harmTypes] }, [
      point(1, '2026-03-14', 14.08, -3.52, true), // same place, same day, civilian harm: best
      point(2, '2026-03-20', 14.2, -3.52, true), // 13 km, 5 days after the range
      point(3, '2026-03-15', 14.08, -3.52, false), // same place and day, but a battle
      point(4, '2026-03-30', 14.08, -3.52, true), // 15 days after: out
      point(5, '2026-03-14', 15.0, -3.52, true), // ~100 km: out
    ]);
    // Event 3 (0.4 + 0.3 + 0) outranks event 2 (0.4·(1 − 13.3/50) + 0.3·(1 − 5/7) + 0.3 ≈ 0.679).
    expect(ranked.map((c) => c.eventId)).toEqual([1, 3, 2]);
    expect(ranked[0]).toMatchObject({ distanceKm: 0, dayGap: 0, score: 1 });
    expect(ranked[1]!.score).toBeCloseTo(0.7, 5);
    expect(ranked[2]).toMatchObject({ dayGap: 5 });
    expect(ranked[2]!.distanceKm).toBeCloseTo(13.3, 0);
    expect(ranked[2]!.score).toBeCloseTo(0.679, 2);
  });

  it('counts no day gap inside the incident’s date range and caps the list at 20', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      point(i + 1, '2026-03-15', 14.08 + i * 0.001, -3.52, true),
    );
    const ranked = rankCandidates({ ...incident, harmTypes: ['killing'] }, many);
    expect(ranked).toHaveLength(20);
    expect(ranked.every((c) => c.dayGap === 0)).toBe(true);
    expect(ranked[0]!.eventId).toBe(1);
  });
});
