/**
 * @module @x/taobao-tmc — a typed consumer for Taobao TMC (the Taobao message service): delivery receipts of
 * Jushita SMS and any other topic, over WebSocket or HTTP pull, confirmed only after your handler succeeds.
 * The frame codec is at `@x/taobao-tmc/wire`.
 */

// Errors, guards and shared types, re-exported so that callers need no direct @x/core dependency
export {
  type FetchFunction,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  isXError,
  maskPhoneNumber,
  TopPlatformError,
  TransportError,
  ValidationError,
  type ValidationIssue,
  XError,
} from '@x/core';
export type { ReconnectOptions } from './backoff.js';
// Connecting
export { signTmcConnect, type TmcConnectSignInput } from './connect-sign.js';
export type { TmcCommonOptions } from './consumer-options.js';
export type { TmcConsumer } from './consumer-shell.js';
// Duplicates and correlation
export { createMessageIdWindow, dedupe, defaultDedupeWindow, type MessageIdWindow } from './dedupe.js';
export {
  TmcConnectError,
  type TmcConnectFailure,
  type TmcConsumerEvent,
  type TmcEventListener,
} from './events.js';
export { createTmcHttpConsumer, type TmcHttpConsumerOptions } from './http-consumer.js';
// Messages and handlers
export { contentText, messageFromFrame, type TmcMessage, TmcMessageFormatError } from './message.js';
// Receipts
export {
  parseSmsReceipt,
  type SmsReceipt,
  SmsReceiptFormatError,
  smsReceiptSchema,
  smsReceiptTopic,
} from './receipt.js';
export {
  createReceiptWaiter,
  type ReceiptKey,
  type ReceiptOutcome,
  type ReceiptWaiter,
  type ReceiptWaiterOptions,
  type WaitForReceiptOptions,
} from './receipt-waiter.js';
export type { SmsReceiptHandler, TmcHandler } from './topic-router.js';
export { createTmcConsumer, defaultTmcUrl, type TmcConsumerOptions } from './websocket-consumer.js';
export type { TmcWebSocket, TmcWebSocketConstructor } from './websocket-types.js';
