/**
 * sendInChunks: chunk sizes and input order, failing exactly the items of a failed chunk (maybe sent when
 * the failure says so), the concurrency bound, missing or miscounted results, and invalid sizes.
 */
import { settleWhileAdvancing } from '@x/test-support';
import { describe, expect, it, vi } from 'vitest';
import { sendInChunks } from './batching.js';
import { isValidationError } from './error-guards.js';
import { GatewayError, TransportError } from './errors.js';
import { api, echo, type Item, itemsOf, succeed } from './test-support/chunk-items.js';

describe('sendInChunks', () => {
  it('rejects an empty list with a ValidationError before sending anything', async () => {
    let calls = 0;
    const error = await sendInChunks({
      api,
      items: [],
      echo,
      itemsField: 'messages',
      sendChunk: async (chunk) => {
        calls++;
        return succeed(chunk);
      },
    }).catch((thrown: unknown) => thrown);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'messages', reason: 'must contain at least one item' });
    expect(calls).toBe(0);
  });

  it.each([
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])(
    'sends %i items in chunks of %j and returns one result per item, in input order',
    async (count, sizes) => {
      const chunks: Array<readonly Item[]> = [];
      const items = itemsOf(count);
      // Later chunks answer first, so the order of the results cannot come from the order of completion: each
      // waits on a fake clock the test moves, so that order is fixed rather than raced.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const sending = sendInChunks({
        api,
        items,
        echo,
        sendChunk: async (chunk, chunkIndex) => {
          chunks.push(chunk);
          await new Promise((resolve) => setTimeout(resolve, (3 - chunkIndex) * 5));
          return succeed(chunk);
        },
      });
      const results = await settleWhileAdvancing(sending, () => vi.advanceTimersByTimeAsync(5)).finally(() =>
        vi.useRealTimers(),
      );
      expect(chunks.map((chunk) => chunk.length).sort((a, b) => b - a)).toEqual(sizes);
      expect(results).toHaveLength(count);
      expect(results.map((result) => result.order_id)).toEqual(items.map((item) => item.order_id));
      expect(results.every((result) => result.ok)).toBe(true);
    },
  );

  it('fails exactly the items of a chunk whose call failed, keeping the other chunks results', async () => {
    const gatewayError = new GatewayError({
      api,
      code: 40004,
      gatewayMessage: '店铺未授权',
      retryable: false,
      maybeSent: false,
    });
    const results = await sendInChunks({
      api,
      items: itemsOf(250),
      echo,
      sendChunk: async (chunk, chunkIndex) => {
        if (chunkIndex === 1) throw gatewayError;
        return succeed(chunk);
      },
    });
    expect(results.slice(0, 100).every((result) => result.ok)).toBe(true);
    expect(results.slice(200).every((result) => result.ok)).toBe(true);
    const failed = results.slice(100, 200);
    expect(failed.every((result) => !result.ok)).toBe(true);
    expect(failed[0]).toEqual({
      ok: false,
      order_id: '1100',
      code: 40004,
      message: gatewayError.message,
      retryable: false,
      maybeSent: false,
      error: gatewayError,
    });
  });

  it('marks the items of a timed-out chunk as maybe sent', async () => {
    const timeout = new TransportError({
      api,
      kind: 'timeout',
      detail: 'no response within 15000 ms',
      retryable: false,
      maybeSent: true,
    });
    const [result] = await sendInChunks({
      api,
      items: itemsOf(1),
      echo,
      sendChunk: async () => {
        throw timeout;
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'timeout', maybeSent: true, retryable: false });
  });

  it('marks a chunk that threw something unexpected as failed and maybe sent', async () => {
    const [result] = await sendInChunks({
      api,
      items: itemsOf(1),
      echo,
      sendChunk: async () => {
        throw new TypeError('bug');
      },
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'unexpected',
      message: 'bug',
      maybeSent: true,
      order_id: '1000',
    });
  });

  it('never has more calls in flight than the concurrency', async () => {
    for (const concurrency of [1, 2, 3]) {
      let inFlight = 0;
      let maximum = 0;
      // Each call is held 2 ms of a fake clock: every call started is in flight before any answers.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const sending = sendInChunks({
        api,
        items: itemsOf(1000),
        chunkSize: 100,
        concurrency,
        echo,
        sendChunk: async (chunk) => {
          inFlight++;
          maximum = Math.max(maximum, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
          return succeed(chunk);
        },
      });
      await settleWhileAdvancing(sending, () => vi.advanceTimersByTimeAsync(2)).finally(() =>
        vi.useRealTimers(),
      );
      expect(maximum).toBe(concurrency);
    }
  });

  it('turns a missing result into a failure that may have been sent', async () => {
    const results = await sendInChunks({
      api,
      items: itemsOf(2),
      echo,
      sendChunk: async (chunk) => [(await succeed(chunk))[0], undefined],
    });
    expect(results[0]?.ok).toBe(true);
    expect(results[1]).toMatchObject({
      ok: false,
      code: 'missing-result',
      maybeSent: true,
      order_id: '1001',
    });
  });

  it('distrusts every result of a chunk whose result count does not match', async () => {
    const results = await sendInChunks({
      api,
      items: itemsOf(3),
      echo,
      sendChunk: async (chunk) => (await succeed(chunk)).slice(0, 2),
    });
    expect(results.map((result) => result.ok)).toEqual([false, false, false]);
  });

  it('honours chunkSize and rejects invalid sizes', async () => {
    const sizes: number[] = [];
    await sendInChunks({
      api,
      items: itemsOf(7),
      chunkSize: 3,
      echo,
      sendChunk: async (chunk) => {
        sizes.push(chunk.length);
        return succeed(chunk);
      },
    });
    expect(sizes).toEqual([3, 3, 1]);
    await expect(
      sendInChunks({ api, items: itemsOf(1), chunkSize: 0, echo, sendChunk: succeed }),
    ).rejects.toThrow(RangeError);
    await expect(
      sendInChunks({ api, items: itemsOf(1), concurrency: 1.5, echo, sendChunk: succeed }),
    ).rejects.toThrow('concurrency must be a positive integer');
  });
});
