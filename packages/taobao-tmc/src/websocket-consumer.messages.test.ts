/**
 * The WebSocket consumer handling messages: confirming with the exact Int64 id only after the handler
 * succeeds, failing a message whose handler throws or whose topic has no handler, gzip content, typed SMS
 * receipts, dropping frames with a wrong token or before the CONNECTACK, and handling one message at a time.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { settle, useConsumerHarness } from './__fixtures__/consumer-harness.js';
import { frameId } from './__fixtures__/fake-websocket.js';
import type { TmcMessage } from './message.js';
import type { SmsReceipt } from './receipt.js';

const harness = useConsumerHarness();

const receiptTopic = 'alibaba_aliqin_TaFcSmsDR';
const receiptContent = JSON.stringify({
  biz_id: '341623067818673604^0',
  state: '1',
  err_code: 'DELIVRD',
  extend: 'order-42',
  receiver: '13800138000',
  send_time: '2023-11-15 06:13:20',
  rept_time: '2023-11-15 06:13:25',
});
// 2^53 + 1: a double would round it to 2^53.
const bigId = 9_007_199_254_740_993n;

describe('messages', () => {
  it('confirms a message with its exact Int64 id and the token after the handler succeeds', async () => {
    const seen: TmcMessage[] = [];
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('some_topic', (message) => void seen.push(message)),
    );
    harness.server.latest.deliver({ id: bigId, topic: 'some_topic', content: '{"a":1}' });
    await settle();
    expect(seen).toEqual([
      expect.objectContaining({
        id: '9007199254740993',
        topic: 'some_topic',
        content: '{"a":1}',
        time: new Date(1_700_000_000_000),
        publisher: '4272',
      }),
    ]);
    const [confirm] = harness.server.latest.sentOfKind(2);
    expect(confirm?.token).toBe('session-token');
    expect(confirm?.headers.get('id')).toEqual({ format: 'int64', value: bigId });
    harness.controller.abort();
    await running;
  });

  it('does not confirm before the handler resolves', async () => {
    let finish: () => void = () => {};
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('t', () => new Promise<void>((resolve) => (finish = resolve))),
    );
    harness.server.latest.deliver({ id: 1n, topic: 't', content: '{}' });
    await settle();
    expect(harness.server.latest.sentOfKind(2)).toHaveLength(0);
    finish();
    await settle();
    expect(harness.server.latest.sentOfKind(2).map(frameId)).toEqual(['1']);
    harness.controller.abort();
    await running;
  });

  it('fails a message whose handler throws, with a short reason that does not echo the error message', async () => {
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('t', () => {
        throw new TypeError('cannot reach 13800138000');
      }),
    );
    harness.server.latest.deliver({ id: 7n, topic: 't', content: '{}' });
    await settle();
    const [fail] = harness.server.latest.sentOfKind(20);
    expect(frameId(fail!)).toBe('7');
    expect(fail?.headers.get('msg')).toEqual({ format: 'string', value: 'handler failed: TypeError' });
    expect(harness.server.latest.sentOfKind(2)).toHaveLength(0);
    expect(harness.events).toContainEqual(
      expect.objectContaining({ type: 'message-failed', messageId: '7', topic: 't' }),
    );
    harness.controller.abort();
    await running;
  });

  it('fails messages of a topic without a handler unless confirmUnhandled is set', async () => {
    let { stopped: running } = await harness.connected(harness.consumerWith());
    harness.server.latest.deliver({ id: 1n, topic: 'nobody', content: '{}' });
    await settle();
    expect(harness.server.latest.sentOfKind(20).map(frameId)).toEqual(['1']);
    harness.controller.abort();
    await running;

    harness.controller = new AbortController();
    ({ stopped: running } = await harness.connected(harness.consumerWith({ confirmUnhandled: true })));
    harness.server.latest.deliver({ id: 2n, topic: 'nobody', content: '{}' });
    await settle();
    expect(harness.server.latest.sentOfKind(2).map(frameId)).toEqual(['2']);
    harness.controller.abort();
    await running;
  });

  it('hands gzip content over as text', async () => {
    const seen: string[] = [];
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('t', (message) => void seen.push(message.content)),
    );
    harness.server.latest.deliver({ id: 1n, topic: 't', content: gzipSync(Buffer.from('{"短信":"内容"}')) });
    harness.server.latest.deliver({
      id: 2n,
      topic: 't',
      content: new TextEncoder().encode('{"plain":true}'),
    });
    await settle();
    expect(seen).toEqual(['{"短信":"内容"}', '{"plain":true}']);
    harness.controller.abort();
    await running;
  });

  it('types receipts and fails receipt messages whose content is not a receipt', async () => {
    const receipts: SmsReceipt[] = [];
    const { stopped: running } = await harness.connected(
      harness.consumerWith().onSmsReceipt((receipt) => void receipts.push(receipt)),
    );
    harness.server.latest.deliver({ id: 1n, topic: receiptTopic, content: receiptContent });
    harness.server.latest.deliver({ id: 2n, topic: receiptTopic, content: '{"biz_id":"1^0","state":"9"}' });
    await settle();
    expect(receipts).toEqual([
      expect.objectContaining({ biz_id: '341623067818673604^0', state: '1', extend: 'order-42' }),
    ]);
    expect(harness.server.latest.sentOfKind(2).map(frameId)).toEqual(['1']);
    expect(harness.server.latest.sentOfKind(20).map(frameId)).toEqual(['2']);
    harness.controller.abort();
    await running;
  });

  it('drops data frames with a wrong token or before the CONNECTACK, and undecodable frames', async () => {
    const handler = vi.fn();
    const running = harness.consumerWith().on('t', handler).run(harness.controller.signal);
    await settle();
    const socket = harness.server.latest;
    socket.open();
    socket.deliver({ id: 1n, topic: 't', content: '{}' });
    socket.acknowledge();
    await settle();
    socket.deliver({ id: 2n, topic: 't', content: '{}' }, 'someone-else');
    socket.pushRaw(new Uint8Array([0x02, 0x02, 0x09]));
    socket.pushRaw('text');
    await settle();
    expect(handler).not.toHaveBeenCalled();
    const reasons = harness.events.flatMap((event) =>
      event.type === 'frame-rejected' ? [event.reason] : [],
    );
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/before the CONNECTACK/);
    expect(reasons[1]).toMatch(/wrong token/);
    harness.controller.abort();
    await running;
  });

  it('handles messages one at a time, in arrival order', async () => {
    const order: string[] = [];
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('t', async (message) => {
        order.push(`start ${message.id}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push(`end ${message.id}`);
      }),
    );
    harness.server.latest.deliver({ id: 1n, topic: 't', content: '{}' });
    harness.server.latest.deliver({ id: 2n, topic: 't', content: '{}' });
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    harness.controller.abort();
    await running;
  });
});
