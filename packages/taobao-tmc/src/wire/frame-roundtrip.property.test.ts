import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame-decode.js';
import { encodeFrame } from './frame-encode.js';
import { TmcFrameDecodeError } from './frame-errors.js';
import type { TmcFrame, TmcMessageType, TmcValue } from './frame-types.js';

// `binary` strings are whole code points (no lone surrogates), which UTF-8 carries unchanged.
const text = fc.string({ unit: 'binary', maxLength: 24 });
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });

const value: fc.Arbitrary<TmcValue> = fc.oneof(
  fc.constant<TmcValue>({ format: 'void' }),
  text.map((value): TmcValue => ({ format: 'string', value })),
  fc.integer({ min: 0, max: 255 }).map((value): TmcValue => ({ format: 'byte', value })),
  fc.integer({ min: -32768, max: 32767 }).map((value): TmcValue => ({ format: 'int16', value })),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value): TmcValue => ({ format: 'int32', value })),
  int64.map((value): TmcValue => ({ format: 'int64', value })),
  int64.map((value): TmcValue => ({ format: 'date', value })),
  fc.uint8Array({ maxLength: 32 }).map((value): TmcValue => ({ format: 'bytes', value })),
);

const uint32 = fc.nat({ max: 0xffff_ffff });

const frame: fc.Arbitrary<TmcFrame> = fc
  .record(
    {
      messageType: fc.constantFrom<TmcMessageType>(0, 1, 2, 3),
      statusCode: uint32,
      statusPhrase: text,
      flag: uint32,
      token: text,
      headers: fc
        .uniqueArray(fc.tuple(text, value), { selector: ([key]) => key, maxLength: 8 })
        .map((entries) => new Map(entries)),
    },
    { requiredKeys: ['messageType', 'headers'] },
  )
  .map((fields) => fields as TmcFrame);

describe('TMC frame codec properties', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(frame, (original) => {
        expect(decodeFrame(encodeFrame(original))).toEqual(original);
      }),
    );
  });

  it('reports every strict prefix of an encoded frame as truncated', () => {
    fc.assert(
      fc.property(
        frame,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (original, fraction) => {
          const wire = encodeFrame(original);
          const cut = Math.floor(fraction * wire.byteLength);
          expect(() => decodeFrame(wire.subarray(0, cut))).toThrow(
            expect.objectContaining({ name: TmcFrameDecodeError.name, code: 'truncated' }),
          );
        },
      ),
    );
  });
});
