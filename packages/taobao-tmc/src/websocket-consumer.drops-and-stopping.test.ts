/**
 * The WebSocket consumer when the connection drops or the caller stops it: reconnecting and handling
 * unconfirmed messages again (once, with dedupe), finishing the message in hand on abort, and stopping at
 * once while waiting to reconnect.
 */
import { describe, expect, it, vi } from 'vitest';
import { settle, useConsumerHarness } from './__fixtures__/consumer-harness.js';
import { frameId } from './__fixtures__/fake-websocket.js';
import { dedupe } from './dedupe.js';
import type { TmcMessage } from './message.js';

const harness = useConsumerHarness();

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
    const { stopped: running } = await harness.connected(harness.consumerWith().on('t', handler));
    const firstSocket = harness.server.latest;
    firstSocket.deliver({ id: 5n, topic: 't', content: '{}' });
    firstSocket.deliver({ id: 6n, topic: 't', content: '{}' });
    await settle();
    firstSocket.drop();
    release();
    await settle();
    expect(harness.events).toContainEqual({ type: 'disconnected', code: 1006 });
    expect(firstSocket.sentOfKind(2)).toHaveLength(0);
    expect(handled).toEqual([]);

    await vi.advanceTimersByTimeAsync(1_500);
    expect(harness.server.sockets).toHaveLength(2);
    const secondSocket = harness.server.latest;
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
    harness.controller.abort();
    await running;
  });

  it('on abort finishes and confirms the message in hand, leaves the rest, closes and resolves', async () => {
    let release: () => void = () => {};
    const started: string[] = [];
    const { stopped: running } = await harness.connected(
      harness.consumerWith().on('t', async (message) => {
        started.push(message.id);
        await new Promise<void>((resolve) => (release = resolve));
      }),
    );
    const socket = harness.server.latest;
    socket.deliver({ id: 1n, topic: 't', content: '{}' });
    socket.deliver({ id: 2n, topic: 't', content: '{}' });
    await settle();
    harness.controller.abort();
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
    expect(harness.server.sockets).toHaveLength(1);
  });

  it('resolves at once when aborted while waiting to reconnect, and refuses to run twice', async () => {
    const consumer = harness.consumerWith();
    const running = consumer.run(harness.controller.signal);
    await expect(consumer.run()).rejects.toThrow(/already running/);
    await settle();
    harness.server.latest.drop();
    await settle();
    harness.controller.abort();
    await running;
    expect(harness.server.sockets).toHaveLength(1);
  });
});
