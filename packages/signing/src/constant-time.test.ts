import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexEqualsConstantTime } from './constant-time.js';

const lowerHex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 64 });

describe('hexEqualsConstantTime', () => {
  it('accepts the expected digest in any mix of cases', () => {
    fc.assert(
      fc.property(lowerHex, fc.array(fc.boolean(), { maxLength: 64 }), (expected, upper) => {
        const received = [...expected]
          .map((character, index) => (upper[index] ? character.toUpperCase() : character))
          .join('');
        expect(hexEqualsConstantTime(received, expected)).toBe(true);
      }),
    );
  });

  it('agrees with a lower-cased comparison for any received text, so only hex can match', () => {
    const lookalike = fc.constantFrom('\u0010', '\u0019', '@', '`', 'G', 'g', 'İ', 'K', ' ', '');
    fc.assert(
      fc.property(
        lowerHex,
        fc.array(fc.oneof(lookalike, fc.string({ maxLength: 1 })), { maxLength: 4 }),
        fc.nat(),
        (expected, noise, at) => {
          const position = at % (expected.length + 1);
          const received =
            expected.slice(0, position) + noise.join('') + expected.slice(position + noise.join('').length);
          expect(hexEqualsConstantTime(received, expected)).toBe(received.toLowerCase() === expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses control characters that differ from a digit only in bit 0x20', () => {
    expect(hexEqualsConstantTime('\u0010\u0011', '01')).toBe(false);
    expect(hexEqualsConstantTime('0A', '0a')).toBe(true);
  });
});
