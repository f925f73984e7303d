/**
 * TOP signing (`docs/protocol.md` §1.3): every parameter but `sign`, empty values skipped, sorted by key,
 * concatenated as key + value, then MD5(secret + s + secret), HMAC-MD5 or HMAC-SHA256, upper-case hex.
 */
import { hash } from 'node:crypto';
import { assertParamsObject, assertSecret, assertSignMethod, nonStringParam } from './assert-input.js';
import { hmacHex } from './hmac.js';
import { sortedKeys } from './sorted-keys.js';
import type { SignableParams, TopSignMethod } from './types.js';

/** How an empty value is signed. Official clients skip it; some clients sign the bare key. */
export type EmptyValueMode = 'skip' | 'bare-key';

/**
 * The exact string a TOP signature is computed over (without the secret).
 * @example topCanonicalString({ v: '2.0', method: 'm' }) // 'methodmv2.0'
 */
export function topCanonicalString(params: SignableParams, emptyValues: EmptyValueMode = 'skip'): string {
  assertParamsObject(params);
  return buildTopCanonical(params, emptyValues);
}

/**
 * @internal The canonical string, `prefix` first. Checks every value is a string in the same pass that
 * concatenates (one pass over the params is what keeps `signTop` near the cost of the hash itself).
 */
export function buildTopCanonical(params: SignableParams, emptyValues: EmptyValueMode, prefix = ''): string {
  const keys = sortedKeys(params);
  let canonical = prefix;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const value: unknown = params[key];
    if (typeof value !== 'string') throw nonStringParam(key, value);
    if (key === 'sign' || (value === '' && emptyValues === 'skip')) continue;
    canonical += key;
    canonical += value;
  }
  return canonical;
}

/**
 * Signs a flat TOP request. Returns upper-case hex: 32 characters for `md5`/`hmac`, 64 for `hmac-sha256`.
 * `sign` itself, if present in `params`, is ignored.
 * @example signTop(params, 'helloworld', 'md5') // '66987CB115214E59E6EC978214934FB8' for the official doc example
 */
export function signTop(params: SignableParams, secret: string, signMethod: TopSignMethod): string {
  assertParamsObject(params);
  assertSecret(secret);
  assertSignMethod(signMethod);
  if (signMethod === 'md5') {
    // Build "secret + canonical + secret" in one string instead of concatenating twice more.
    return hash('md5', buildTopCanonical(params, 'skip', secret) + secret, 'hex').toUpperCase();
  }
  return digestTop(buildTopCanonical(params, 'skip'), secret, signMethod);
}

/** @internal Hash a canonical string with the given method; upper-case hex. */
export function digestTop(canonical: string, secret: string, signMethod: TopSignMethod): string {
  return digestTopLowerHex(canonical, secret, signMethod).toUpperCase();
}

/** @internal The same digest in lower-case hex, as the hash gives it: verifying needs no upper-case copy. */
export function digestTopLowerHex(canonical: string, secret: string, signMethod: TopSignMethod): string {
  switch (signMethod) {
    case 'md5':
      return hash('md5', secret + canonical + secret, 'hex');
    case 'hmac':
      return hmacHex('md5', secret, canonical);
    case 'hmac-sha256':
      return hmacHex('sha256', secret, canonical);
  }
}
