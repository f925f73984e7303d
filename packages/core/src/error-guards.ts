/**
 * Type guards for @x/core errors. They read a `Symbol.for` brand instead of using `instanceof`, so an error
 * thrown by one installed copy of @x/core is recognised by another (duplicate installs, bundled adapters).
 */
import {
  errorKindBrand,
  type GatewayError,
  type TopPlatformError,
  type TransportError,
  type ValidationError,
  type XError,
  type XErrorName,
} from './errors.js';

function kindOf(value: unknown): XErrorName | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [errorKindBrand]?: XErrorName })[errorKindBrand];
}

/** Any error thrown by @x/core or an adapter built on it. */
export function isXError(value: unknown): value is XError {
  return kindOf(value) !== undefined;
}

/** A TOP `error_response` (code, msg, subCode, subMsg, requestId). */
export function isTopPlatformError(value: unknown): value is TopPlatformError {
  return kindOf(value) === 'TopPlatformError';
}

/** A fw199 gateway call-level failure (code, gatewayMessage, traceId). */
export function isGatewayError(value: unknown): value is GatewayError {
  return kindOf(value) === 'GatewayError';
}

/** Input rejected before anything was sent (field, reason). */
export function isValidationError(value: unknown): value is ValidationError {
  return kindOf(value) === 'ValidationError';
}

/** A network, timeout, HTTP status or body-format failure (kind, status, maybeSent). */
export function isTransportError(value: unknown): value is TransportError {
  return kindOf(value) === 'TransportError';
}
