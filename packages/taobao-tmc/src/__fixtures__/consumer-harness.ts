/**
 * The setup the WebSocket consumer's unit tests share: each test gets fake timers, a fresh fake server, an
 * event log and an AbortController, and a consumer wired to them with a fixed clock and no jitter.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { TmcConsumer } from '../consumer-shell.js';
import type { TmcConsumerEvent } from '../events.js';
import { createTmcConsumer, type TmcConsumerOptions } from '../websocket-consumer.js';
import { FakeSocketServer } from './fake-websocket.js';

/** What one test works with; {@link useConsumerHarness} gives it fresh parts before every test. */
export class ConsumerHarness {
  server = new FakeSocketServer();
  events: TmcConsumerEvent[] = [];
  controller = new AbortController();

  /** A consumer on the fake server that logs its events, with `options` over the test defaults. */
  consumerWith(options: Partial<TmcConsumerOptions> = {}): TmcConsumer {
    return createTmcConsumer({
      appKey: '4272',
      appSecret: 'secret',
      url: 'ws://127.0.0.1:8787/tmc',
      WebSocket: this.server.WebSocket,
      now: () => 1_700_000_000_000,
      random: () => 0,
      onEvent: (event) => this.events.push(event),
      ...options,
    });
  }

  /** Runs the consumer through an accepted connect; returns the run (in an object: an async function would await it). */
  async connected(consumer: TmcConsumer): Promise<{ stopped: Promise<void> }> {
    const stopped = consumer.run(this.controller.signal);
    await settle();
    this.server.latest.open();
    this.server.latest.acknowledge();
    await settle();
    return { stopped };
  }

  /** Fresh parts for the next test. */
  reset(): void {
    this.server = new FakeSocketServer();
    this.events = [];
    this.controller = new AbortController();
  }
}

/** Lets microtasks and due timers run without moving the clock. */
export const settle = () => vi.advanceTimersByTimeAsync(0);

/** Registers the hooks that give every test in the file fake timers and a fresh {@link ConsumerHarness}. */
export function useConsumerHarness(): ConsumerHarness {
  const harness = new ConsumerHarness();
  beforeEach(() => {
    vi.useFakeTimers();
    harness.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return harness;
}
