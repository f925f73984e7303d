import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame-decode.js';
import { encodeFrame } from './frame-encode.js';
import { TmcFrameDecodeError, TmcFrameEncodeError } from './frame-errors.js';
import type { TmcFrame, TmcValue } from './frame-types.js';
import { dateValue, int64Value } from './frame-values.js';

function decodeError(input: Uint8Array): TmcFrameDecodeError {
  try {
    decodeFrame(input);
  } catch (error) {
    if (error instanceof TmcFrameDecodeError) return error;
    throw error;
  }
  throw new Error('expected a TmcFrameDecodeError');
}

const valid = Uint8Array.from([
  0x02, 0x02, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x74, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x69, 0x64, 0x05,
  0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
]);

describe('decodeFrame on hostile input', () => {
  it('accepts the valid frame the cases below break', () => {
    expect(decodeFrame(valid).token).toBe('t');
  });

  it('reports every strict prefix of a valid frame as truncated', () => {
    for (let length = 0; length < valid.byteLength; length += 1) {
      const error = decodeError(valid.subarray(0, length));
      expect(error.code).toBe('truncated');
      expect(error.offset).toBeLessThanOrEqual(length);
    }
  });

  it('refuses a length beyond the input without allocating it', () => {
    // A token claiming 4 GiB - 1 bytes, followed by three.
    const error = decodeError(
      Uint8Array.from([0x02, 0x01, 0x05, 0x00, 0xff, 0xff, 0xff, 0xff, 0x61, 0x62, 0x63]),
    );
    expect(error).toMatchObject({ code: 'truncated', offset: 8 });
    const bytes = Uint8Array.from([
      0x02, 0x02, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x6b, 0x07, 0xfe, 0xff, 0xff, 0x7f,
    ]);
    expect(decodeError(bytes).code).toBe('truncated');
  });

  it.each([
    ['an empty message', [], 'truncated', 0],
    ['protocol version 1', [0x01, 0x00, 0x00, 0x00], 'unsupported-version', 0],
    ['message type 4', [0x02, 0x04, 0x00, 0x00], 'unknown-message-type', 1],
    ['header type 6', [0x02, 0x02, 0x06, 0x00, 0x00, 0x00], 'unknown-header-type', 2],
    ['header type 256', [0x02, 0x02, 0x00, 0x01], 'unknown-header-type', 2],
    [
      'value format 8',
      [0x02, 0x02, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x6b, 0x08, 0x00, 0x00],
      'unknown-value-format',
      9,
    ],
    ['invalid UTF-8', [0x02, 0x02, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00], 'invalid-utf8', 4],
    ['bytes after the end of headers', [0x02, 0x03, 0x00, 0x00, 0x00], 'trailing-bytes', 4],
  ] as const)('refuses %s with a typed error', (_name, input, code, offset) => {
    expect(decodeError(Uint8Array.from(input))).toMatchObject({ name: 'TmcFrameDecodeError', code, offset });
  });

  it('never throws anything but TmcFrameDecodeError on random bytes', () => {
    const framed = fc
      .uint8Array({ maxLength: 64 })
      .map((tail) => Uint8Array.from([0x02, tail[0] ?? 0, ...tail.subarray(1)]));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), framed), (input) => {
        try {
          decodeFrame(input);
        } catch (error) {
          expect(error).toBeInstanceOf(TmcFrameDecodeError);
        }
      }),
    );
  });

  it('reports a corrupted byte of a valid frame as a typed error or a different frame, never a crash', () => {
    fc.assert(
      fc.property(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 }), (index, value) => {
        const corrupted = valid.slice();
        corrupted[index] = value;
        try {
          expect(decodeFrame(corrupted).messageType).toBeLessThanOrEqual(3);
        } catch (error) {
          expect(error).toBeInstanceOf(TmcFrameDecodeError);
        }
      }),
    );
  });
});

describe('encodeFrame on values out of range', () => {
  const frameWith = (value: TmcValue): TmcFrame => ({ messageType: 2, headers: new Map([['k', value]]) });

  it.each([
    ['a byte above 255', frameWith({ format: 'byte', value: 256 })],
    ['a negative byte', frameWith({ format: 'byte', value: -1 })],
    ['an int16 above 32767', frameWith({ format: 'int16', value: 32768 })],
    ['a fractional int32', frameWith({ format: 'int32', value: 1.5 })],
    ['an int64 above 2^63 - 1', frameWith({ format: 'int64', value: 2n ** 63n })],
    ['a date below -2^63', frameWith({ format: 'date', value: -(2n ** 63n) - 1n })],
    ['a negative flag', { messageType: 2, flag: -1, headers: new Map() } satisfies TmcFrame],
    [
      'a status code above 2^32 - 1',
      { messageType: 1, statusCode: 2 ** 32, headers: new Map() } satisfies TmcFrame,
    ],
  ] as const)('refuses %s', (_name, frame) => {
    expect(() => encodeFrame(frame)).toThrow(TmcFrameEncodeError);
  });

  it('refuses an unknown message type', () => {
    const frame = { messageType: 9, headers: new Map() } as unknown as TmcFrame;
    expect(() => encodeFrame(frame)).toThrow(expect.objectContaining({ code: 'unknown-message-type' }));
  });
});

describe('value helpers', () => {
  it('build exact 64-bit values from bigints, decimal strings, safe numbers and dates', () => {
    expect(int64Value('9223372036854775807')).toEqual({ format: 'int64', value: 2n ** 63n - 1n });
    expect(int64Value(42)).toEqual({ format: 'int64', value: 42n });
    expect(dateValue(new Date(1_700_000_000_000))).toEqual({ format: 'date', value: 1_700_000_000_000n });
  });

  it('refuse a number that is not a safe integer, text that is not digits, and an invalid Date', () => {
    expect(() => int64Value(2 ** 53)).toThrow(
      expect.objectContaining({ code: 'out-of-range', field: 'int64' }),
    );
    expect(() => int64Value('12a')).toThrow(TmcFrameEncodeError);
    expect(() => dateValue(new Date(Number.NaN))).toThrow(expect.objectContaining({ field: 'date' }));
  });
});
