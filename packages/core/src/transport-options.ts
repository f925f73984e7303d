/**
 * The options every client takes besides its credentials, and their defaults.
 */
import type { Options as KyOptions } from 'ky';
import type { Hooks } from './hooks.js';
import { type RetryOptions, type RetryPolicy, resolveRetryPolicy } from './retry-policy.js';

/** A `fetch` implementation. Called with a `Request`; the global `fetch` and undici's fit. */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** The default per-attempt timeout, in milliseconds. */
export const defaultTimeout = 15_000;

/** Options shared by every client. */
export interface TransportOptions {
  /**
   * Per-attempt timeout in milliseconds. A timed-out send may still have been delivered, so it is never retried.
   * @default 15000
   */
  readonly timeout?: number | undefined;
  /** The retry policy; see `defaultRetryPolicy`. */
  readonly retry?: RetryOptions | undefined;
  /** The `fetch` to use, e.g. a test double or an undici `fetch` with a proxy dispatcher. @default globalThis.fetch */
  readonly fetch?: FetchFunction | undefined;
  /** Logging and metrics hooks; they see redacted data only. */
  readonly hooks?: Hooks | undefined;
}

/** The `fetch` ky's option takes. */
export type KyFetch = NonNullable<KyOptions['fetch']>;

/** `TransportOptions` with defaults filled in. */
export interface ResolvedTransport {
  readonly timeout: number;
  readonly retryPolicy: RetryPolicy;
  /** The caller's fetch as ky's `fetch` option, or `undefined` for the global one. */
  readonly fetch: KyFetch | undefined;
  readonly hooks: Hooks;
}

// setTimeout's ceiling: a longer delay fires at once.
const maximumTimeout = 2_147_483_647;

/** Fills in the defaults; throws a RangeError for a timeout that is not a positive integer. */
export function resolveTransport(options: TransportOptions): ResolvedTransport {
  const timeout = options.timeout ?? defaultTimeout;
  if (!Number.isInteger(timeout) || timeout <= 0 || timeout > maximumTimeout) {
    throw new RangeError(`timeout must be a positive integer of milliseconds, got ${timeout}`);
  }
  return {
    timeout,
    retryPolicy: resolveRetryPolicy(options.retry),
    fetch: options.fetch === undefined ? undefined : asKyFetch(options.fetch),
    hooks: options.hooks ?? {},
  };
}

/**
 * ky's `fetch` option is typed to take a URL as well as a Request; ky always passes the Request it built,
 * which is what ours promises its fetch. A URL (never seen) becomes a Request, so the promise holds.
 */
function asKyFetch(fetch: FetchFunction): KyFetch {
  return (input, init) => fetch(input instanceof Request ? input : new Request(input, init), init);
}
