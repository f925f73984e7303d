import {
  jsonResponse,
  type RecordedRequest,
  type Responder,
  recordingFetch,
  rejection,
} from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isGatewayError, isValidationError } from './error-guards.js';
import {
  type GatewayBatchEndpoint,
  type GatewayBatchSendCall,
  sendGatewayBatch,
} from './gateway-batch-send.js';
import { createGatewayCaller } from './gateway-call.js';
import { validationError } from './input-validation.js';

// A made-up endpoint, so that the outline is tested apart from any one API: a request holding a list, whose
// shared `template` every call repeats, and results that echo `order_id`.
const path = '/gateway/test/batch/send';

const requestSchema = z.strictObject({
  template: z.string().min(1, { message: 'must not be empty' }),
  messages: z.array(
    z.strictObject({
      order_id: z.string().regex(/^\d+$/, { message: 'must contain digits only' }),
      text: z.string(),
    }),
  ),
});
type TestRequest = z.output<typeof requestSchema>;
type TestMessage = TestRequest['messages'][number];

const resultItemSchema = z.object({
  order_id: z.string(),
  code: z.number(),
  message: z.string(),
  message_id: z.string(),
});
type TestResultItem = z.output<typeof resultItemSchema>;

interface TestWireMessage {
  readonly order_id: string;
  readonly text: string;
}

const endpoint: GatewayBatchEndpoint<
  TestRequest,
  TestMessage,
  TestWireMessage,
  TestResultItem,
  { readonly order_id: string; readonly message_id: string },
  { readonly order_id: string }
> = {
  path,
  sellerField: 'seller_nick',
  chunkSize: 3,
  inputSchema: requestSchema,
  listField: 'messages',
  itemsOf: (request) => request.messages,
  duplicateKeyOf: (message) => ({ field: 'order_id', value: message.order_id }),
  duplicateConsequence: 'that buyer would be texted twice',
  encodeItem: (message, index) => {
    // Stands in for an encoding that can fail (Douyin's template variables as JSON text).
    if (message.text === 'unencodable')
      throw validationError(path, [{ field: `messages.${index}.text`, reason: 'cannot be encoded' }]);
    return { order_id: message.order_id, text: message.text };
  },
  requestData: (request, wires) => ({ template: request.template, list: wires }),
  resultItemSchema,
  answerKeyOf: (message) => message.order_id,
  resultKeyOf: (result) => result.order_id,
  toResult: (result) =>
    result.code === 0
      ? { ok: true, order_id: result.order_id, message_id: result.message_id }
      : {
          ok: false,
          order_id: result.order_id,
          code: result.code,
          message: result.message,
          retryable: false,
          maybeSent: false,
        },
  echo: (message) => ({ order_id: message.order_id }),
};

const messagesOf = (count: number): TestMessage[] =>
  Array.from({ length: count }, (_, index) => ({ order_id: String(1000 + index), text: `text ${index}` }));

/** What a request carried in `request_data`. */
function sentData(request: RecordedRequest): { template: string; list: TestWireMessage[] } {
  return JSON.parse(request.form.request_data ?? 'null') as { template: string; list: TestWireMessage[] };
}

/** One answer item per message sent, as the gateway would give it. */
const sentResults = (request: RecordedRequest) =>
  sentData(request).list.map((message) => ({
    code: 0,
    message: '',
    order_id: message.order_id,
    message_id: `m${message.order_id}`,
  }));

/** A gateway that sends every message it is given, answering in request order. */
const sendsEverything: Responder = (request) =>
  jsonResponse({ code: 0, message: 'ok', data: sentResults(request), trace_id: 't' });

/** Sends `input` through the test endpoint (or `testEndpoint`) to a recording fetch answering with `respond`. */
function send(
  input: unknown,
  respond: Responder = sendsEverything,
  call: Partial<Omit<GatewayBatchSendCall, 'gateway' | 'input'>> = {},
  testEndpoint: typeof endpoint = endpoint,
) {
  const recording = recordingFetch(respond);
  const gateway = createGatewayCaller({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'test-seller',
    fetch: recording.fetch,
  });
  const results = sendGatewayBatch(testEndpoint, { gateway, input, ...call });
  return { results, requests: recording.requests };
}

describe('sendGatewayBatch: before anything is sent', () => {
  it('rejects a malformed input with a ValidationError naming the field, and sends nothing', async () => {
    const messages = [...messagesOf(4), { order_id: '12a', text: 'x' }];
    const { results, requests } = send({ template: 'T1', messages });
    const error = await rejection(results);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      api: path,
      field: 'messages.4.order_id',
      reason: 'must contain digits only',
    });
    expect(requests).toHaveLength(0);
  });

  it('prefixes the field paths with inputFieldPrefix', async () => {
    const { results, requests } = send(
      { template: '', messages: messagesOf(1) },
      sendsEverything,
      {},
      { ...endpoint, inputFieldPrefix: 'request' },
    );
    expect(await rejection(results)).toMatchObject({ field: 'request.template' });
    expect(requests).toHaveLength(0);
  });

  it('rejects an empty seller and an empty list, and sends nothing', async () => {
    const emptySeller = send({ template: 'T1', messages: messagesOf(2) }, sendsEverything, {
      sellerNick: ' ',
    });
    expect(await rejection(emptySeller.results)).toMatchObject({ field: 'sellerNick' });
    const emptyList = send({ template: 'T1', messages: [] });
    expect(await rejection(emptyList.results)).toMatchObject({
      field: 'messages',
      reason: 'must contain at least one item',
    });
    expect([...emptySeller.requests, ...emptyList.requests]).toHaveLength(0);
  });

  it('encodes every item before the first call: one that cannot be encoded fails the send, nothing is sent', async () => {
    const messages = messagesOf(7);
    messages[5] = { order_id: '1005', text: 'unencodable' };
    const { results, requests } = send({ template: 'T1', messages });
    expect(await rejection(results)).toMatchObject({ field: 'messages.5.text', reason: 'cannot be encoded' });
    expect(requests).toHaveLength(0);
  });

  it('refuses a repeated key, naming both positions, and sends nothing', async () => {
    const messages = messagesOf(5);
    messages[4] = { order_id: '1001', text: 'again' };
    const { results, requests } = send({ template: 'T1', messages });
    const error = await rejection(results);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      field: 'messages.4.order_id',
      reason: 'repeats messages.1.order_id: that buyer would be texted twice',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('sendGatewayBatch: sending', () => {
  it('sends repeated keys when allowed, and pairs each copy with its own result', async () => {
    const messages = [
      { order_id: '1000', text: 'first' },
      { order_id: '1000', text: 'second' },
    ];
    const { results, requests } = send({ template: 'T1', messages }, sendsEverything, {
      allowDuplicates: true,
    });
    expect(await results).toEqual([
      { ok: true, order_id: '1000', message_id: 'm1000' },
      { ok: true, order_id: '1000', message_id: 'm1000' },
    ]);
    expect(sentData(requests[0]!).list.map((message) => message.text)).toEqual(['first', 'second']);
  });

  it('chunks at chunkSize, repeats the shared fields on every call, and returns one result per item in order', async () => {
    const messages = messagesOf(7);
    const { results, requests } = send({ template: 'T1', messages }, sendsEverything, {
      sellerNick: 'other-seller',
    });
    const resolved = await results;

    const sent = requests.map(sentData);
    expect(sent.map((data) => data.list.length).sort((a, b) => b - a)).toEqual([3, 3, 1]);
    expect(sent.map((data) => data.template)).toEqual(['T1', 'T1', 'T1']);
    expect(requests.map((request) => request.url.pathname)).toEqual([path, path, path]);
    expect(requests.map((request) => request.form.seller_nick)).toEqual([
      'other-seller',
      'other-seller',
      'other-seller',
    ]);
    expect(resolved.map((result) => result.order_id)).toEqual(messages.map((message) => message.order_id));
    expect(resolved.every((result) => result.ok)).toBe(true);
  });

  it('pairs results with items by key whatever the answer order; an unanswered item is missing-result', async () => {
    const messages = messagesOf(3);
    const { results } = send({ template: 'T1', messages }, (request) => {
      // Reversed, without 1001, and with a result for an order that was not sent (ignored).
      const data = sentResults(request)
        .filter((result) => result.order_id !== '1001')
        .reverse();
      data.push({ code: 0, message: '', order_id: '9999', message_id: 'm9999' });
      data[0] = { ...data[0]!, code: 7, message: 'refused' };
      return jsonResponse({ code: 0, message: 'ok', data });
    });
    expect(await results).toEqual([
      { ok: true, order_id: '1000', message_id: 'm1000' },
      {
        ok: false,
        order_id: '1001',
        code: 'missing-result',
        message: 'the answer had no result for this item; it may have been sent',
        retryable: false,
        maybeSent: true,
      },
      { ok: false, order_id: '1002', code: 7, message: 'refused', retryable: false, maybeSent: false },
    ]);
  });

  it('fails only the items of a failed call; the other calls keep their results', async () => {
    const messages = messagesOf(7);
    const { results } = send({ template: 'T1', messages }, (request) =>
      sentData(request).list[0]?.order_id === '1003'
        ? jsonResponse({ code: 50000, message: 'internal error', trace_id: 't2' })
        : sendsEverything(request, 0),
    );
    const resolved = await results;

    expect(resolved.map((result) => result.ok)).toEqual([true, true, true, false, false, false, true]);
    for (const result of resolved.slice(3, 6)) {
      expect(result).toMatchObject({ ok: false, code: 50000, maybeSent: true, retryable: false });
      expect(isGatewayError(!result.ok && result.error)).toBe(true);
    }
  });
});

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
