/**
 * sendGatewayBatch when the caller aborts: what was answered stays, the call in flight is maybe sent, the
 * calls not started are not sent; and a signal that is not an AbortSignal is refused before sending.
 */
import { rejection } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { messagesOf, send, sendsEverything } from './test-support/gateway-batch-endpoint.js';

describe('sendGatewayBatch: the caller aborts', () => {
  it('keeps what was answered, says "maybe sent" for the call in flight and "not sent" for the calls not started', async () => {
    const controller = new AbortController();
    // Chunks of 3, one call at a time: the first is answered, the second hangs until the caller aborts.
    const { results, requests } = send(
      { template: 'T1', messages: messagesOf(8) },
      (request, index) => {
        if (index === 0) return sendsEverything(request, index);
        queueMicrotask(() => controller.abort());
        return new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        });
      },
      { concurrency: 1, signal: controller.signal },
    );
    const resolved = await results;

    expect(requests).toHaveLength(2);
    expect(resolved.map((result) => result.ok)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    for (const result of resolved.slice(3, 6)) {
      expect(result).toMatchObject({ code: 'aborted', retryable: false, maybeSent: true });
    }
    for (const result of resolved.slice(6)) {
      expect(result).toMatchObject({ code: 'aborted', retryable: false, maybeSent: false });
    }
  });

  it('refuses a signal that is not an AbortSignal before anything is sent', async () => {
    const { results, requests } = send({ template: 'T1', messages: messagesOf(2) }, sendsEverything, {
      signal: {} as AbortSignal,
    });
    expect(await rejection(results)).toMatchObject({ field: 'signal', reason: 'must be an AbortSignal' });
    expect(requests).toHaveLength(0);
  });
});
