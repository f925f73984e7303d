/**
 * The one error hierarchy every adapter throws. Each error says whether retrying is safe (`retryable`) and
 * whether the message may already have gone out (`maybeSent`), because SMS sends are not idempotent: a
 * caller must be able to tell "refused, nothing sent" from "unknown, maybe sent".
 *
 * Every message follows one template, whichever client and whichever failure:
 *
 *     <api> <what failed>: [<code>] <message>; <may have been sent | nothing was sent>
 *
 * - `taobao.jst.sms.message.send failed on TOP: [15] Remote service error (isv.MOBILE_NUMBER_ILLEGAL: 号码格式错误); nothing was sent`
 * - `/gateway/dd/sms/send failed on the fw199 gateway: [40002] 签名错误; nothing was sent`
 * - `taobao.jst.sms.message.send has invalid input: [phone_number] must be a mainland mobile number; nothing was sent`
 * - `/gateway/dd/sms/send failed in transport: [timeout] no response within 15000 ms; may have been sent`
 *
 * The code is the platform's code, the invalid field, or the transport failure's kind. Every string stored
 * on an error is redacted by the code that builds it (see redaction.ts) — never a secret, a session key or a
 * full phone number — so `message`, `toString()` and `JSON.stringify(error)` are safe to log.
 */

/** The brand that guards check instead of `instanceof`, so two installed copies of @x/core agree. */
export const errorKindBrand: unique symbol = Symbol.for('@x/core/error-kind');

/** The `name` of every error @x/core defines. */
export type XErrorName = 'TopPlatformError' | 'GatewayError' | 'ValidationError' | 'TransportError';

/** What every @x/core error carries besides its message. */
export interface XErrorFields {
  /** The API the error belongs to: the TOP method (`taobao.jst.sms.message.send`) or the gateway path. */
  readonly api: string;
  /**
   * Safe and useful to retry: the request was certainly not processed and the failure is transient.
   * The default retry policy retries exactly these errors.
   */
  readonly retryable: boolean;
  /** The message may have gone out even though the call failed: check receipts before sending it again. */
  readonly maybeSent: boolean;
}

/** The one message template: `<api> <what failed>: [<code>] <message>; <may have been sent | nothing was sent>`. */
function errorMessage(
  api: string,
  whatFailed: string,
  code: string | number,
  detail: string,
  maybeSent: boolean,
): string {
  return `${api} ${whatFailed}: [${code}] ${detail}; ${maybeSent ? 'may have been sent' : 'nothing was sent'}`;
}

/** The base class of every @x/core error. Check with the `is…Error` guards rather than `instanceof`. */
export abstract class XError extends Error implements XErrorFields {
  abstract override readonly name: XErrorName;
  readonly api: string;
  readonly retryable: boolean;
  readonly maybeSent: boolean;

  protected constructor(kind: XErrorName, message: string, fields: XErrorFields, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    // Non-enumerable, so it never shows up in JSON or in object spreads of the error.
    Object.defineProperty(this, errorKindBrand, { value: kind, enumerable: false });
    this.api = fields.api;
    this.retryable = fields.retryable;
    this.maybeSent = fields.maybeSent;
  }

  /** A plain, log-friendly view: name, message, every field, and the cause's name and message. */
  toJSON(): Record<string, unknown> {
    const view: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) view[key] = value;
    if (this.cause instanceof Error) view.cause = { name: this.cause.name, message: this.cause.message };
    return view;
  }
}

/** What a TOP `error_response` carries. */
export interface TopPlatformErrorFields extends XErrorFields {
  /** The platform code, e.g. `7` (App Call Limited), `15` (Remote service error), `25` (Invalid signature). */
  readonly code: number;
  /** The platform's `msg`, verbatim (redacted). */
  readonly msg: string;
  /** `sub_code`: `isv.*` means fix the request, `isp.*` means a platform-side problem. */
  readonly subCode?: string | undefined;
  /** `sub_msg`, verbatim (redacted). */
  readonly subMsg?: string | undefined;
  /** The platform's `request_id`, for support tickets. */
  readonly requestId?: string | undefined;
  /** For code 7: how long the platform said the ban lasts, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
}

/** The TOP gateway answered with `error_response`. */
export class TopPlatformError extends XError implements TopPlatformErrorFields {
  override readonly name = 'TopPlatformError' as const;
  readonly code: number;
  readonly msg: string;
  readonly subCode: string | undefined;
  readonly subMsg: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(fields: TopPlatformErrorFields) {
    const sub =
      fields.subCode === undefined ? '' : ` (${fields.subCode}${fields.subMsg ? `: ${fields.subMsg}` : ''})`;
    const message = errorMessage(
      fields.api,
      'failed on TOP',
      fields.code,
      `${fields.msg}${sub}`,
      fields.maybeSent,
    );
    super('TopPlatformError', message, fields);
    this.code = fields.code;
    this.msg = fields.msg;
    this.subCode = fields.subCode;
    this.subMsg = fields.subMsg;
    this.requestId = fields.requestId;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** What a failed fw199 gateway call carries. */
export interface GatewayErrorFields extends XErrorFields {
  /** The gateway's non-zero outer `code`, verbatim. */
  readonly code: number;
  /** The gateway's outer `message`, verbatim (redacted). */
  readonly gatewayMessage: string;
  /** The gateway's `trace_id`, when it sent one. */
  readonly traceId?: string | undefined;
}

/** The fw199 gateway answered with a non-zero outer `code`: the whole call failed. */
export class GatewayError extends XError implements GatewayErrorFields {
  override readonly name = 'GatewayError' as const;
  readonly code: number;
  readonly gatewayMessage: string;
  readonly traceId: string | undefined;

  constructor(fields: GatewayErrorFields) {
    const message = errorMessage(
      fields.api,
      'failed on the fw199 gateway',
      fields.code,
      fields.gatewayMessage,
      fields.maybeSent,
    );
    super('GatewayError', message, fields);
    this.code = fields.code;
    this.gatewayMessage = fields.gatewayMessage;
    this.traceId = fields.traceId;
  }
}

/** One problem found in the input. */
export interface ValidationIssue {
  /** The path of the offending field, dot-separated: `phone_number`, `messages.3.order_id`. */
  readonly field: string;
  /** Why it was rejected. Never echoes the value, which may be a phone number. */
  readonly reason: string;
}

/** What a validation failure carries: the first issue, and all of them. */
export interface ValidationErrorFields extends ValidationIssue {
  readonly api: string;
  readonly issues: readonly ValidationIssue[];
}

/** The input was rejected before anything was sent. Never retryable, never sent. */
export class ValidationError extends XError implements ValidationIssue {
  override readonly name = 'ValidationError' as const;
  readonly field: string;
  readonly reason: string;
  readonly issues: readonly ValidationIssue[];

  constructor(fields: ValidationErrorFields) {
    const more = fields.issues.length > 1 ? ` (and ${fields.issues.length - 1} more)` : '';
    const message = errorMessage(
      fields.api,
      'has invalid input',
      fields.field,
      `${fields.reason}${more}`,
      false,
    );
    super('ValidationError', message, { api: fields.api, retryable: false, maybeSent: false });
    this.field = fields.field;
    this.reason = fields.reason;
    this.issues = fields.issues;
  }
}

/**
 * How a transport failed. `network`: the connection failed; `timeout`: no answer within `timeout`;
 * `http-status`: a non-2xx status; `unparseable-body`: an answer that is not the expected envelope;
 * `aborted`: the caller's `signal` aborted the call (sent or not, as `maybeSent` says).
 */
export type TransportErrorKind = 'network' | 'timeout' | 'http-status' | 'unparseable-body' | 'aborted';

/** What a transport failure carries. */
export interface TransportErrorFields extends XErrorFields {
  readonly kind: TransportErrorKind;
  /** The HTTP status, when a response arrived. */
  readonly status?: number | undefined;
  /** What went wrong, in words (redacted). */
  readonly detail: string;
  /** For HTTP 429: the wait the server asked for (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number | undefined;
}

/** The request failed below the platform protocol: connection, timeout, HTTP status or body format. */
export class TransportError extends XError implements TransportErrorFields {
  override readonly name = 'TransportError' as const;
  readonly kind: TransportErrorKind;
  readonly status: number | undefined;
  readonly detail: string;
  readonly retryAfterMs: number | undefined;

  constructor(fields: TransportErrorFields, cause?: unknown) {
    const message = errorMessage(
      fields.api,
      'failed in transport',
      fields.kind,
      fields.detail,
      fields.maybeSent,
    );
    super('TransportError', message, fields, cause);
    this.kind = fields.kind;
    this.status = fields.status;
    this.detail = fields.detail;
    this.retryAfterMs = fields.retryAfterMs;
  }
}
