/**
 * The hook point between validation and recording. Every accepted call — one TOP send or one gateway batch —
 * is offered to the configured interceptors before anything is recorded or answered. Faults, magic
 * recipients, per-recipient limits and template checks are interceptors: each can fail the whole call in the
 * platform's shape, or fail single messages while the rest are sent.
 */
import type { MessagePlatform, PendingMessage } from '../../../state/recorded-message.js';

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

/**
 * What reaches the client besides (or instead of) the platform's answer: the transport faults. Applied by the
 * protocol endpoints after the answer is computed and journaled.
 */
export interface TransportEffect {
  /** Wait this long before answering (or dropping the connection). */
  readonly delayMs?: number;
  /**
   * What the client gets instead of the answer: `drop` destroys the connection without an answer,
   * `malformed-body` answers HTTP 200 with the first half of the answer, `proxy-error` answers `status` with a
   * proxy's HTML page. Absent: the answer itself (after `delayMs`).
   */
  readonly replace?: 'drop' | 'malformed-body' | 'proxy-error';
  /** The HTTP status of a `proxy-error`. @default 502 */
  readonly status?: number;
  /**
   * Whether the call is processed first (its messages recorded, limits counted). `false`: nothing is recorded,
   * as when a proxy or a dropped connection stops the request before the platform sees it. @default true
   */
  readonly process?: boolean;
  /** Where it came from, for the journal: `magic value 19900000901`, `fault 3`. */
  readonly source: string;
}

/** What one interceptor decides; `undefined` means no opinion. `reason` is shown in the journal. */
export type InterceptorVerdict =
  | { reject: CallError; reason?: string; transport?: TransportEffect }
  /** Keys are positions in `SendCall.messages`. */
  | { failMessages: ReadonlyMap<number, MessageFailure>; transport?: TransportEffect }
  | { transport: TransportEffect }
  | undefined;

/** What an interceptor may ask about the run it is part of. */
export interface InterceptorContext {
  /** The mock's clock (virtual in tests). */
  now(): number;
  /**
   * Whether message `index` is, so far, going to be recorded: not failed by an earlier interceptor, and the
   * call not stopped before processing by an earlier transport effect. Limits count only those.
   */
  willRecord(index: number): boolean;
}

/** A hook between validation and recording (the `interceptors` option): it may fail the call or single messages. */
export interface SendInterceptor {
  /** Shown in the request journal when this interceptor decided the answer. */
  readonly name: string;
  intercept(call: SendCall, context: InterceptorContext): InterceptorVerdict | Promise<InterceptorVerdict>;
}

/** The combined decision for a call. */
export type CallDecision =
  | { kind: 'rejected'; error: CallError; by: string; reason?: string; transport?: TransportEffect }
  | { kind: 'accepted'; failures: ReadonlyMap<number, MessageFailure>; transport?: TransportEffect };
