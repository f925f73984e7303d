import { TmcFrameEncodeError } from './frame-errors.js';
import type { TmcValue } from './frame-types.js';

/** A custom header without a value. */
export function voidValue(): TmcValue {
  return { format: 'void' };
}

/** A counted UTF-8 string. */
export function stringValue(value: string): TmcValue {
  return { format: 'string', value };
}

/** One unsigned byte, 0–255 (e.g. `__kind`). */
export function byteValue(value: number): TmcValue {
  return { format: 'byte', value };
}

/** A signed 16-bit integer. */
export function int16Value(value: number): TmcValue {
  return { format: 'int16', value };
}

/** A signed 32-bit integer. */
export function int32Value(value: number): TmcValue {
  return { format: 'int32', value };
}

/**
 * A signed 64-bit integer (message `id`, `userid`). Pass a `bigint` or a decimal string to keep ids beyond
 * 2^53 exact; a `number` must be a safe integer.
 *
 * @throws {TmcFrameEncodeError} for an unsafe number or a string that is not decimal digits.
 */
export function int64Value(value: bigint | string | number): TmcValue {
  return { format: 'int64', value: toBigInt(value, 'int64') };
}

/**
 * A date: epoch milliseconds as a signed 64-bit integer.
 *
 * @throws {TmcFrameEncodeError} for an invalid Date or a number that is not a safe integer.
 */
export function dateValue(value: Date | bigint | number): TmcValue {
  return { format: 'date', value: toBigInt(value instanceof Date ? value.getTime() : value, 'date') };
}

/** A counted byte array (gzip-compressed `content` travels in this form). */
export function bytesValue(value: Uint8Array): TmcValue {
  return { format: 'bytes', value };
}

function toBigInt(value: bigint | string | number, format: 'int64' | 'date'): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new TmcFrameEncodeError('out-of-range', format, 'a number must be a safe integer');
    return BigInt(value);
  }
  if (!/^-?\d{1,20}$/.test(value))
    throw new TmcFrameEncodeError('out-of-range', format, 'a string must be decimal digits');
  return BigInt(value);
}
