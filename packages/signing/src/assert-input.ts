/**
 * Argument checks shared by every signing function: a wrong input must fail loudly, never produce a
 * signature that the gateway then rejects with a bare "Invalid signature".
 */
import type { SignableParams, TopSignMethod } from './types.js';
import { topSignMethods } from './types.js';

export function assertParams(params: unknown): asserts params is SignableParams {
  assertParamsObject(params);
  for (const key in params) {
    const value = (params as Record<string, unknown>)[key];
    if (typeof value !== 'string') throw nonStringParam(key, value);
  }
}

/** The cheap half of `assertParams`; the signing loops check each value as they read it. */
export function assertParamsObject(params: unknown): asserts params is SignableParams {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new TypeError('params must be a plain object of strings');
  }
}

/**
 * A non-string (number, object, undefined) would be signed as its String() form by naive clients: one npm
 * SDK signs objects as "[object Object]". We refuse instead of guessing the wire form.
 */
export function nonStringParam(key: string, value: unknown): TypeError {
  return new TypeError(`params.${key} must be a string, got ${describeType(value)}`);
}

export function assertSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string') throw new TypeError(`secret must be a string, got ${describeType(secret)}`);
  if (secret.length === 0) throw new RangeError('secret must not be empty');
}

export function assertSignMethod(signMethod: unknown): asserts signMethod is TopSignMethod {
  if (!topSignMethods.includes(signMethod as TopSignMethod)) {
    throw new RangeError(
      `signMethod must be one of ${topSignMethods.join(', ')}, got ${typeof signMethod === 'string' ? JSON.stringify(signMethod) : describeType(signMethod)}`,
    );
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
