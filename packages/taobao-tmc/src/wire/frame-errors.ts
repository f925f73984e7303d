/** Why a frame could not be decoded. */
export type TmcFrameDecodeErrorCode =
  | 'truncated'
  | 'unsupported-version'
  | 'unknown-message-type'
  | 'unknown-header-type'
  | 'unknown-value-format'
  | 'invalid-utf8'
  | 'trailing-bytes';

/**
 * A binary message that is not a valid TMC frame. Carries where decoding stopped, never the frame's bytes
 * (they may hold a phone number).
 */
export class TmcFrameDecodeError extends Error {
  override readonly name = 'TmcFrameDecodeError' as const;
  /** What was wrong. */
  readonly code: TmcFrameDecodeErrorCode;
  /** The byte offset where the problem was found. */
  readonly offset: number;

  constructor(code: TmcFrameDecodeErrorCode, offset: number, detail: string) {
    super(`invalid TMC frame at byte ${offset}: ${detail}`);
    this.code = code;
    this.offset = offset;
  }
}

/** Why a frame could not be encoded. */
export type TmcFrameEncodeErrorCode = 'out-of-range' | 'unknown-message-type' | 'unknown-value-format';

/** A frame object that cannot be written: a value out of its format's range, or an unknown code. */
export class TmcFrameEncodeError extends Error {
  override readonly name = 'TmcFrameEncodeError' as const;
  /** What was wrong. */
  readonly code: TmcFrameEncodeErrorCode;
  /** The header at fault: a custom key, or `messageType`, `statusCode`, `flag`. */
  readonly field: string;

  constructor(code: TmcFrameEncodeErrorCode, field: string, detail: string) {
    super(`cannot encode TMC frame: ${field}: ${detail}`);
    this.code = code;
    this.field = field;
  }
}
