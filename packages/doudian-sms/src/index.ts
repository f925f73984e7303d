/** @module @x/doudian-sms — a typed client for the fw199 gateway's Douyin shop SMS; wire schemas at ./schemas. */

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
export {
  createDoudianClient,
  type DoudianClient,
  type DoudianClientOptions,
  type DoudianSendOptions,
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
  DoudianAcceptedFields,
  DoudianSendAccepted,
  DoudianSendRefused,
  DoudianSendResult,
} from './doudian-results.js';
