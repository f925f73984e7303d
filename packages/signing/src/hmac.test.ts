import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacHex } from './hmac.js';

/** Messages around the scratch's sizes: short, just under and over what is encoded without measuring, huge. */
const message = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('a', '您', '😀', '\u00e9'), minLength: 1300, maxLength: 1500 }),
  fc.string({ unit: fc.constantFrom('x', '好'), minLength: 4000, maxLength: 9000 }),
);

describe('hmacHex', () => {
  it('equals node:crypto createHmac for any secret and message, whatever their size', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('md5' as const, 'sha256' as const),
        fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 65, maxLength: 100 })),
        message,
        (algorithm, secret, text) => {
          expect(hmacHex(algorithm, secret, text)).toBe(
            createHmac(algorithm, secret).update(text, 'utf8').digest('hex'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays right after a long message grew the scratch and a short one follows', () => {
    const long = '好'.repeat(6000);
    expect(hmacHex('sha256', 'k', long)).toBe(createHmac('sha256', 'k').update(long).digest('hex'));
    expect(hmacHex('sha256', 'k', 'short')).toBe(createHmac('sha256', 'k').update('short').digest('hex'));
  });
});
