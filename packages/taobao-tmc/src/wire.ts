/**
 * `@x/taobao-tmc/wire`: the TMC binary frame codec, with no dependencies, for servers (the mock) and
 * clients alike.
 */
export { decodeFrame } from './wire/frame-decode.js';
export { encodeFrame } from './wire/frame-encode.js';
export {
  TmcFrameDecodeError,
  type TmcFrameDecodeErrorCode,
  TmcFrameEncodeError,
  type TmcFrameEncodeErrorCode,
} from './wire/frame-errors.js';
export {
  TMC_HEADER_TYPE,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  TMC_PROTOCOL_VERSION,
  TMC_VALUE_FORMAT,
  type TmcFrame,
  type TmcMessageType,
  type TmcValue,
  type TmcValueFormat,
} from './wire/frame-types.js';
export {
  bytesValue,
  byteValue,
  dateValue,
  int16Value,
  int32Value,
  int64Value,
  stringValue,
  voidValue,
} from './wire/frame-values.js';
