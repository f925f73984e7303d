import { describe, expect, it } from 'vitest';
import { alignByKey } from './batch-alignment.js';
import { type BatchResult, resolveConcurrency, sendInChunks } from './batching.js';
import { isValidationError } from './error-guards.js';
import { GatewayError, TransportError } from './errors.js';

interface Item {
  readonly order_id: string;
}
type Result = BatchResult<{ order_id: string; request_id: string }, { order_id: string }>;

const api = '/gateway/taobao/jst/sms/tid/send';
const itemsOf = (count: number): Item[] =>
  Array.from({ length: count }, (_, index) => ({ order_id: String(1000 + index) }));
const echo = (item: Item) => ({ order_id: item.order_id });
const succeed = async (chunk: readonly Item[]): Promise<Result[]> =>
  chunk.map((item) => ({ ok: true, order_id: item.order_id, request_id: `r${item.order_id}` }));

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
      const results = await sendInChunks({
        api,
        items,
        echo,
        // Later chunks answer first, so the order of the results cannot come from the order of completion.
        sendChunk: async (chunk, chunkIndex) => {
          chunks.push(chunk);
          await new Promise((resolve) => setTimeout(resolve, (3 - chunkIndex) * 5));
          return succeed(chunk);
        },
      });
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
      await sendInChunks({
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

describe('resolveConcurrency', () => {
  it('fills in the default of 2 and keeps a positive integer', () => {
    expect(resolveConcurrency(undefined)).toBe(2);
    expect(resolveConcurrency(1)).toBe(1);
    expect(resolveConcurrency(8)).toBe(8);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s with a RangeError',
    (concurrency) => {
      expect(() => resolveConcurrency(concurrency)).toThrow(
        new RangeError(`concurrency must be a positive integer, got ${concurrency}`),
      );
    },
  );
});

describe('alignByKey', () => {
  it('pairs results with items by key whatever their order (the Douyin document answers out of order)', () => {
    const sent = [
      { order_id: '5001789329480019707', biz_type: 1 },
      { post_tel: '13800138000', biz_type: 0 },
    ];
    const received = [
      { order_id: '', message_id: '0a01be41' },
      { order_id: '5001789329480019707', message_id: 'f2d1acbf' },
    ];
    const aligned = alignByKey(
      sent,
      received,
      (item) => item.order_id ?? '',
      (result) => result.order_id,
    );
    expect(aligned.map((result) => result?.message_id)).toEqual(['f2d1acbf', '0a01be41']);
  });

  it('pairs a key sent twice with its results in order, and leaves unmatched items undefined', () => {
    const aligned = alignByKey(
      ['1', '1', '2'],
      [
        { key: '1', n: 'first' },
        { key: '1', n: 'second' },
      ],
      (item) => item,
      (result) => result.key,
    );
    expect(aligned.map((result) => result?.n)).toEqual(['first', 'second', undefined]);
  });
  describe('strict', () => {
    const key = (entry: { readonly order_id: string }) => entry.order_id;
    const sent = (...keys: string[]) => keys.map((order_id) => ({ order_id }));
    const answered = (...pairs: Array<[string, string]>) =>
      pairs.map(([order_id, request_id]) => ({ order_id, request_id }));

    it('pairs like the default when every key came back as often as it was sent, in any order', () => {
      const aligned = alignByKey(
        sent('a', 'b', 'a'),
        answered(['b', 'rb'], ['a', 'ra1'], ['a', 'ra2']),
        key,
        key,
        { strict: true },
      );
      expect(aligned.map((result) => result?.request_id)).toEqual(['ra1', 'rb', 'ra2']);
    });

    it('leaves every item of a key unpaired when its count differs, and keeps the other keys', () => {
      const short = alignByKey(sent('a', 'b', 'a'), answered(['a', 'r?'], ['b', 'rb']), key, key, {
        strict: true,
      });
      expect(short.map((result) => result?.request_id)).toEqual([undefined, 'rb', undefined]);
      const long = alignByKey(sent('a', 'b'), answered(['a', 'r1'], ['a', 'r2'], ['b', 'rb']), key, key, {
        strict: true,
      });
      expect(long.map((result) => result?.request_id)).toEqual([undefined, 'rb']);
      // Without strict, the first copy gets the one result: a guess.
      expect(alignByKey(sent('a', 'a'), answered(['a', 'r?']), key, key)[0]?.request_id).toBe('r?');
    });

    it('ignores results whose key was not sent, and gives an item without a result undefined', () => {
      expect(
        alignByKey(sent('a', 'b'), [{ order_id: 'b' }, { order_id: 'a' }], key, key, { strict: true }),
      ).toEqual([{ order_id: 'a' }, { order_id: 'b' }]);
      expect(alignByKey(sent('a'), [], key, key, { strict: true })).toEqual([undefined]);
      expect(
        alignByKey(sent('a', 'b'), answered(['a', 'ra'], ['z', 'rz']), key, key, { strict: true }).map(
          (result) => result?.request_id,
        ),
      ).toEqual(['ra', undefined]);
    });

    it('fails the unpaired items of a chunk as missing-result, maybe sent, through sendInChunks', async () => {
      const missing = (order_id: string) => ({
        order_id,
        ok: false,
        code: 'missing-result',
        message: expect.any(String),
        retryable: false,
        maybeSent: true,
      });
      const results = await sendInChunks({
        api,
        items: sent('1', '2', '1'),
        echo,
        sendChunk: async (chunk) =>
          alignByKey(chunk, (await succeed(chunk)).slice(1), key, key, { strict: true }),
      });
      expect(results).toEqual([missing('1'), { ok: true, order_id: '2', request_id: 'r2' }, missing('1')]);
    });
  });
});
