/**
 * The TMC frame model: one binary WebSocket message is one frame. The codes below are the wire's own
 * (protocol version 2, little-endian integers); the names are ours.
 */

/** The only protocol version TMC speaks: byte 0 of every frame. */
export const TMC_PROTOCOL_VERSION = 2;

/** Byte 1 of a frame: what the frame is. */
export const TMC_MESSAGE_TYPE = {
  /** Client → server: open a session (signed). */
  connect: 0,
  /** Server → client: the answer to CONNECT, with the session token (or an error status). */
  connectAck: 1,
  /** Either way: data, confirm, fail and pull all travel as SEND. */
  send: 2,
  /** The answer to a SEND that asked for one. */
  sendAck: 3,
} as const;

/** A frame's message type code: 0 CONNECT, 1 CONNECTACK, 2 SEND, 3 SENDACK. */
export type TmcMessageType = (typeof TMC_MESSAGE_TYPE)[keyof typeof TMC_MESSAGE_TYPE];

/** The uint16 that starts each header. */
export const TMC_HEADER_TYPE = {
  /** Ends the header list, and the frame. */
  endOfHeaders: 0,
  /** A named value: counted-string key, a value-format byte, then the value. */
  custom: 1,
  /** uint32 status code; > 0 is an error. */
  statusCode: 2,
  /** Counted string: the status phrase. */
  statusPhrase: 3,
  /** uint32 that pairs a request with its answer. */
  flag: 4,
  /** Counted string: the session token. */
  token: 5,
} as const;

/** The byte that says how a custom header's value is encoded. */
export const TMC_VALUE_FORMAT = {
  void: 0,
  string: 1,
  byte: 2,
  int16: 3,
  int32: 4,
  int64: 5,
  date: 6,
  bytes: 7,
} as const;

/** The name of a value format: a key of {@link TMC_VALUE_FORMAT}. */
export type TmcValueFormat = keyof typeof TMC_VALUE_FORMAT;

/**
 * A custom header's value, tagged with its wire format.
 *
 * - `byte`: 0–255 (written as one unsigned byte).
 * - `int16`, `int32`: signed.
 * - `int64`: signed 64-bit as a `bigint`, so ids beyond 2^53 stay exact.
 * - `date`: epoch milliseconds as a signed 64-bit `bigint` (exact whatever a peer sends).
 * - `bytes`: raw bytes (`content` arrives gzip-compressed in this form).
 */
export type TmcValue =
  | { readonly format: 'void' }
  | { readonly format: 'string'; readonly value: string }
  | { readonly format: 'byte'; readonly value: number }
  | { readonly format: 'int16'; readonly value: number }
  | { readonly format: 'int32'; readonly value: number }
  | { readonly format: 'int64'; readonly value: bigint }
  | { readonly format: 'date'; readonly value: bigint }
  | { readonly format: 'bytes'; readonly value: Uint8Array };

/**
 * One TMC frame. The fixed headers are optional and written only when present; custom headers keep their
 * insertion order. When a frame repeats a header, decoding keeps the last one (as the Java SDK's map does).
 */
export interface TmcFrame {
  /** 0 CONNECT, 1 CONNECTACK, 2 SEND, 3 SENDACK. */
  readonly messageType: TmcMessageType;
  /** uint32; an answer with a status code > 0 is an error. */
  readonly statusCode?: number | undefined;
  /** The error's words, when there is one. */
  readonly statusPhrase?: string | undefined;
  /** uint32 pairing a request with its answer: CONNECTACK echoes the CONNECT's flag. */
  readonly flag?: number | undefined;
  /** The session token the server chose; every frame after CONNECTACK carries it. */
  readonly token?: string | undefined;
  /** Custom headers, by key, in wire order. */
  readonly headers: ReadonlyMap<string, TmcValue>;
}

/**
 * What a SEND frame's `__kind` header says. Data is server → client; pull, confirm and fail are
 * client → server.
 */
export const TMC_MESSAGE_KIND = {
  /** Client asks for messages (the server also pushes without being asked). */
  pull: 1,
  /** Client confirms message `id`: it will not come back. */
  confirm: 2,
  /** Server delivers a message. */
  data: 3,
  /** Client fails message `id` with a short `msg`: it comes back later. */
  fail: 20,
} as const;
