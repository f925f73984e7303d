import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocketServer, frameId } from './__fixtures__/fake-websocket.js';
import { dedupe } from './dedupe.js';
import type { TmcConsumerEvent } from './events.js';
import type { TmcMessage } from './message.js';
import type { SmsReceipt } from './receipt.js';
import { createTmcConsumer, type TmcConsumerOptions } from './websocket-consumer.js';

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

let server: FakeSocketServer;
let events: TmcConsumerEvent[];
let controller: AbortController;

function consumerWith(options: Partial<TmcConsumerOptions> = {}) {
  return createTmcConsumer({
    appKey: '4272',
    appSecret: 'secret',
    url: 'ws://127.0.0.1:8787/tmc',
    WebSocket: server.WebSocket,
    now: () => 1_700_000_000_000,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...options,
  });
}

/** Lets microtasks and due timers run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeSocketServer();
  events = [];
  controller = new AbortController();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Runs the consumer through an accepted connect; returns the run (in an object: an async function would await it). */
async function connected(consumer: ReturnType<typeof consumerWith>): Promise<{ stopped: Promise<void> }> {
  const stopped = consumer.run(controller.signal);
  await settle();
  server.latest.open();
  server.latest.acknowledge();
  await settle();
  return { stopped };
}

describe('connect', () => {
  it('sends a signed CONNECT with a flag, timestamp in epoch ms and the binary type set', async () => {
    const running = consumerWith().run(controller.signal);
    await settle();
    const socket = server.latest;
    expect(socket.url).toBe('ws://127.0.0.1:8787/tmc');
    expect(socket.binaryType).toBe('arraybuffer');
    socket.open();
    const connect = socket.connect;
    expect(connect.flag).toBeGreaterThan(0);
    expect(connect.token).toBeUndefined();
    expect(Object.fromEntries(connect.headers)).toMatchObject({
      app_key: { format: 'string', value: '4272' },
      group_name: { format: 'string', value: 'default' },
      timestamp: { format: 'string', value: '1700000000000' },
      sign: { format: 'string', value: '519908D0B920AAC9AC38E6E7B7613B90' },
    });
    controller.abort();
    await running;
  });

  it('pulls with the token right after the CONNECTACK and then every pullInterval', async () => {
    const { stopped: running } = await connected(consumerWith({ pullInterval: 2_000 }));
    const socket = server.latest;
    expect(events).toContainEqual({ type: 'connected' });
    expect(socket.sentOfKind(1)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(socket.sentOfKind(1)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(socket.sentOfKind(1)).toHaveLength(4);
    expect(socket.sentOfKind(1).every((frame) => frame.token === 'session-token')).toBe(true);
    controller.abort();
    await running;
  });

  it.each([
    ['a CONNECTACK with another flag', { flag: 999_999, token: 't' }, 'bad-ack'],
    ['a CONNECTACK without a token', { flag: undefined, token: undefined }, 'bad-ack'],
    [
      'a refusal',
      { flag: undefined, token: undefined, statusCode: 101, statusPhrase: 'invalid sign' },
      'refused',
    ],
  ] as const)('treats %s as a failed connect and reconnects', async (_name, ack, failure) => {
    const running = consumerWith().run(controller.signal);
    await settle();
    const socket = server.latest;
    socket.open();
    socket.push({ messageType: 1, ...ack, flag: ack.flag ?? socket.connect.flag, headers: new Map() });
    await settle();
    const failed = events.find((event) => event.type === 'connect-failed');
    expect(failed).toMatchObject({ error: { name: 'TmcConnectError', failure } });
    expect(socket.readyState).toBe(3);
    expect(socket.sentOfKind(1)).toHaveLength(0);
    // random() = 0: the first delay is half the initial 3000 ms.
    expect(events).toContainEqual({ type: 'reconnecting', attempt: 1, delayMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(server.sockets).toHaveLength(2);
    controller.abort();
    await running;
  });

  it('reports the status of a refusal without the signature', async () => {
    const running = consumerWith().run(controller.signal);
    await settle();
    server.latest.open();
    server.latest.push({ messageType: 1, statusCode: 101, statusPhrase: 'invalid sign', headers: new Map() });
    await settle();
    const failed = events.find((event) => event.type === 'connect-failed');
    expect(failed).toMatchObject({ error: { statusCode: 101, statusPhrase: 'invalid sign' } });
    expect(JSON.stringify(failed) + String((failed as { error: Error }).error.message)).not.toMatch(
      /519908D0B920AAC9AC38E6E7B7613B90|secret/,
    );
    controller.abort();
    await running;
  });

  it('gives up on a CONNECTACK that does not come within connectTimeout', async () => {
    const running = consumerWith({ connectTimeout: 1_000 }).run(controller.signal);
    await settle();
    server.latest.open();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toContainEqual(expect.objectContaining({ type: 'connect-failed' }));
    expect(server.latest.readyState).toBe(3);
    controller.abort();
    await running;
  });

  it('backs off exponentially with jitter up to maxDelay while connects keep failing', async () => {
    const running = consumerWith({
      random: () => 0.5,
      reconnect: { initialDelay: 1_000, maxDelay: 4_000 },
    }).run(controller.signal);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await settle();
      server.latest.drop();
      await settle();
      const delays = events.filter((event) => event.type === 'reconnecting').map((event) => event.delayMs);
      await vi.advanceTimersByTimeAsync(delays.at(-1) ?? 0);
    }
    const delays = events.flatMap((event) => (event.type === 'reconnecting' ? [event.delayMs] : []));
    // Ceilings 1000, 2000, 4000, 4000; equal jitter at 0.5 gives three quarters of each.
    expect(delays).toEqual([750, 1_500, 3_000, 3_000]);
    controller.abort();
    await running;
  });
});

describe('messages', () => {
  it('confirms a message with its exact Int64 id and the token after the handler succeeds', async () => {
    const seen: TmcMessage[] = [];
    const { stopped: running } = await connected(
      consumerWith().on('some_topic', (message) => void seen.push(message)),
    );
    server.latest.deliver({ id: bigId, topic: 'some_topic', content: '{"a":1}' });
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
    const [confirm] = server.latest.sentOfKind(2);
    expect(confirm?.token).toBe('session-token');
    expect(confirm?.headers.get('id')).toEqual({ format: 'int64', value: bigId });
    controller.abort();
    await running;
  });

  it('does not confirm before the handler resolves', async () => {
    let finish: () => void = () => {};
    const { stopped: running } = await connected(
      consumerWith().on('t', () => new Promise<void>((resolve) => (finish = resolve))),
    );
    server.latest.deliver({ id: 1n, topic: 't', content: '{}' });
    await settle();
    expect(server.latest.sentOfKind(2)).toHaveLength(0);
    finish();
    await settle();
    expect(server.latest.sentOfKind(2).map(frameId)).toEqual(['1']);
    controller.abort();
    await running;
  });

  it('fails a message whose handler throws, with a short reason that does not echo the error message', async () => {
    const { stopped: running } = await connected(
      consumerWith().on('t', () => {
        throw new TypeError('cannot reach 13800138000');
      }),
    );
    server.latest.deliver({ id: 7n, topic: 't', content: '{}' });
    await settle();
    const [fail] = server.latest.sentOfKind(20);
    expect(frameId(fail!)).toBe('7');
    expect(fail?.headers.get('msg')).toEqual({ format: 'string', value: 'handler failed: TypeError' });
    expect(server.latest.sentOfKind(2)).toHaveLength(0);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'message-failed', messageId: '7', topic: 't' }),
    );
    controller.abort();
    await running;
  });

  it('fails messages of a topic without a handler unless confirmUnhandled is set', async () => {
    let { stopped: running } = await connected(consumerWith());
    server.latest.deliver({ id: 1n, topic: 'nobody', content: '{}' });
    await settle();
    expect(server.latest.sentOfKind(20).map(frameId)).toEqual(['1']);
    controller.abort();
    await running;

    controller = new AbortController();
    ({ stopped: running } = await connected(consumerWith({ confirmUnhandled: true })));
    server.latest.deliver({ id: 2n, topic: 'nobody', content: '{}' });
    await settle();
    expect(server.latest.sentOfKind(2).map(frameId)).toEqual(['2']);
    controller.abort();
    await running;
  });

  it('hands gzip content over as text', async () => {
    const seen: string[] = [];
    const { stopped: running } = await connected(
      consumerWith().on('t', (message) => void seen.push(message.content)),
    );
    server.latest.deliver({ id: 1n, topic: 't', content: gzipSync(Buffer.from('{"短信":"内容"}')) });
    server.latest.deliver({ id: 2n, topic: 't', content: new TextEncoder().encode('{"plain":true}') });
    await settle();
    expect(seen).toEqual(['{"短信":"内容"}', '{"plain":true}']);
    controller.abort();
    await running;
  });

  it('types receipts and fails receipt messages whose content is not a receipt', async () => {
    const receipts: SmsReceipt[] = [];
    const { stopped: running } = await connected(
      consumerWith().onSmsReceipt((receipt) => void receipts.push(receipt)),
    );
    server.latest.deliver({ id: 1n, topic: receiptTopic, content: receiptContent });
    server.latest.deliver({ id: 2n, topic: receiptTopic, content: '{"biz_id":"1^0","state":"9"}' });
    await settle();
    expect(receipts).toEqual([
      expect.objectContaining({ biz_id: '341623067818673604^0', state: '1', extend: 'order-42' }),
    ]);
    expect(server.latest.sentOfKind(2).map(frameId)).toEqual(['1']);
    expect(server.latest.sentOfKind(20).map(frameId)).toEqual(['2']);
    controller.abort();
    await running;
  });

  it('drops data frames with a wrong token or before the CONNECTACK, and undecodable frames', async () => {
    const handler = vi.fn();
    const running = consumerWith().on('t', handler).run(controller.signal);
    await settle();
    const socket = server.latest;
    socket.open();
    socket.deliver({ id: 1n, topic: 't', content: '{}' });
    socket.acknowledge();
    await settle();
    socket.deliver({ id: 2n, topic: 't', content: '{}' }, 'someone-else');
    socket.pushRaw(new Uint8Array([0x02, 0x02, 0x09]));
    socket.pushRaw('text');
    await settle();
    expect(handler).not.toHaveBeenCalled();
    const reasons = events.flatMap((event) => (event.type === 'frame-rejected' ? [event.reason] : []));
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/before the CONNECTACK/);
    expect(reasons[1]).toMatch(/wrong token/);
    controller.abort();
    await running;
  });

  it('handles messages one at a time, in arrival order', async () => {
    const order: string[] = [];
    const { stopped: running } = await connected(
      consumerWith().on('t', async (message) => {
        order.push(`start ${message.id}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push(`end ${message.id}`);
      }),
    );
    server.latest.deliver({ id: 1n, topic: 't', content: '{}' });
    server.latest.deliver({ id: 2n, topic: 't', content: '{}' });
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    controller.abort();
    await running;
  });
});

describe('drops, duplicates and stopping', () => {
  it('reconnects after a drop and handles again what was not confirmed, without doing it twice with dedupe', async () => {
    const handled: string[] = [];
    let release: () => void = () => {};
    let first = true;
    const handler = dedupe(async (message: TmcMessage) => {
      if (first) {
        first = false;
        // The connection drops while this handler runs: its confirm cannot be sent.
        await new Promise<void>((resolve) => (release = resolve));
        throw new Error('interrupted');
      }
      handled.push(message.id);
    });
    const { stopped: running } = await connected(consumerWith().on('t', handler));
    const firstSocket = server.latest;
    firstSocket.deliver({ id: 5n, topic: 't', content: '{}' });
    firstSocket.deliver({ id: 6n, topic: 't', content: '{}' });
    await settle();
    firstSocket.drop();
    release();
    await settle();
    expect(events).toContainEqual({ type: 'disconnected', code: 1006 });
    expect(firstSocket.sentOfKind(2)).toHaveLength(0);
    expect(handled).toEqual([]);

    await vi.advanceTimersByTimeAsync(1_500);
    expect(server.sockets).toHaveLength(2);
    const secondSocket = server.latest;
    secondSocket.open();
    secondSocket.acknowledge('second-token');
    await settle();
    // The server redelivers both unconfirmed messages, then 6 once more (a duplicate).
    secondSocket.deliver({ id: 5n, topic: 't', content: '{}' }, 'second-token');
    secondSocket.deliver({ id: 6n, topic: 't', content: '{}' }, 'second-token');
    secondSocket.deliver({ id: 6n, topic: 't', content: '{}' }, 'second-token');
    await settle();
    expect(handled).toEqual(['5', '6']);
    expect(secondSocket.sentOfKind(2).map(frameId)).toEqual(['5', '6', '6']);
    expect(secondSocket.sentOfKind(2).every((frame) => frame.token === 'second-token')).toBe(true);
    controller.abort();
    await running;
  });

  it('on abort finishes and confirms the message in hand, leaves the rest, closes and resolves', async () => {
    let release: () => void = () => {};
    const started: string[] = [];
    const { stopped: running } = await connected(
      consumerWith().on('t', async (message) => {
        started.push(message.id);
        await new Promise<void>((resolve) => (release = resolve));
      }),
    );
    const socket = server.latest;
    socket.deliver({ id: 1n, topic: 't', content: '{}' });
    socket.deliver({ id: 2n, topic: 't', content: '{}' });
    await settle();
    controller.abort();
    await settle();
    expect(socket.readyState).toBe(1);
    release();
    await running;
    expect(started).toEqual(['1']);
    expect(socket.sentOfKind(2).map(frameId)).toEqual(['1']);
    expect(socket.closedWith).toBe(1000);
    const pullsAtStop = socket.sentOfKind(1).length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentOfKind(1)).toHaveLength(pullsAtStop);
    expect(server.sockets).toHaveLength(1);
  });

  it('resolves at once when aborted while waiting to reconnect, and refuses to run twice', async () => {
    const consumer = consumerWith();
    const running = consumer.run(controller.signal);
    await expect(consumer.run()).rejects.toThrow(/already running/);
    await settle();
    server.latest.drop();
    await settle();
    controller.abort();
    await running;
    expect(server.sockets).toHaveLength(1);
  });
});

describe('options', () => {
  it.each([
    [{ appKey: '' }, 'appKey'],
    [{ appSecret: undefined as unknown as string }, 'appSecret'],
    [{ groupName: 'x'.repeat(33) }, 'groupName'],
    [{ url: 'http://127.0.0.1/tmc' }, 'url'],
    [{ pullInterval: 0 }, 'pullInterval'],
    [{ connectTimeout: 1.5 }, 'connectTimeout'],
    [{ reconnect: { initialDelay: 10_000, maxDelay: 5_000 } }, 'reconnect.initialDelay'],
    [{ WebSocket: 'nope' as unknown as TmcConsumerOptions['WebSocket'] }, 'WebSocket'],
  ] as const)('refuses %o naming %s, without the secret', (override, field) => {
    try {
      consumerWith({ appSecret: 'very-secret-value', ...override });
      expect.unreachable('expected a ValidationError');
    } catch (error) {
      expect(error).toMatchObject({ name: 'ValidationError', field });
      expect(String((error as Error).message)).not.toContain('very-secret-value');
    }
  });

  it('refuses a second handler for a topic', () => {
    const consumer = consumerWith().on('t', () => {});
    expect(() => consumer.on('t', () => {})).toThrow(expect.objectContaining({ field: 'topic' }));
  });
});
