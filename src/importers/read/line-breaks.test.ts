import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBreaks } from './line-breaks.ts';

describe('countBreaks', () => {
  it('counts CRLF, LF and lone CR once each, within the range only', () => {
    expect(countBreaks('a\r\nb\nc\rd', 0, 8)).toBe(3);
    expect(countBreaks('a\r\nb', 0, 2)).toBe(1); // a CR at the end of the range counts
    expect(countBreaks('\n\n\n', 1, 2)).toBe(1);
  });

  it('agrees with splitting on line breaks, for short and long ranges', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n'), maxLength: 50 });
    fc.assert(
      fc.property(text, fc.nat(70_000), (sample, pad) => {
        const full = 'x'.repeat(pad) + sample;
        expect(countBreaks(full, 0, full.length)).toBe(full.split(/\r\n|\r|\n/).length - 1);
      }),
      { numRuns: 300 },
    );
  });
});
