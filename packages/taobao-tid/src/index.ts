/** @module @x/taobao-tid — a typed client for the fw199 gateway's Taobao SMS by order id; wire schemas at ./schemas. */

// Errors, guards and shared option types, re-exported so that callers need no direct @x/core dependency
export {
  type AfterResponseHook,
  type BatchRefusedFields,
  type BeforeRequestHook,
  defaultGatewayBaseUrl,
  defaultRetryPolicy,
  type FetchFunction,
  GatewayError,
  type Hooks,
  isGatewayError,
  isTransportError,
  isValidationError,
  isXError,
  type RequestHookInfo,
  type ResponseHookInfo,
  type RetryContext,
  type RetryOptions,
  TransportError,
  type TransportErrorKind,
  ValidationError,
  type ValidationIssue,
  XError,
} from '@x/core';
// The client
export { createTidClient, type TidClient, type TidClientOptions, type TidSendOptions } from './tid-client.js';
// Results
export type { TidModule, TidSendAccepted, TidSendRefused, TidSendResult } from './tid-results.js';
// Input
export type { TidSendItem, TidTemplateParams } from './tid-send-item.js';
