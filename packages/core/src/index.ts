/** @module @x/core — what the @x adapters share: TOP and fw199 gateway calls, errors, retries, batching, redaction. */

// Batching: pairing results with items by key, and chunked sending with one result per item
export { type AlignByKeyOptions, alignByKey } from './batch-alignment.js';
export {
  type BatchAccepted,
  type BatchRefused,
  type BatchRefusedFields,
  type BatchResult,
  defaultChunkSize,
  defaultConcurrency,
  resolveConcurrency,
  type SendInChunksOptions,
  sendInChunks,
} from './batching.js';
// Redaction
export { BoundedMap } from './bounded-map.js';
// Wire encoding: compact JSON text
export { compactJson } from './compact-json.js';
// Input validation before sending
export { type DuplicateKey, type FindDuplicateKeysOptions, findDuplicateKeys } from './duplicate-keys.js';
// Errors: guards that work across duplicate installs, and the classes
export {
  isGatewayError,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  isXError,
} from './error-guards.js';
export {
  GatewayError,
  type GatewayErrorFields,
  TopPlatformError,
  type TopPlatformErrorFields,
  TransportError,
  type TransportErrorFields,
  type TransportErrorKind,
  ValidationError,
  type ValidationErrorFields,
  type ValidationIssue,
  XError,
  type XErrorFields,
  type XErrorName,
} from './errors.js';
// The fw199 gateway call, and the send() of an endpoint that takes a list of messages
export {
  type GatewayBatchEndpoint,
  type GatewayBatchSendCall,
  sendGatewayBatch,
} from './gateway-batch-send.js';
export {
  createGatewayCaller,
  defaultGatewayBaseUrl,
  type GatewayCaller,
  type GatewayCallerOptions,
  type GatewayCallRequest,
  type GatewayCallResult,
} from './gateway-call.js';
// Logging and metrics hooks
export type {
  AfterResponseHook,
  BeforeRequestHook,
  Hooks,
  RequestHookInfo,
  ResponseHookInfo,
} from './hooks.js';
export { type ValidateInputContext, validateInput } from './input-validation.js';
export { maskPhoneNumber, redactText } from './redaction.js';
// The retry policy
export {
  defaultRetryPolicy,
  type RetryContext,
  type RetryOptions,
  type RetryPolicy,
  resolveRetryPolicy,
  retryDelay,
} from './retry-policy.js';
// Schemas are taken through Standard Schema, so no signature names a validation library
export type { StandardSchemaV1 } from './standard-schema.js';
// The TOP call
export {
  createTopCaller,
  defaultTopBaseUrl,
  defaultTopSignMethod,
  type TopCaller,
  type TopCallerOptions,
  type TopCallRequest,
  type TopCallResult,
  type TopParamValue,
} from './top-call.js';
export type { TopXmlFieldType } from './top-response.js';
// Options every client takes
export { defaultTimeout, type FetchFunction, type TransportOptions } from './transport-options.js';
