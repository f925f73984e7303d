/** @module @x/qianniu-tpn — a typed client for taobao.tpn.template.message.send; wire schemas at ./schemas. */

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
  createTpnClient,
  type TpnClient,
  type TpnClientOptions,
  type TpnId,
  type TpnJson,
  type TpnSendAccepted,
  type TpnSendOptions,
  type TpnSendRefused,
  type TpnSendRequest,
  type TpnSendResult,
} from './tpn-client.js';
