/**
 * @module @x/taobao-tmc — a typed consumer for Taobao TMC. The frame codec is at `@x/taobao-tmc/wire`.
 */
export {
  decodeFrame,
  encodeFrame,
  type TmcFrame,
  TmcFrameDecodeError,
  type TmcFrameDecodeErrorCode,
  TmcFrameEncodeError,
  type TmcFrameEncodeErrorCode,
  type TmcValue,
} from './wire.js';
