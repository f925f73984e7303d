/**
 * The hook point between validation and recording. Every accepted call — one TOP send or one gateway batch —
 * is offered to the configured interceptors before anything is recorded or answered. Faults, magic
 * recipients, per-recipient limits and template checks are interceptors: each can fail the whole call in the
 * platform's shape, or fail single messages while the rest are sent.
 */
import type { MessagePlatform, PendingMessage } from '../state/recorded-message.js';

/** A validated call, as interceptors see it. */
export interface SendCall {
  readonly protocol: 'top' | 'gateway';
  readonly platform: MessagePlatform;
  /** The TOP method name, or the gateway path. */
  readonly api: string;
  /** `app_key` or `appid`: the namespace. */
  readonly appKey: string;
  readonly seller: string | null;
  /** When the mock received the call, epoch milliseconds on the mock's clock. */
  readonly receivedAt: number;
  /** Every parameter received (query and body merged), unmasked. */
  readonly params: Readonly<Record<string, string>>;
  /** The messages that passed validation, in request order (gateway items that failed validation are not here). */
  readonly messages: readonly PendingMessage[];
}

/**
 * A call-level failure. TOP renders it as `error_response` (`code`, `msg` ← message, `sub_code`, `sub_msg`);
 * the gateway as its outer `{code, message}`.
 */
export interface CallError {
  code: number;
  message: string;
  subCode?: string;
  subMessage?: string;
}

/**
 * One message failed while the call succeeds. Gateway items render `code` and `message`; a JST send renders a
 * business rejection (`request_success: false`, `request_code` ← code, `message`); TPN `is_success: false`
 * with `error_msg` ← message.
 */
export interface MessageFailure {
  code: number | string;
  message: string;
}

/** What one interceptor decides; `undefined` means no opinion. */
export type InterceptorVerdict =
  | { reject: CallError }
  /** Keys are positions in `SendCall.messages`. */
  | { failMessages: ReadonlyMap<number, MessageFailure> }
  | undefined;

export interface InterceptorContext {
  /** The mock's clock (virtual in tests). */
  now(): number;
}

export interface SendInterceptor {
  /** Shown in the request journal when this interceptor decided the answer. */
  readonly name: string;
  intercept(call: SendCall, context: InterceptorContext): InterceptorVerdict | Promise<InterceptorVerdict>;
}

/** The combined decision for a call. */
export type CallDecision =
  | { kind: 'rejected'; error: CallError; by: string }
  | { kind: 'accepted'; failures: ReadonlyMap<number, MessageFailure> };
