/**
 * alignByKey: pairing results with the items sent by key whatever their order, and in strict mode leaving a
 * key unpaired when it came back another number of times than it was sent, which sendInChunks then fails as
 * missing-result.
 */
import { describe, expect, it } from 'vitest';
import { alignByKey } from './batch-alignment.js';
import { sendInChunks } from './batching.js';
import { api, echo, succeed } from './test-support/chunk-items.js';

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
