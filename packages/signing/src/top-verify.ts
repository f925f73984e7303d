/**
 * Checks the `sign` of a received TOP request with the algorithm named by its own `sign_method`.
 * Accepts either hex case and either empty-value variant (`docs/protocol.md` §1.3: official clients skip empty
 * values, some sign the bare key).
 */
import { assertParams, assertParamsObject, assertSecret } from './assert-input.js';
import { hexEqualsConstantTime } from './constant-time.js';
import { buildTopCanonical, digestTopLowerHex } from './top-sign.js';
import { type SignableParams, type TopSignMethod, topSignMethods, type VerifyResult } from './types.js';

export function verifyTop(params: SignableParams, secret: string): VerifyResult {
  assertParamsObject(params);
  if (typeof secret !== 'string' || secret === '') {
    assertParams(params); // a bad parameter is reported before a bad secret, as always
    assertSecret(secret);
  }
  const signMethod =
    params.sign_method === undefined || params.sign_method === '' ? 'md5' : params.sign_method;
  const received = params.sign;
  if (!topSignMethods.includes(signMethod as TopSignMethod)) {
    assertParams(params);
    return { ok: false, reason: 'unknown-sign-method', signMethod };
  }
  const method = signMethod as TopSignMethod;
  let canonical: string;
  try {
    // Checks every value is a string as it concatenates: no separate pass over the params.
    canonical = buildTopCanonical(params, 'skip');
  } catch (error) {
    assertParams(params); // the same TypeError as always: the first non-string in insertion order
    throw error;
  }
  // Compared in lower case as the hash gives it; upper case (TOP's own) only for a failure's diagnostics.
  const digest = digestTopLowerHex(canonical, secret, method);
  if (received === undefined || received === '') {
    return {
      ok: false,
      reason: 'missing-sign',
      expected: digest.toUpperCase(),
      canonical,
      signMethod: method,
    };
  }
  if (hexEqualsConstantTime(received, digest)) return { ok: true };
  if (hasEmptyValue(params)) {
    const bareKeyDigest = digestTopLowerHex(buildTopCanonical(params, 'bare-key'), secret, method);
    if (hexEqualsConstantTime(received, bareKeyDigest)) return { ok: true };
  }
  return { ok: false, reason: 'mismatch', expected: digest.toUpperCase(), canonical, signMethod: method };
}

function hasEmptyValue(params: SignableParams): boolean {
  for (const key in params) {
    if (key !== 'sign' && params[key] === '') return true;
  }
  return false;
}
