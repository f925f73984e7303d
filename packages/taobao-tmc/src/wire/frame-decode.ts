import { TmcFrameDecodeError } from './frame-errors.js';
import {
  TMC_HEADER_TYPE,
  TMC_PROTOCOL_VERSION,
  type TmcFrame,
  type TmcMessageType,
  type TmcValue,
} from './frame-types.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads one binary TMC message. Every length is checked against the bytes actually present before anything
 * is allocated, so a hostile length cannot make it allocate more than the input's size. Byte arrays are
 * copied out, so the result does not alias `input` (which may be a pooled buffer).
 *
 * @throws {TmcFrameDecodeError} for a truncated frame, a wrong version, an unknown message type, header type
 *   or value format, invalid UTF-8, or bytes after the end-of-headers mark.
 */
export function decodeFrame(input: Uint8Array | ArrayBuffer): TmcFrame {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const reader = new FrameReader(bytes);
  const version = reader.uint8();
  if (version !== TMC_PROTOCOL_VERSION)
    throw new TmcFrameDecodeError('unsupported-version', 0, `protocol version ${version}, expected 2`);
  const messageType = reader.uint8();
  if (messageType > 3)
    throw new TmcFrameDecodeError('unknown-message-type', 1, `message type ${messageType}`);
  let statusCode: number | undefined;
  let statusPhrase: string | undefined;
  let flag: number | undefined;
  let token: string | undefined;
  const headers = new Map<string, TmcValue>();
  for (;;) {
    const at = reader.offset;
    const headerType = reader.uint16();
    if (headerType === TMC_HEADER_TYPE.endOfHeaders) break;
    switch (headerType) {
      case TMC_HEADER_TYPE.custom: {
        const key = reader.countedString();
        headers.set(key, reader.value());
        break;
      }
      case TMC_HEADER_TYPE.statusCode:
        statusCode = reader.uint32();
        break;
      case TMC_HEADER_TYPE.statusPhrase:
        statusPhrase = reader.countedString();
        break;
      case TMC_HEADER_TYPE.flag:
        flag = reader.uint32();
        break;
      case TMC_HEADER_TYPE.token:
        token = reader.countedString();
        break;
      default:
        throw new TmcFrameDecodeError('unknown-header-type', at, `header type ${headerType}`);
    }
  }
  if (reader.offset !== bytes.byteLength)
    throw new TmcFrameDecodeError(
      'trailing-bytes',
      reader.offset,
      `${bytes.byteLength - reader.offset} bytes after the end of headers`,
    );
  return {
    messageType: messageType as TmcMessageType,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(statusPhrase === undefined ? {} : { statusPhrase }),
    ...(flag === undefined ? {} : { flag }),
    ...(token === undefined ? {} : { token }),
    headers,
  };
}

/** A bounds-checked little-endian cursor over one frame. */
class FrameReader {
  offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  uint8(): number {
    this.need(1);
    const value = this.view.getUint8(this.offset);
    this.offset += 1;
    return value;
  }

  uint16(): number {
    this.need(2);
    const value = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  countedString(): string {
    const start = this.offset;
    const raw = this.countedRaw();
    try {
      return strictUtf8.decode(raw);
    } catch {
      throw new TmcFrameDecodeError('invalid-utf8', start, 'a string is not valid UTF-8');
    }
  }

  value(): TmcValue {
    const at = this.offset;
    const format = this.uint8();
    switch (format) {
      case 0:
        return { format: 'void' };
      case 1:
        return { format: 'string', value: this.countedString() };
      case 2:
        return { format: 'byte', value: this.uint8() };
      case 3: {
        this.need(2);
        const value = this.view.getInt16(this.offset, true);
        this.offset += 2;
        return { format: 'int16', value };
      }
      case 4: {
        this.need(4);
        const value = this.view.getInt32(this.offset, true);
        this.offset += 4;
        return { format: 'int32', value };
      }
      case 5:
        return { format: 'int64', value: this.int64() };
      case 6:
        return { format: 'date', value: this.int64() };
      case 7:
        return { format: 'bytes', value: this.countedRaw().slice() };
      default:
        throw new TmcFrameDecodeError('unknown-value-format', at, `value format ${format}`);
    }
  }

  private int64(): bigint {
    this.need(8);
    const value = this.view.getBigInt64(this.offset, true);
    this.offset += 8;
    return value;
  }

  /** A uint32 length and that many bytes, as a view into the input (no copy). */
  private countedRaw(): Uint8Array {
    const length = this.uint32();
    this.need(length);
    const raw = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return raw;
  }

  private need(count: number): void {
    if (this.offset + count > this.bytes.byteLength)
      throw new TmcFrameDecodeError(
        'truncated',
        this.offset,
        `needs ${count} more bytes, ${this.bytes.byteLength - this.offset} left`,
      );
  }
}
