import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CORPUS } from './corpus.test-support.ts';
import { MALI_GAZETTEER } from './mali-gazetteer.test-support.ts';
import { buildGazetteer, parseSms } from './parse.ts';

const gazetteer = buildGazetteer(MALI_GAZETTEER);

describe('the community SMS parser on realistic French messages', () => {
  it('holds at least 100 messages', () => expect(CORPUS.length).toBeGreaterThanOrEqual(100));

  it.each(CORPUS.map((line, i) => [i, ...line] as const))(
    '#%i %j',
    (_i, text, place, harm, count, reason) => {
      const parsed = parseSms(text, gazetteer);
      if (reason === undefined) {
        expect(parsed.outcome, parsed.reasons.join(',')).toBe('alert');
      } else {
        expect(parsed.outcome).toBe('triage');
        expect(parsed.reasons).toContain(reason);
      }
      expect(parsed.place?.code ?? null).toBe(place);
      expect(parsed.harm).toBe(harm);
      expect(parsed.count).toBe(count);
    },
  );

  it('reports the candidates of an ambiguous place', () => {
    const parsed = parseSms('ALERTE Bamba attaque', gazetteer);
    expect(parsed.candidates.map((c) => c.code).sort()).toEqual(['ML050502', 'ML070201']);
  });

  it('keeps no word of the message outside the gazetteer and the codes', () => {
    const parsed = parseSms('ALERTE Koro attaque Amadou Diallo 0612345678 tué', gazetteer);
    const stored = JSON.stringify(parsed);
    for (const secret of ['Amadou', 'Diallo', '0612345678']) expect(stored).not.toContain(secret);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseSms(text, gazetteer);
        expect(['alert', 'triage']).toContain(parsed.outcome);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the parser on held-out messages (written after it was frozen)', () => {
  it('gets place, type and count right for at least 80 % of them, and says how many', async () => {
    const { HELD_OUT } = await import('./held-out.test-support.ts');
    const misses: string[] = [];
    for (const [text, place, harm, count, reason] of HELD_OUT) {
      const p = parseSms(text, gazetteer);
      const ok =
        (reason === undefined ? p.outcome === 'alert' : p.reasons.includes(reason as never)) &&
        (p.place?.code ?? null) === place &&
        p.harm === harm &&
        p.count === count;
      if (!ok)
        misses.push(
          `${text} → ${p.place?.code ?? '-'} ${p.harm ?? '-'} ${p.count ?? '-'} [${p.reasons.join(',')}]`,
        );
    }
    const rate = (HELD_OUT.length - misses.length) / HELD_OUT.length;
    console.info(
      `held-out SMS: ${HELD_OUT.length - misses.length}/${HELD_OUT.length} right\n${misses.join('\n')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });
});
