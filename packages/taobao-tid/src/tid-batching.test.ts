import {
  jsonResponse,
  neverAnswers,
  type RecordedRequest,
  type RecordingFetchOptions,
  type Responder,
  recordingFetch,
  settleWhileAdvancing,
  wait,
} from '@x/test-support';
import { describe, expect, it, vi } from 'vitest';
import { createTidClient, isValidationError, type TidClientOptions, type TidSendItem } from './index.js';
import { sendsEverything, sentItems } from './tid-test-gateway.js';

const itemsOf = (count: number): TidSendItem[] =>
  Array.from({ length: count }, (_, index) => ({
    order_id: String(3_000_000_000_000_000_000n + BigInt(index)),
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: index },
  }));

function client(
  respond: Responder = sendsEverything,
  options: Partial<TidClientOptions> = {},
  recordingOptions: RecordingFetchOptions = {},
) {
  const recording = recordingFetch(respond, recordingOptions);
  const tid = createTidClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'kingdo',
    ...options,
    fetch: recording.fetch,
  });
  return { tid, requests: recording.requests, recording };
}

/** Which chunk a request carries, from the position of its first item in `items`. */
const chunkIndexOf = (request: RecordedRequest, items: readonly TidSendItem[]) =>
  items.findIndex((item) => item.order_id === sentItems(request)[0]?.order_id) / 100;

describe('chunking', () => {
  it('rejects an empty list with a ValidationError and sends nothing', async () => {
    const { tid, requests } = client();
    const error = await tid.send([]).catch((thrown: unknown) => thrown);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'items', reason: 'must contain at least one item' });
    expect(requests).toHaveLength(0);
  });

  it.each([
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])(
    'sends %i items in calls of %j and returns one result per item, in input order',
    async (count, sizes) => {
      const items = itemsOf(count);
      const { tid, requests } = client();
      const results = await tid.send(items);

      const sent = requests.map(sentItems);
      expect(sent.map((chunk) => chunk.length).sort((a, b) => b - a)).toEqual(sizes);
      expect(sent.flat().map((item) => item.order_id)).toEqual(items.map((item) => item.order_id));
      expect(results).toHaveLength(count);
      results.forEach((result, index) => {
        const orderId = items[index]?.order_id;
        expect(result).toMatchObject({ ok: true, order_id: orderId, request_id: `r${orderId}` });
      });
    },
  );

  it('keeps input order when later calls answer first', async () => {
    // Later chunks answer first, on a fake clock the test moves: the order of completion is fixed, not raced.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const items = itemsOf(250);
      const { tid } = client(
        async (request) => {
          await wait((3 - chunkIndexOf(request, items)) * 15);
          return sendsEverything(request);
        },
        { concurrency: 3 },
      );
      const results = await settleWhileAdvancing(tid.send(items), () => vi.advanceTimersByTimeAsync(15));
      expect(results.map((result) => result.order_id)).toEqual(items.map((item) => item.order_id));
      expect(results.map((result) => (result.ok ? result.request_id : ''))).toEqual(
        items.map((item) => `r${item.order_id}`),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('one failing call among three', () => {
  // The timeout row shortens the deadline (each call otherwise has the default 15 s): long enough that the
  // answered calls beat it on a loaded machine, short enough to keep the test quick.
  it.each<[string, Responder, Record<string, unknown>, number?]>([
    [
      'a GatewayError the gateway raised before sending',
      () => jsonResponse({ code: 40004, message: '店铺未授权', data: null }),
      { code: 40004, retryable: false, maybeSent: false },
    ],
    [
      'an HTTP 502 that may come after processing',
      () => new Response('Bad Gateway', { status: 502 }),
      { code: 'http-status', retryable: false, maybeSent: true },
    ],
    ['a timeout after sending', neverAnswers, { code: 'timeout', retryable: false, maybeSent: true }, 500],
  ])(
    'fails exactly that call’s items for %s and keeps the others’ results',
    async (_label, fail, expected, timeout) => {
      const items = itemsOf(250);
      const { tid, requests } = client(
        (request, index) =>
          chunkIndexOf(request, items) === 1 ? fail(request, index) : sendsEverything(request),
        timeout === undefined ? {} : { timeout },
      );
      const results = await tid.send(items);

      expect(requests).toHaveLength(3);
      expect(results).toHaveLength(250);
      results.forEach((result, index) => {
        expect(result.order_id).toBe(items[index]?.order_id);
        if (index >= 100 && index < 200) {
          expect(result).toMatchObject({ ok: false, ...expected });
          expect(result.ok ? undefined : result.error).toBeInstanceOf(Error);
        } else {
          expect(result).toMatchObject({ ok: true, request_id: `r${items[index]?.order_id}` });
        }
      });
    },
  );
});

describe('concurrency', () => {
  async function maxInFlight(concurrency: number | undefined): Promise<number> {
    // Each answer is held 20 ms of a fake clock: every call the client starts is in flight before any answers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { tid, requests, recording } = client(sendsEverything, { concurrency }, { delay: 20 });
      const results = await settleWhileAdvancing(tid.send(itemsOf(650)), () =>
        vi.advanceTimersByTimeAsync(20),
      );
      expect(requests).toHaveLength(7);
      expect(results.every((result) => result.ok)).toBe(true);
      return recording.maxInFlight;
    } finally {
      vi.useRealTimers();
    }
  }

  it('keeps at most 2 calls in flight by default, and uses both', async () => {
    expect(await maxInFlight(undefined)).toBe(2);
  });

  it.each([1, 3])('keeps at most %i calls in flight when told', async (concurrency) => {
    expect(await maxInFlight(concurrency)).toBe(concurrency);
  });

  it.each([0, 1.5, -1, Number.NaN])('refuses concurrency %s when the client is created', (concurrency) => {
    expect(() => client(sendsEverything, { concurrency })).toThrow(RangeError);
  });
});
