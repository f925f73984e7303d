/**
 * The WebSocket consumer connecting: the signed CONNECT it sends, pulling after the CONNECTACK and every
 * pullInterval, what counts as a failed connect (another flag, no token, a refusal, no answer within
 * connectTimeout) and the exponential backoff with jitter between reconnects.
 */
import { describe, expect, it, vi } from 'vitest';
import { settle, useConsumerHarness } from './__fixtures__/consumer-harness.js';

const harness = useConsumerHarness();

describe('connect', () => {
  it('sends a signed CONNECT with a flag, timestamp in epoch ms and the binary type set', async () => {
    const running = harness.consumerWith().run(harness.controller.signal);
    await settle();
    const socket = harness.server.latest;
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
    harness.controller.abort();
    await running;
  });

  it('pulls with the token right after the CONNECTACK and then every pullInterval', async () => {
    const { stopped: running } = await harness.connected(harness.consumerWith({ pullInterval: 2_000 }));
    const socket = harness.server.latest;
    expect(harness.events).toContainEqual({ type: 'connected' });
    expect(socket.sentOfKind(1)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(socket.sentOfKind(1)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(socket.sentOfKind(1)).toHaveLength(4);
    expect(socket.sentOfKind(1).every((frame) => frame.token === 'session-token')).toBe(true);
    harness.controller.abort();
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
    const running = harness.consumerWith().run(harness.controller.signal);
    await settle();
    const socket = harness.server.latest;
    socket.open();
    socket.push({ messageType: 1, ...ack, flag: ack.flag ?? socket.connect.flag, headers: new Map() });
    await settle();
    const failed = harness.events.find((event) => event.type === 'connect-failed');
    expect(failed).toMatchObject({ error: { name: 'TmcConnectError', failure } });
    expect(socket.readyState).toBe(3);
    expect(socket.sentOfKind(1)).toHaveLength(0);
    // random() = 0: the first delay is half the initial 3000 ms.
    expect(harness.events).toContainEqual({ type: 'reconnecting', attempt: 1, delayMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(harness.server.sockets).toHaveLength(2);
    harness.controller.abort();
    await running;
  });

  it('reports the status of a refusal without the signature', async () => {
    const running = harness.consumerWith().run(harness.controller.signal);
    await settle();
    harness.server.latest.open();
    harness.server.latest.push({
      messageType: 1,
      statusCode: 101,
      statusPhrase: 'invalid sign',
      headers: new Map(),
    });
    await settle();
    const failed = harness.events.find((event) => event.type === 'connect-failed');
    expect(failed).toMatchObject({ error: { statusCode: 101, statusPhrase: 'invalid sign' } });
    expect(JSON.stringify(failed) + String((failed as { error: Error }).error.message)).not.toMatch(
      /519908D0B920AAC9AC38E6E7B7613B90|secret/,
    );
    harness.controller.abort();
    await running;
  });

  it('gives up on a CONNECTACK that does not come within connectTimeout', async () => {
    const running = harness.consumerWith({ connectTimeout: 1_000 }).run(harness.controller.signal);
    await settle();
    harness.server.latest.open();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(harness.events).toContainEqual(expect.objectContaining({ type: 'connect-failed' }));
    expect(harness.server.latest.readyState).toBe(3);
    harness.controller.abort();
    await running;
  });

  it('backs off exponentially with jitter up to maxDelay while connects keep failing', async () => {
    const running = harness
      .consumerWith({
        random: () => 0.5,
        reconnect: { initialDelay: 1_000, maxDelay: 4_000 },
      })
      .run(harness.controller.signal);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await settle();
      harness.server.latest.drop();
      await settle();
      const delays = harness.events
        .filter((event) => event.type === 'reconnecting')
        .map((event) => event.delayMs);
      await vi.advanceTimersByTimeAsync(delays.at(-1) ?? 0);
    }
    const delays = harness.events.flatMap((event) => (event.type === 'reconnecting' ? [event.delayMs] : []));
    // Ceilings 1000, 2000, 4000, 4000; equal jitter at 0.5 gives three quarters of each.
    expect(delays).toEqual([750, 1_500, 3_000, 3_000]);
    harness.controller.abort();
    await running;
  });
});
