import { TmcFrameEncodeError } from './frame-errors.js';
import {
  TMC_HEADER_TYPE,
  TMC_PROTOCOL_VERSION,
  TMC_VALUE_FORMAT,
  type TmcFrame,
  type TmcValue,
} from './frame-types.js';

const utf8 = new TextEncoder();
const UINT32_MAX = 0xffff_ffff;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** One piece of the frame, measured in the first pass and written in the second. */
type Piece =
  | { readonly kind: 'uint8'; readonly value: number }
  | { readonly kind: 'uint16'; readonly value: number }
  | { readonly kind: 'int16'; readonly value: number }
  | { readonly kind: 'uint32'; readonly value: number }
  | { readonly kind: 'int32'; readonly value: number }
  | { readonly kind: 'int64'; readonly value: bigint }
  | { readonly kind: 'raw'; readonly value: Uint8Array };

const pieceSize = { uint8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, int64: 8 } as const;

/**
 * Writes a frame as TMC's binary wire form (protocol version 2, little-endian): version, message type,
 * then status code, status phrase, flag and token when present, the custom headers in order, and the
 * end-of-headers mark.
 *
 * @throws {TmcFrameEncodeError} when a value does not fit its format (e.g. a byte above 255).
 */
export function encodeFrame(frame: TmcFrame): Uint8Array<ArrayBuffer> {
  const pieces: Piece[] = [];
  if (![0, 1, 2, 3].includes(frame.messageType))
    throw new TmcFrameEncodeError('unknown-message-type', 'messageType', 'must be 0, 1, 2 or 3');
  pieces.push({ kind: 'uint8', value: TMC_PROTOCOL_VERSION }, { kind: 'uint8', value: frame.messageType });
  if (frame.statusCode !== undefined) {
    pieces.push({ kind: 'uint16', value: TMC_HEADER_TYPE.statusCode });
    pieces.push({ kind: 'uint32', value: checkUint32(frame.statusCode, 'statusCode') });
  }
  if (frame.statusPhrase !== undefined) {
    pieces.push(
      { kind: 'uint16', value: TMC_HEADER_TYPE.statusPhrase },
      ...countedString(frame.statusPhrase),
    );
  }
  if (frame.flag !== undefined) {
    pieces.push({ kind: 'uint16', value: TMC_HEADER_TYPE.flag });
    pieces.push({ kind: 'uint32', value: checkUint32(frame.flag, 'flag') });
  }
  if (frame.token !== undefined) {
    pieces.push({ kind: 'uint16', value: TMC_HEADER_TYPE.token }, ...countedString(frame.token));
  }
  for (const [key, value] of frame.headers) {
    pieces.push({ kind: 'uint16', value: TMC_HEADER_TYPE.custom }, ...countedString(key));
    pieces.push(...valuePieces(key, value));
  }
  pieces.push({ kind: 'uint16', value: TMC_HEADER_TYPE.endOfHeaders });
  return writePieces(pieces);
}

function countedString(text: string): Piece[] {
  return countedBytes(utf8.encode(text));
}

function countedBytes(bytes: Uint8Array): Piece[] {
  return [
    { kind: 'uint32', value: bytes.byteLength },
    { kind: 'raw', value: bytes },
  ];
}

function valuePieces(key: string, value: TmcValue): Piece[] {
  const format = TMC_VALUE_FORMAT[value.format];
  if (format === undefined)
    throw new TmcFrameEncodeError('unknown-value-format', key, 'unknown value format');
  const head: Piece = { kind: 'uint8', value: format };
  switch (value.format) {
    case 'void':
      return [head];
    case 'string':
      return [head, ...countedString(value.value)];
    case 'byte':
      return [head, { kind: 'uint8', value: checkInteger(value.value, 0, 0xff, key) }];
    case 'int16':
      return [head, { kind: 'int16', value: checkInteger(value.value, -0x8000, 0x7fff, key) }];
    case 'int32':
      return [head, { kind: 'int32', value: checkInteger(value.value, -0x8000_0000, 0x7fff_ffff, key) }];
    case 'int64':
    case 'date':
      return [head, { kind: 'int64', value: checkInt64(value.value, key) }];
    case 'bytes':
      return [head, ...countedBytes(value.value)];
  }
}

function checkUint32(value: number, field: string): number {
  return checkInteger(value, 0, UINT32_MAX, field);
}

function checkInteger(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new TmcFrameEncodeError('out-of-range', field, `must be an integer from ${min} to ${max}`);
  return value;
}

function checkInt64(value: bigint, field: string): bigint {
  if (typeof value !== 'bigint' || value < INT64_MIN || value > INT64_MAX)
    throw new TmcFrameEncodeError('out-of-range', field, 'must be a signed 64-bit bigint');
  return value;
}

function writePieces(pieces: readonly Piece[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const piece of pieces) size += piece.kind === 'raw' ? piece.value.byteLength : pieceSize[piece.kind];
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'uint8':
        view.setUint8(offset, piece.value);
        break;
      case 'uint16':
        view.setUint16(offset, piece.value, true);
        break;
      case 'int16':
        view.setInt16(offset, piece.value, true);
        break;
      case 'uint32':
        view.setUint32(offset, piece.value, true);
        break;
      case 'int32':
        view.setInt32(offset, piece.value, true);
        break;
      case 'int64':
        view.setBigInt64(offset, piece.value, true);
        break;
      case 'raw':
        bytes.set(piece.value, offset);
        offset += piece.value.byteLength;
        continue;
    }
    offset += pieceSize[piece.kind];
  }
  return bytes;
}
