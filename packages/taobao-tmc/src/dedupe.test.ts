import { describe, expect, it, vi } from 'vitest';
import { createMessageIdWindow, dedupe } from './dedupe.js';
import type { TmcMessage } from './message.js';

const message = (id: string): TmcMessage => ({ id, topic: 't', content: '{}' });

describe('createMessageIdWindow', () => {
  it('remembers at most capacity ids, forgetting the oldest first', () => {
    const window = createMessageIdWindow(3);
    for (const id of ['1', '2', '3', '2', '4']) window.add(id);
    expect(window.size).toBe(3);
    expect(['1', '2', '3', '4'].map((id) => window.has(id))).toEqual([false, true, true, true]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createMessageIdWindow(0)).toThrow(RangeError);
    expect(() => createMessageIdWindow(1.5)).toThrow(RangeError);
  });
});

describe('dedupe', () => {
  it('skips ids already handled, and handles again an id whose handler failed', async () => {
    const calls: string[] = [];
    let failNext = true;
    const handler = dedupe(async (received: TmcMessage) => {
      calls.push(received.id);
      if (received.id === 'b' && failNext) {
        failNext = false;
        throw new Error('try again later');
      }
    });
    await handler(message('a'));
    await handler(message('a'));
    await expect(handler(message('b'))).rejects.toThrow('try again later');
    await handler(message('b'));
    await handler(message('b'));
    expect(calls).toEqual(['a', 'b', 'b']);
  });

  it('handles an id again once it has left the window', async () => {
    const handler = vi.fn();
    const deduped = dedupe(handler, createMessageIdWindow(1));
    for (const id of ['a', 'b', 'a']) await deduped(message(id));
    expect(handler).toHaveBeenCalledTimes(3);
  });
});
