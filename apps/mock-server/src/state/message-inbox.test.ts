/**
 * The inbox formats `receivedAt` with a per-second cache (`isoInstant`): it must say exactly what
 * `Date#toISOString` says, for any time — also after a different second, a fraction, or a time before 1970.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './message-inbox.js';

describe('isoInstant', () => {
  it('equals Date#toISOString across seconds, fractions and signs', () => {
    const instant = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
      // Neighbours inside one second, where the cached prefix is reused.
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_003_000 }),
      fc.integer({ min: -3000, max: 3000 }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 8 }), (instants) => {
        for (const milliseconds of instants) {
          expect(isoInstant(milliseconds)).toBe(new Date(milliseconds).toISOString());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what a Date refuses', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(8.64e15 + 1)).toThrow(RangeError);
  });
});
