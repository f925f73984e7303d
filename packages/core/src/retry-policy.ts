/**
 * The retry policy. SMS sends are not idempotent — a retry after a timeout may text a buyer twice — so by
 * default only errors that are certainly unprocessed and transient are retried (`error.retryable`):
 * connection failures before anything was written, and TOP code 7 (App Call Limited) after its ban.
 * Everything else, above all timeouts and resets after the body was sent, is returned to the caller.
 */
import type { XError } from './errors.js';

/** What `shouldRetry` is told about a failed attempt. */
export interface RetryContext {
  /** The error of the attempt that just failed. */
  readonly error: XError;
  /** The number of that attempt, from 1. */
  readonly attempt: number;
}

/** How failed attempts are retried. Every field is optional; see `defaultRetryPolicy`. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (`0` turns retrying off).
   * @default 2
   */
  readonly limit?: number | undefined;
  /**
   * The backoff before retry number `retryCount` (from 1), in milliseconds, before jitter.
   * @default (retryCount) => 300 * 2 ** (retryCount - 1)
   */
  readonly delay?: ((retryCount: number) => number) | undefined;
  /**
   * The longest backoff, in milliseconds.
   * @default 10_000
   */
  readonly backoffLimit?: number | undefined;
  /**
   * Randomise each wait (backoff: between half and all of it; announced bans: up to 10 % more, at most 1 s)
   * so that many clients rejected together do not come back together.
   * @default true
   */
  readonly jitter?: boolean | undefined;
  /**
   * The longest ban announced by the platform (TOP code 7: "This ban will last for N more seconds") that is
   * waited out, in milliseconds. A longer ban is not retried: the error is thrown at once.
   * @default 60_000
   */
  readonly maxRetryAfter?: number | undefined;
  /**
   * Decides whether a failed attempt is retried. Return `undefined` to keep the default verdict
   * (`context.error.retryable`). Returning `true` for an error whose `maybeSent` is true risks sending
   * twice; do it only for sends you know to be idempotent.
   */
  readonly shouldRetry?: ((context: RetryContext) => boolean | undefined) | undefined;
}

/** A complete policy: `RetryOptions` with every default filled in. */
export interface RetryPolicy {
  readonly limit: number;
  readonly delay: (retryCount: number) => number;
  readonly backoffLimit: number;
  readonly jitter: boolean;
  readonly maxRetryAfter: number;
  readonly shouldRetry: (context: RetryContext) => boolean;
}

/** The policy every client uses unless told otherwise: retry `error.retryable` errors, at most twice. */
export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  limit: 2,
  delay: (retryCount: number) => 300 * 2 ** (retryCount - 1),
  backoffLimit: 10_000,
  jitter: true,
  maxRetryAfter: 60_000,
  shouldRetry: (context: RetryContext) => context.error.retryable,
});

/** Fills in the defaults. Throws a RangeError for a negative or fractional `limit`. */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const limit = options.limit ?? defaultRetryPolicy.limit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`retry.limit must be a non-negative integer, got ${limit}`);
  }
  const custom = options.shouldRetry;
  return {
    limit,
    delay: options.delay ?? defaultRetryPolicy.delay,
    backoffLimit: options.backoffLimit ?? defaultRetryPolicy.backoffLimit,
    jitter: options.jitter ?? defaultRetryPolicy.jitter,
    maxRetryAfter: options.maxRetryAfter ?? defaultRetryPolicy.maxRetryAfter,
    shouldRetry:
      custom === undefined
        ? defaultRetryPolicy.shouldRetry
        : (context) => custom(context) ?? defaultRetryPolicy.shouldRetry(context),
  };
}

/**
 * How long to wait before retrying after `context`, in milliseconds, or `undefined` not to retry: the limit is
 * reached, the policy says no, or the platform announced a ban longer than `maxRetryAfter`.
 * @param random a source of uniform numbers in [0, 1), for tests.
 */
export function retryDelay(
  policy: RetryPolicy,
  context: RetryContext,
  random: () => number = Math.random,
): number | undefined {
  const retryCount = context.attempt;
  if (retryCount > policy.limit || !policy.shouldRetry(context)) return undefined;
  const announced = announcedWait(context.error);
  if (announced !== undefined) {
    if (announced > policy.maxRetryAfter) return undefined;
    return policy.jitter ? announced + random() * Math.min(1000, announced * 0.1) : announced;
  }
  const backoff = Math.max(0, Math.min(policy.backoffLimit, policy.delay(retryCount)));
  return policy.jitter ? backoff / 2 + (random() * backoff) / 2 : backoff;
}

/** The wait the server announced (TOP code 7 ban, HTTP Retry-After), if any. */
function announcedWait(error: XError): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
