/** @module @x/doudian-sms — a typed client for the fw199 gateway's Douyin shop SMS; wire schemas at ./schemas. */

// Errors, guards and shared option types, re-exported so that callers need no direct @x/core dependency
export {
  type AfterResponseHook,
  type BatchFailureFields,
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
export {
  createDoudianSmsClient,
  type DoudianSendOptions,
  type DoudianSmsClient,
  type DoudianSmsClientOptions,
} from './doudian-client.js';
// Results and their recipients
export type { DoudianOrderRecipient, DoudianPhoneRecipient, DoudianRecipient } from './doudian-recipients.js';
// Input
export type {
  DoudianMessage,
  DoudianOrderMessage,
  DoudianPhoneMessage,
  DoudianSendRequest,
  DoudianTemplateParams,
} from './doudian-request.js';
export type {
  DoudianSendFailure,
  DoudianSendResult,
  DoudianSendSuccess,
  DoudianSentFields,
} from './doudian-results.js';
