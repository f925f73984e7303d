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
import { sendsEverything, sentRequestData } from './doudian-test-gateway.js';
import {
  createDoudianClient,
  type DoudianClientOptions,
  type DoudianMessage,
  type DoudianSendRequest,
  isValidationError,
} from './index.js';

/** `count` messages; every tenth goes to a plain phone, the others to orders. */
const messagesOf = (count: number): DoudianMessage[] =>
  Array.from({ length: count }, (_, index) =>
    index % 10 === 9
      ? { post_tel: `139${String(index).padStart(8, '0')}`, template_param: { n: index } }
      : { order_id: String(5_000_000_000_000_000_000n + BigInt(index)), template_param: { n: index } },
  );
const requestOf = (messages: DoudianMessage[]): DoudianSendRequest => ({
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  tag: 'campaign-7',
  user_ext_code: '01',
  messages,
});
/** What the result of `message` shows: its order id, or "" and its masked phone. */
const expectedRecipient = (message: DoudianMessage) =>
  message.order_id !== undefined
    ? { order_id: message.order_id }
    : { order_id: '', post_tel: `${message.post_tel.slice(0, 3)}****${message.post_tel.slice(-4)}` };
const expectedMessageId = (message: DoudianMessage) => `m-${String(message.order_id ?? message.post_tel)}`;

function client(
  respond: Responder = sendsEverything,
  options: Partial<DoudianClientOptions> = {},
  recordingOptions: RecordingFetchOptions = {},
) {
  const recording = recordingFetch(respond, recordingOptions);
  const doudian = createDoudianClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'oms38173182',
    ...options,
    fetch: recording.fetch,
  });
  return { doudian, requests: recording.requests, recording };
}

/** Which chunk a request carries: the `n` template variable of its first message, divided by 100. */
const chunkIndexOf = (request: RecordedRequest) =>
  Math.floor(
    (JSON.parse(String(sentRequestData(request).sms_message_list[0]?.template_param)) as { n: number }).n /
      100,
  );

describe('chunking', () => {
  it('rejects a request without messages with a ValidationError and sends nothing', async () => {
    const { doudian, requests } = client();
    const error = await doudian.send(requestOf([])).catch((thrown: unknown) => thrown);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'messages', reason: 'must contain at least one item' });
    expect(requests).toHaveLength(0);
  });

  it.each([
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])(
    'sends %i messages in calls of %j, repeating the shared fields, one result per message in order',
    async (count, sizes) => {
      const messages = messagesOf(count);
      const { doudian, requests } = client();
      const results = await doudian.send(requestOf(messages));

      const sent = requests.map(sentRequestData);
      expect(sent.map((data) => data.sms_message_list.length).sort((a, b) => b - a)).toEqual(sizes);
      for (const data of sent) {
        expect(data).toMatchObject({
          sign: '群荐的铺子',
          template_id: 'ST_72dd4e2c',
          tag: 'campaign-7',
          user_ext_code: '01',
        });
      }
      expect(
        sent.flatMap((data) => data.sms_message_list.map((message) => message.order_id ?? message.post_tel)),
      ).toEqual(messages.map((message) => message.order_id ?? message.post_tel));
      expect(results).toHaveLength(count);
      results.forEach((result, index) => {
        const message = messages[index]!;
        expect(result).toEqual({
          ok: true,
          message: '',
          message_id: expectedMessageId(message),
          ...expectedRecipient(message),
        });
      });
    },
  );

  it('keeps input order when later calls answer first', async () => {
    // Later chunks answer first, on a fake clock the test moves: the order of completion is fixed, not raced.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const messages = messagesOf(250);
      const { doudian } = client(
        async (request) => {
          await wait((3 - chunkIndexOf(request)) * 15);
          return sendsEverything(request);
        },
        { concurrency: 3 },
      );
      const results = await settleWhileAdvancing(doudian.send(requestOf(messages)), () =>
        vi.advanceTimersByTimeAsync(15),
      );
      expect(results.map((result) => (result.ok ? result.message_id : ''))).toEqual(
        messages.map(expectedMessageId),
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
      'an answer that is not JSON',
      () => new Response('<html>502</html>', { status: 200 }),
      { code: 'unparseable-body', retryable: false, maybeSent: true },
    ],
    ['a timeout after sending', neverAnswers, { code: 'timeout', retryable: false, maybeSent: true }, 500],
  ])(
    'fails exactly that call’s messages for %s and keeps the others’ results',
    async (_label, fail, expected, timeout) => {
      const messages = messagesOf(250);
      const { doudian, requests } = client(
        (request, index) => (chunkIndexOf(request) === 1 ? fail(request, index) : sendsEverything(request)),
        timeout === undefined ? {} : { timeout },
      );
      const results = await doudian.send(requestOf(messages));

      expect(requests).toHaveLength(3);
      expect(results).toHaveLength(250);
      results.forEach((result, index) => {
        const message = messages[index]!;
        expect(result).toMatchObject(expectedRecipient(message));
        if (index >= 100 && index < 200) {
          expect(result).toMatchObject({ ok: false, ...expected });
          expect(result.ok ? undefined : result.error).toBeInstanceOf(Error);
        } else {
          expect(result).toMatchObject({ ok: true, message_id: expectedMessageId(message) });
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
      const { doudian, requests, recording } = client(sendsEverything, { concurrency }, { delay: 20 });
      const results = await settleWhileAdvancing(doudian.send(requestOf(messagesOf(650))), () =>
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

  it.each([0, 2.5, -3, Number.POSITIVE_INFINITY])(
    'refuses concurrency %s when the client is created',
    (concurrency) => {
      expect(() => client(sendsEverything, { concurrency })).toThrow(RangeError);
    },
  );
});
