import { gunzipSync } from 'node:zlib';
import type { TmcFrame, TmcValue } from './wire/frame-types.js';

/**
 * One TMC message as a handler receives it, whichever transport brought it. Field names are the WebSocket
 * wire's; the HTTP pull's `pub_time`, `pub_app_key`, `user_id` and `user_nick` arrive as `time`,
 * `publisher`, `userid` and `nick`.
 */
export interface TmcMessage {
  /** The message id (Int64) as a decimal string, exact beyond 2^53. Redeliveries keep it. */
  readonly id: string;
  /** The topic, e.g. `alibaba_aliqin_TaFcSmsDR`. */
  readonly topic: string;
  /** The payload: JSON text, already gunzipped when it arrived compressed. */
  readonly content: string;
  /** When the message was published. */
  readonly time?: Date | undefined;
  /** The app key that published it. */
  readonly publisher?: string | undefined;
  /** The seller's nick. */
  readonly nick?: string | undefined;
  /** The seller's user id (Int64) as a decimal string. */
  readonly userid?: string | undefined;
  /** When the message expires, if the server says. */
  readonly outtime?: Date | undefined;
  /** The platform's data id, if any. */
  readonly dataid?: string | undefined;
}

const utf8 = new TextDecoder('utf-8');

/** Why a data frame could not be read as a message; short, and never echoes the content. */
export class TmcMessageFormatError extends Error {
  override readonly name = 'TmcMessageFormatError' as const;
}

/** The `__kind` of a SEND frame, or undefined when it has none. */
export function messageKind(frame: TmcFrame): number | undefined {
  const kind = frame.headers.get('__kind');
  if (kind === undefined) return undefined;
  return integerOf(kind);
}

/**
 * Reads a data frame (`__kind` 3) as a message: `id` and `userid` as exact decimal strings whether they
 * arrive as int64 or text, `content` as text whether it arrives as a string or gzip bytes.
 *
 * @throws {TmcMessageFormatError} when `id`, `topic` or `content` is missing or of the wrong form.
 */
export function messageFromFrame(frame: TmcFrame): TmcMessage {
  const { headers } = frame;
  const id = decimalOf(headers.get('id'));
  if (id === undefined) throw new TmcMessageFormatError('a data frame without an integer id');
  const topic = textOf(headers.get('topic'));
  if (topic === undefined) throw new TmcMessageFormatError(`message ${id} has no topic`);
  const content = contentOf(headers.get('content'));
  if (content === undefined) throw new TmcMessageFormatError(`message ${id} has no readable content`);
  return {
    id,
    topic,
    content,
    time: dateOf(headers.get('time')),
    publisher: textOf(headers.get('publisher')),
    nick: textOf(headers.get('nick')),
    userid: decimalOf(headers.get('userid')),
    outtime: dateOf(headers.get('outtime')),
    dataid: textOf(headers.get('dataid')) ?? decimalOf(headers.get('dataid')),
  };
}

/**
 * Message content as text: a string as it is; bytes gunzipped when they start with the gzip magic number,
 * otherwise read as UTF-8.
 */
export function contentText(bytes: Uint8Array): string {
  const gzipped = bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  return utf8.decode(gzipped ? gunzipSync(bytes) : bytes);
}

function contentOf(value: TmcValue | undefined): string | undefined {
  if (value?.format === 'string') return value.value;
  if (value?.format !== 'bytes') return undefined;
  try {
    return contentText(value.value);
  } catch {
    return undefined;
  }
}

function textOf(value: TmcValue | undefined): string | undefined {
  return value?.format === 'string' ? value.value : undefined;
}

function integerOf(value: TmcValue): number | undefined {
  switch (value.format) {
    case 'byte':
    case 'int16':
    case 'int32':
      return value.value;
    case 'int64':
      return Number(value.value);
    case 'string':
      return /^-?\d{1,9}$/.test(value.value) ? Number(value.value) : undefined;
    default:
      return undefined;
  }
}

function decimalOf(value: TmcValue | undefined): string | undefined {
  switch (value?.format) {
    case 'int64':
      return value.value.toString();
    case 'byte':
    case 'int16':
    case 'int32':
      return String(value.value);
    case 'string':
      return /^-?\d{1,20}$/.test(value.value) ? value.value : undefined;
    default:
      return undefined;
  }
}

function dateOf(value: TmcValue | undefined): Date | undefined {
  if (value?.format !== 'date' && value?.format !== 'int64') return undefined;
  const date = new Date(Number(value.value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
