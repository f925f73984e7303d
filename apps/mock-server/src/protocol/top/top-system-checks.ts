/**
 * The TOP system-parameter checks, in the order docs/protocol.md §1.6 decides: method → app_key → timestamp → v →
 * sign → session. The first failure is the answer; each carries a plain-words reason for the journal.
 */
import { parseTopTimestamp, topCanonicalString, verifyTop } from '@x/signing';
import type { ResolvedConfig, TopApp } from '../../config/resolve-config.js';
import { maskSecret } from '../../state/mask-secrets.js';
import type { SignatureDiagnostic } from '../../state/request-journal.js';
import { type TopError, topErrors } from '../errors/top-errors.js';
import { findTmcTopMethod, type TmcTopMethod } from '../tmc/tmc-top-methods.js';
import type { TopMethod } from './top-method.js';
import { findTopMethod } from './top-methods.js';

export type TopSystemCheck =
  | { ok: true; method: TopMethod | TmcTopMethod; app: TopApp; appKey: string; seller: string | null }
  | { ok: false; error: TopError; reason: string; signature?: SignatureDiagnostic };

const minuteMilliseconds = 60_000;

export function checkTopSystemParameters(
  params: Readonly<Record<string, string>>,
  config: ResolvedConfig,
  now: number,
): TopSystemCheck {
  const methodName = params.method;
  if (!methodName) return { ok: false, error: topErrors.missingMethod, reason: 'method is missing' };
  const method = findTopMethod(methodName) ?? findTmcTopMethod(methodName);
  if (method === undefined) {
    return {
      ok: false,
      error: topErrors.invalidMethod,
      reason: `method ${JSON.stringify(methodName)} is not served by this mock (taobao.jst.sms.message.send, taobao.tpn.template.message.send, taobao.tmc.messages.consume, taobao.tmc.messages.confirm, taobao.tmc.message.produce)`,
    };
  }

  const appKey = params.app_key;
  if (!appKey) return { ok: false, error: topErrors.invalidAppKey, reason: 'app_key is missing' };
  const app = config.findTopApp(appKey);
  if (app === undefined) {
    return {
      ok: false,
      error: topErrors.invalidAppKey,
      reason: `app_key ${JSON.stringify(appKey)} is not configured`,
    };
  }

  const timestampText = params.timestamp;
  if (!timestampText) return { ok: false, error: topErrors.missingTimestamp, reason: 'timestamp is missing' };
  let timestamp: number;
  try {
    timestamp = parseTopTimestamp(timestampText).getTime();
  } catch {
    return {
      ok: false,
      error: topErrors.invalidTimestamp,
      reason: `timestamp ${JSON.stringify(timestampText)} is neither "yyyy-MM-dd HH:mm:ss" (GMT+8) nor epoch milliseconds`,
    };
  }
  if (!Number.isFinite(timestamp)) {
    // 16-digit epoch milliseconds beyond a Date's range: a NaN difference must not pass the check below.
    return {
      ok: false,
      error: topErrors.invalidTimestamp,
      reason: `timestamp ${JSON.stringify(timestampText)} is not an instant (beyond the representable date range)`,
    };
  }
  const skew = timestamp - now;
  if (!(Math.abs(skew) <= config.timestampToleranceMilliseconds)) {
    const minutes = Math.round(Math.abs(skew) / minuteMilliseconds);
    return {
      ok: false,
      error: topErrors.invalidTimestamp,
      reason:
        `timestamp ${JSON.stringify(timestampText)} is ${minutes} minutes ${skew < 0 ? 'behind' : 'ahead of'} the mock's clock ` +
        `(allowed: ${config.timestampToleranceMilliseconds / minuteMilliseconds} minutes); TOP timestamps are GMT+8 wall-clock time`,
    };
  }

  const version = params.v;
  if (!version) return { ok: false, error: topErrors.missingVersion, reason: 'v is missing' };
  if (version !== '2.0') {
    return {
      ok: false,
      error: topErrors.invalidVersion,
      reason: `v must be "2.0", got ${JSON.stringify(version)}`,
    };
  }

  if (!params.sign) return { ok: false, error: topErrors.missingSignature, reason: 'sign is missing' };
  const verification = verifyTop(params, app.secret);
  if (!verification.ok) {
    if (verification.reason === 'unknown-sign-method') {
      return {
        ok: false,
        error: topErrors.invalidSignature,
        reason: `sign_method ${JSON.stringify(verification.signMethod)} is not one of md5, hmac, hmac-sha256`,
      };
    }
    const signMethod = verification.signMethod ?? 'md5';
    return {
      ok: false,
      error: topErrors.invalidSignature,
      reason: `sign does not match (${signMethod}); compare signature.signedString with the string your client signed`,
      signature: topSignatureDiagnostic(params, signMethod, verification.expected),
    };
  }

  const session = params.session;
  let seller: string | null = null;
  if (!session) {
    if (method.requiresSession) {
      return {
        ok: false,
        error: topErrors.missingSession,
        reason: `session is missing (${method.name} needs one)`,
      };
    }
  } else {
    const found = app.sellerOf(session);
    if (found === undefined) {
      return {
        ok: false,
        error: topErrors.invalidSession,
        reason: `session ${maskSecret(session)} is not configured for app_key ${JSON.stringify(appKey)}`,
      };
    }
    seller = found;
  }
  return { ok: true, method, app, appKey, seller };
}

/** The string the mock signed as the client sent it, `{secret}` where the secret goes (masked when read). */
function topSignatureDiagnostic(
  params: Readonly<Record<string, string>>,
  signMethod: string,
  expected: string | undefined,
): SignatureDiagnostic {
  const canonical = topCanonicalString(params);
  const received = params.sign ?? null;
  if (signMethod === 'md5') {
    return {
      signMethod,
      received,
      expected: expected ?? null,
      signedString: `{secret}${canonical}{secret}`,
    };
  }
  return {
    signMethod,
    received,
    expected: expected ?? null,
    signedString: canonical,
    hmacKey: '{secret}',
  };
}
