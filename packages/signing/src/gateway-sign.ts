/**
 * fw199 gateway signing (`docs/protocol.md` §2.2, identical in the vendor's Java, PHP and C# SDKs):
 * lower-hex MD5(secret + every field but `sign`, sorted by key, as key + value, empty values included + secret).
 * `request_data` is signed as the exact JSON text that is sent.
 */
import { hash } from 'node:crypto';
import { assertParamsObject, assertSecret, nonStringParam } from './assert-input.js';
import { hexEqualsConstantTime } from './constant-time.js';
import { sortedKeys } from './sorted-keys.js';
import type { SignableParams, VerifyResult } from './types.js';

/**
 * The exact string that is hashed, secret at both ends included.
 * @example gatewayCanonicalString({ a: '1', b: '2' }, 's') // 'sa1b2s'
 */
export function gatewayCanonicalString(params: SignableParams, secret: string): string {
  assertParamsObject(params);
  assertSecret(secret);
  return secret + buildGatewayBody(params) + secret;
}

/**
 * Signs a gateway form. Lower-case hex, 32 characters.
 * @example signGateway({ a: '1', b: '2' }, 's') // '5ee29085af57d942f21f1c5ba3c2a90a'
 */
export function signGateway(params: SignableParams, secret: string): string {
  assertParamsObject(params);
  assertSecret(secret);
  return hash('md5', secret + buildGatewayBody(params) + secret, 'hex');
}

/** Checks the `sign` field of a received gateway form, in constant time, accepting either hex case. */
export function verifyGateway(params: SignableParams, secret: string): VerifyResult {
  assertParamsObject(params);
  assertSecret(secret);
  const body = buildGatewayBody(params);
  const expected = hash('md5', secret + body + secret, 'hex');
  const received = params.sign;
  if (received === undefined || received === '') {
    return { ok: false, reason: 'missing-sign', expected, canonical: body };
  }
  if (hexEqualsConstantTime(received, expected)) return { ok: true };
  return { ok: false, reason: 'mismatch', expected, canonical: body };
}

/** Every field but `sign`, sorted, as key + value; checks each value is a string as it reads it. */
function buildGatewayBody(params: SignableParams): string {
  let body = '';
  for (const key of sortedKeys(params)) {
    const value: unknown = params[key];
    if (typeof value !== 'string') throw nonStringParam(key, value);
    if (key === 'sign') continue;
    body += key + value;
  }
  return body;
}
