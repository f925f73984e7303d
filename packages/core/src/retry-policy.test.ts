import { describe, expect, it } from 'vitest';
import { TopPlatformError, TransportError } from './errors.js';
import { defaultRetryPolicy, resolveRetryPolicy, retryDelay } from './retry-policy.js';

const notWritten = new TransportError({
  api: 'm',
  kind: 'network',
  detail: 'could not connect (ECONNREFUSED)',
  retryable: true,
  maybeSent: false,
});
const timedOut = new TransportError({
  api: 'm',
  kind: 'timeout',
  detail: 'no response within 15000 ms',
  retryable: false,
  maybeSent: true,
});
const banned = (seconds: number) =>
  new TopPlatformError({
    api: 'm',
    code: 7,
    msg: 'App Call Limited',
    subCode: 'accesscontrol.limited-by-app-access-count',
    subMsg: `This ban will last for ${seconds} more seconds`,
    retryable: true,
    maybeSent: false,
    retryAfterMs: seconds * 1000,
  });

const noJitter = resolveRetryPolicy({ jitter: false });

describe('defaultRetryPolicy', () => {
  it('retries twice, backing off 300 ms then 600 ms, within a 10 s limit, with jitter', () => {
    expect(defaultRetryPolicy.limit).toBe(2);
    expect([1, 2, 3].map(defaultRetryPolicy.delay)).toEqual([300, 600, 1200]);
    expect(defaultRetryPolicy.backoffLimit).toBe(10_000);
    expect(defaultRetryPolicy.maxRetryAfter).toBe(60_000);
    expect(defaultRetryPolicy.jitter).toBe(true);
  });

  it('retries exactly the errors that say they are retryable', () => {
    expect(defaultRetryPolicy.shouldRetry({ error: notWritten, attempt: 1 })).toBe(true);
    expect(defaultRetryPolicy.shouldRetry({ error: timedOut, attempt: 1 })).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(defaultRetryPolicy)).toBe(true);
  });
});

describe('retryDelay', () => {
  it('backs off exponentially up to the limit of retries, then stops', () => {
    const policy = resolveRetryPolicy({ jitter: false, limit: 3 });
    expect([1, 2, 3, 4].map((attempt) => retryDelay(policy, { error: notWritten, attempt }))).toEqual([
      300,
      600,
      1200,
      undefined,
    ]);
  });

  it('never waits longer than backoffLimit', () => {
    const policy = resolveRetryPolicy({ jitter: false, limit: 10, backoffLimit: 1000 });
    expect(retryDelay(policy, { error: notWritten, attempt: 8 })).toBe(1000);
  });

  it('jitters the backoff between half and all of it', () => {
    const policy = resolveRetryPolicy({ delay: () => 1000 });
    expect(retryDelay(policy, { error: notWritten, attempt: 1 }, () => 0)).toBe(500);
    expect(retryDelay(policy, { error: notWritten, attempt: 1 }, () => 0.999_999)).toBeCloseTo(1000, 2);
  });

  it('does not retry a timeout after sending', () => {
    expect(retryDelay(noJitter, { error: timedOut, attempt: 1 })).toBeUndefined();
  });

  it('waits out an announced TOP ban that is within maxRetryAfter', () => {
    expect(retryDelay(noJitter, { error: banned(3), attempt: 1 })).toBe(3000);
    const jittered = retryDelay(defaultRetryPolicy, { error: banned(3), attempt: 1 }, () => 0.5);
    expect(jittered).toBe(3150);
  });

  it('gives up at once on a ban longer than maxRetryAfter', () => {
    expect(retryDelay(noJitter, { error: banned(61), attempt: 1 })).toBeUndefined();
    const patient = resolveRetryPolicy({ jitter: false, maxRetryAfter: 120_000 });
    expect(retryDelay(patient, { error: banned(61), attempt: 1 })).toBe(61_000);
  });

  it('lets shouldRetry overrule the default, and falls back to it on undefined', () => {
    const always = resolveRetryPolicy({ jitter: false, shouldRetry: () => true });
    expect(retryDelay(always, { error: timedOut, attempt: 1 })).toBe(300);
    const never = resolveRetryPolicy({ shouldRetry: () => false });
    expect(retryDelay(never, { error: notWritten, attempt: 1 })).toBeUndefined();
    const abstaining = resolveRetryPolicy({ jitter: false, shouldRetry: () => undefined });
    expect(retryDelay(abstaining, { error: notWritten, attempt: 1 })).toBe(300);
    expect(retryDelay(abstaining, { error: timedOut, attempt: 1 })).toBeUndefined();
  });

  it('turns retrying off with limit 0', () => {
    expect(retryDelay(resolveRetryPolicy({ limit: 0 }), { error: notWritten, attempt: 1 })).toBeUndefined();
  });
});

describe('resolveRetryPolicy', () => {
  it('rejects a negative or fractional limit', () => {
    expect(() => resolveRetryPolicy({ limit: -1 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ limit: 1.5 })).toThrow('retry.limit must be a non-negative integer');
  });
});
