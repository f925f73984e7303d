/**
 * The call runner retrying a platform ban (code 7): waiting it out within the limit, giving up at the limit,
 * and giving up at once on a ban longer than maxRetryAfter.
 */
import { jsonResponse } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCall } from './call-runner.js';
import { TopPlatformError } from './errors.js';
import { plan } from './test-support/call-plan.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('platform retries', () => {
  it('waits out a code-7 ban and retries within the limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { callPlan, requests } = plan((_request, index) =>
      jsonResponse(index < 2 ? { banned: 5 } : { ok: 'done' }),
    );
    const result = runCall(callPlan);
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toBe('done');
    expect(requests).toHaveLength(3);
  });

  it('gives up on code 7 once the limit is reached', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { callPlan, requests } = plan(() => jsonResponse({ banned: 1 }), {
      retry: { limit: 1, jitter: false },
    });
    const result = runCall(callPlan).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toBeInstanceOf(TopPlatformError);
    expect(requests).toHaveLength(2);
  });

  it('gives up at once on a ban longer than maxRetryAfter', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ banned: 3600 }));
    await expect(runCall(callPlan)).rejects.toBeInstanceOf(TopPlatformError);
    expect(requests).toHaveLength(1);
  });
});
