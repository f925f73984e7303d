/** @module @x/taobao-jst — a typed client for taobao.jst.sms.message.send; wire schemas at ./schemas. */

// Errors, guards and shared option types, re-exported so that callers need no direct @x/core dependency
export {
  type AfterResponseHook,
  type BeforeRequestHook,
  defaultRetryPolicy,
  defaultTopBaseUrl,
  type FetchFunction,
  type Hooks,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  isXError,
  type RequestHookInfo,
  type ResponseHookInfo,
  type RetryContext,
  type RetryOptions,
  TopPlatformError,
  TransportError,
  type TransportErrorKind,
  ValidationError,
  type ValidationIssue,
  XError,
} from '@x/core';
// The client
export {
  createJstClient,
  type JstClient,
  type JstClientOptions,
  type JstSendAccepted,
  type JstSendMessageRequest,
  type JstSendOptions,
  type JstSendRefused,
  type JstSendResult,
} from './jst-client.js';
