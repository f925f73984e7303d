/**
 * Whether a TOP `error_response` means "rejected before processing" and whether retrying is safe.
 *
 * - The codes of `docs/protocol.md` §1.6 other than 15 and 50 are the gateway's own checks (rate limit, permission,
 *   method, signature, session, app key, timestamp, version, arguments): the call never reached the SMS
 *   service, so nothing was processed.
 * - 15 and 50 (`Remote service error`) come from behind the gateway. An `isv.*` sub_code is the service
 *   rejecting the request (bad number, daily limit): not processed. Anything else, including
 *   `isp.top-remote-connection-timeout` — the gateway gave up waiting for the SMS service, which may have
 *   sent the message — may have been processed. So is any code this table does not know.
 * - Only code 7 (App Call Limited) is retryable by default: rejected before processing, and transient. No
 *   `isp.*` sub_code is: the only one `docs/protocol.md` lists is a timeout after which the message may be out.
 */

/** Codes raised by the TOP gateway's own checks, before the request reaches the API's service. */
const gatewayCheckCodes: ReadonlySet<number> = new Set([
  7, 11, 21, 22, 24, 25, 26, 27, 29, 30, 31, 32, 33, 40, 41,
]);

/** TOP code 7: App Call Limited. */
export const topRateLimitCode = 7;

const banPattern = /ban will last for (\d+) more seconds?/i;

/** The verdict for one TOP error. */
export interface TopErrorVerdict {
  readonly retryable: boolean;
  readonly maybeSent: boolean;
  /** For a ban announced in `sub_msg`, its length in milliseconds. */
  readonly retryAfterMs: number | undefined;
}

/** Classifies a TOP platform error by code and sub_code. */
export function topErrorVerdict(code: number, subCode?: string, subMsg?: string): TopErrorVerdict {
  const rejectedByGateway = gatewayCheckCodes.has(code);
  const rejectedByService = subCode?.startsWith('isv.') === true;
  const ban = code === topRateLimitCode && subMsg !== undefined ? banPattern.exec(subMsg) : null;
  return {
    retryable: code === topRateLimitCode,
    maybeSent: !rejectedByGateway && !rejectedByService,
    retryAfterMs: ban ? Number(ban[1]) * 1000 : undefined,
  };
}
