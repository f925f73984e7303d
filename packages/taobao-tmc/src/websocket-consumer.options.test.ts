/**
 * The WebSocket consumer refusing malformed options, naming the field without echoing the secret, and a
 * second handler for one topic.
 */
import { describe, expect, it } from 'vitest';
import { useConsumerHarness } from './__fixtures__/consumer-harness.js';
import type { TmcConsumerOptions } from './websocket-consumer.js';

const harness = useConsumerHarness();

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
      harness.consumerWith({ appSecret: 'very-secret-value', ...override });
      expect.unreachable('expected a ValidationError');
    } catch (error) {
      expect(error).toMatchObject({ name: 'ValidationError', field });
      expect(String((error as Error).message)).not.toContain('very-secret-value');
    }
  });

  it('refuses a second handler for a topic', () => {
    const consumer = harness.consumerWith().on('t', () => {});
    expect(() => consumer.on('t', () => {})).toThrow(expect.objectContaining({ field: 'topic' }));
  });
});
