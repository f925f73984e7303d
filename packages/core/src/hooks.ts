/**
 * Hooks for logging and metrics. They receive a redacted view of each attempt — never the app secret, the
 * session key, the signature or a full phone number — and cannot change the request.
 */
import type { XError } from './errors.js';

/** One HTTP attempt, as a hook sees it (redacted). */
export interface RequestHookInfo {
  /** `top` (router/rest) or `gateway` (fw199). */
  readonly protocol: 'top' | 'gateway';
  /** The TOP method (`taobao.jst.sms.message.send`) or the gateway path (`/gateway/dd/sms/send`). */
  readonly api: string;
  /** The HTTP method. */
  readonly method: 'POST';
  /** The URL, query parameters redacted. */
  readonly url: string;
  /** Every parameter sent (query and form), redacted. */
  readonly params: Readonly<Record<string, string>>;
  /** The attempt number, from 1; above 1 for retries. */
  readonly attempt: number;
}

/** The outcome of one HTTP attempt, as a hook sees it (redacted). */
export interface ResponseHookInfo extends RequestHookInfo {
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Time from sending to the parsed outcome, in milliseconds. */
  readonly durationMs: number;
  /** The attempt's error (already redacted), or `undefined` when it succeeded. */
  readonly error: XError | undefined;
}

/** Called before each attempt. Throwing stops the call before anything is sent. */
export type BeforeRequestHook = (info: RequestHookInfo) => void | Promise<void>;
/**
 * Called after each attempt, successful or not. Errors it throws are ignored: the request has already been
 * sent, and failing the call would invite a retry that sends twice.
 */
export type AfterResponseHook = (info: ResponseHookInfo) => void | Promise<void>;

/** Logging and metrics hooks, run in order. */
export interface Hooks {
  readonly beforeRequest?: readonly BeforeRequestHook[] | undefined;
  readonly afterResponse?: readonly AfterResponseHook[] | undefined;
}
