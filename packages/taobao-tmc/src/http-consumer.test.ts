import { verifyTop } from '@x/signing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TmcConsumerEvent } from './events.js';
import { createTmcHttpConsumer, type TmcHttpConsumerOptions } from './http-consumer.js';
import type { TmcMessage } from './message.js';

/** One call the consumer made, as the gateway read it. */
interface GatewayCall {
  readonly method: string;
  readonly params: Record<string, string>;
}

const receiptContent = '{"biz_id":"1^0","state":"1","err_code":"DELIVRD","extend":"e-1"}';

/** A TOP gateway double: checks the signature, records calls, answers consume from a script. */
function gateway(consumeAnswers: string[]) {
  const calls: GatewayCall[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const params: Record<string, string> = Object.fromEntries(new URL(request.url).searchParams);
    for (const [key, value] of new URLSearchParams(await request.text())) params[key] = value;
    if (!verifyTop(params, 'test-secret').ok) throw new Error('bad signature in the test double');
    const method = params.method ?? '';
    calls.push({ method, params });
    const body =
      method === 'taobao.tmc.messages.consume'
        ? (consumeAnswers.shift() ?? '{"tmc_messages_consume_response":{"request_id":"r1"}}')
        : '{"tmc_messages_confirm_response":{"is_success":true,"request_id":"r2"}}';
    return new Response(body, { headers: { 'content-type': 'text/javascript;charset=UTF-8' } });
  });
  return { calls, fetch };
}

const wireMessage = (id: string, topic: string, content: string) =>
  `{"id":${id},"topic":"${topic}","content":${JSON.stringify(content)},"pub_time":"2023-11-15 06:13:20","pub_app_key":"12345678","user_id":2200000000000000001,"user_nick":"shop"}`;

let events: TmcConsumerEvent[];
let controller: AbortController;

function consumerWith(fetch: TmcHttpConsumerOptions['fetch'], options: Partial<TmcHttpConsumerOptions> = {}) {
  return createTmcHttpConsumer({
    appKey: '12345678',
    appSecret: 'test-secret',
    baseUrl: 'http://127.0.0.1:8787/router/rest',
    fetch,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...options,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  controller = new AbortController();
});
afterEach(() => vi.useRealTimers());

describe('createTmcHttpConsumer', () => {
  it('consumes, hands each message to its handler and confirms only those that succeeded', async () => {
    const { calls, fetch } = gateway([
      `{"tmc_messages_consume_response":{"messages":{"tmc_message":[${[
        wireMessage('9007199254740993', 'alibaba_aliqin_TaFcSmsDR', receiptContent),
        wireMessage('2', 'other', '{}'),
        wireMessage('3', 'other', '{"boom":true}'),
      ].join(',')}]},"request_id":"r0"}}`,
    ]);
    const seen: TmcMessage[] = [];
    const receipts: string[] = [];
    const consumer = consumerWith(fetch, { groupName: 'receipts', quantity: 50 })
      .onSmsReceipt((receipt) => void receipts.push(receipt.biz_id))
      .on('other', (message) => {
        seen.push(message);
        if (message.content.includes('boom')) throw new Error('boom');
      });
    const stopped = consumer.run(controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]).toMatchObject({
      method: 'taobao.tmc.messages.consume',
      params: { group_name: 'receipts', quantity: '50' },
    });
    expect(receipts).toEqual(['1^0']);
    expect(seen[0]).toEqual({
      id: '2',
      topic: 'other',
      content: '{}',
      time: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)),
      publisher: '12345678',
      nick: 'shop',
      userid: '2200000000000000001',
    });
    expect(calls[1]).toMatchObject({
      method: 'taobao.tmc.messages.confirm',
      params: { group_name: 'receipts', s_message_ids: '9007199254740993,2' },
    });
    expect(events).toContainEqual(expect.objectContaining({ type: 'message-failed', messageId: '3' }));
    controller.abort();
    await stopped;
  });

  it('accepts messages as a bare array and waits idleDelay after an empty answer', async () => {
    const { calls, fetch } = gateway([
      '{"tmc_messages_consume_response":{}}',
      `{"tmc_messages_consume_response":{"messages":[${wireMessage('4', 't', '{}')}]}}`,
    ]);
    const handler = vi.fn();
    const stopped = consumerWith(fetch, { idleDelay: 2_000 }).on('t', handler).run(controller.signal);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }));
    expect(calls[2]?.params.s_message_ids).toBe('4');
    controller.abort();
    await stopped;
  });

  it('backs off after a failed consume and reports it', async () => {
    const { calls, fetch } = gateway([
      '{"error_response":{"code":29,"msg":"Invalid app Key","sub_code":"isv.appkey-not-exists","request_id":"r"}}',
      '{"tmc_messages_consume_response":{}}',
    ]);
    const stopped = consumerWith(fetch, { reconnect: { initialDelay: 1_000, maxDelay: 8_000 } }).run(
      controller.signal,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'poll-failed',
        error: expect.objectContaining({ name: 'TopPlatformError' }),
      }),
    );
    expect(events).toContainEqual({ type: 'reconnecting', attempt: 1, delayMs: 500 });
    const before = calls.length;
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.length).toBeGreaterThan(before);
    controller.abort();
    await stopped;
  });

  it('refuses a quantity outside 10..200 and a non-http baseUrl', () => {
    const { fetch } = gateway([]);
    expect(() => consumerWith(fetch, { quantity: 201 })).toThrow(
      expect.objectContaining({ field: 'quantity' }),
    );
    expect(() => consumerWith(fetch, { baseUrl: 'ws://x/' })).toThrow(
      expect.objectContaining({ field: 'baseUrl' }),
    );
  });
});
