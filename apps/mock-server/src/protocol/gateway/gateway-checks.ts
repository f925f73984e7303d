/**
 * The fw199 gateway's form checks, in the mock's decided order (README): appid → timestamp → sign → seller.
 * The seller is checked after the signature, as TOP checks the session after it: an unsigned request must not
 * learn which sellers an appid serves.
 */
import { verifyGateway } from '@x/signing';
import type { GatewayApp, ResolvedConfig } from '../../config/resolve-config.js';
import type { SignatureDiagnostic } from '../../state/request-journal.js';
import { type GatewayError, gatewayErrors, invalidParameter } from '../errors/gateway-errors.js';

export type GatewayCheck =
  | { ok: true; app: GatewayApp; appId: string; seller: string }
  | { ok: false; error: GatewayError; reason: string; signature?: SignatureDiagnostic };

const unixSecondsPattern = /^\d{1,12}$/;

export function checkGatewayForm(
  params: Readonly<Record<string, string>>,
  sellerField: string,
  config: ResolvedConfig,
  now: number,
): GatewayCheck {
  const appId = params.appid;
  if (!appId) return { ok: false, error: gatewayErrors.unknownAppId, reason: 'appid is missing' };
  const app = config.findGatewayApp(appId);
  if (app === undefined) {
    return {
      ok: false,
      error: gatewayErrors.unknownAppId,
      reason: `appid ${JSON.stringify(appId)} is not configured`,
    };
  }

  const timestampText = params.timestamp;
  if (!timestampText) return { ok: false, error: gatewayErrors.badTimestamp, reason: 'timestamp is missing' };
  if (!unixSecondsPattern.test(timestampText)) {
    return {
      ok: false,
      error: gatewayErrors.badTimestamp,
      reason: `timestamp ${JSON.stringify(timestampText)} is not Unix seconds`,
    };
  }
  const skew = Number(timestampText) * 1000 - now;
  if (Math.abs(skew) > config.timestampToleranceMilliseconds) {
    const looksLikeMilliseconds = timestampText.length >= 12;
    return {
      ok: false,
      error: gatewayErrors.badTimestamp,
      reason: looksLikeMilliseconds
        ? `timestamp ${timestampText} looks like milliseconds; the gateway wants Unix seconds`
        : `timestamp ${timestampText} is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew < 0 ? 'behind' : 'ahead of'} the mock's clock (allowed: ${config.timestampToleranceMilliseconds / 60_000} minutes)`,
    };
  }

  const verification = verifyGateway(params, app.secret);
  if (!verification.ok) {
    const received = params.sign;
    return {
      ok: false,
      error: gatewayErrors.badSignature,
      reason: received
        ? 'sign does not match; compare signature.signedString with the string your client signed'
        : 'sign is missing',
      signature: {
        signMethod: 'md5',
        received: received ? received : null,
        expected: verification.expected ?? null,
        // As the client sent it: the journal masks the secret-named parameters when it is read.
        signedString: `{secret}${verification.canonical ?? ''}{secret}`,
      },
    };
  }

  const seller = params[sellerField];
  if (!seller)
    return { ok: false, error: invalidParameter(sellerField), reason: `${sellerField} is missing` };
  if (!app.authorizes(seller)) {
    return {
      ok: false,
      error: gatewayErrors.sellerNotAuthorized,
      reason: `seller ${JSON.stringify(seller)} is not authorized for appid ${JSON.stringify(appId)}`,
    };
  }
  return { ok: true, app, appId, seller };
}
