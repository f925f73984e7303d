/**
 * When the jst client retries: never a send that timed out after it was written; code 7 once its ban is
 * over.
 */

import { jsonResponse, neverAnswers, rejection } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTransportError } from './index.js';
import { client, fixture, request } from './test-support/jst-test-client.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it('does not retry a send that timed out after it was written', async () => {
    const { jst, requests } = client(neverAnswers, { timeout: 40 });
    const error = await rejection(jst.send(request));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', maybeSent: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('retries code 7 once its ban is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const ban =
      '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 3 more seconds"}}';
    const { jst, requests } = client((_recorded, index) =>
      jsonResponse(index === 0 ? ban : fixture('jst-success.json')),
    );
    const result = jst.send(request);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(requests).toHaveLength(2);
  });
});
