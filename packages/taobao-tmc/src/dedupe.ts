import { BoundedMap } from '@x/core';
import type { TmcMessage } from './message.js';

/** Remembers the most recent message ids, up to a bound. */
export interface MessageIdWindow {
  /** Whether `id` is in the window. */
  has(id: string): boolean;
  /** Adds `id`, evicting the oldest id when the window is full. */
  add(id: string): void;
  /** How many ids the window holds. */
  readonly size: number;
}

/** The default number of ids a dedupe window remembers. */
export const defaultDedupeWindow = 10_000;

/**
 * A bounded window of message ids, oldest evicted first. Memory stays at `capacity` ids however many
 * messages pass.
 *
 * @throws {RangeError} when `capacity` is not a positive integer.
 */
export function createMessageIdWindow(capacity: number = defaultDedupeWindow): MessageIdWindow {
  if (!Number.isSafeInteger(capacity) || capacity < 1)
    throw new RangeError('capacity must be a positive integer');
  // Forgets the oldest id in constant time (a Set's first entry is not: see BoundedMap).
  const ids = new BoundedMap<string, true>(capacity);
  return {
    has: (id) => ids.has(id),
    add(id) {
      ids.set(id, true);
    },
    get size() {
      return ids.size;
    },
  };
}

/**
 * Wraps a handler so that a message id it already handled successfully is not handled again (TMC
 * redelivers, and a confirm can be lost with its connection). The duplicate is confirmed without calling the
 * handler. An id is remembered only after the handler succeeds, so a failed message is handled again when
 * it comes back.
 */
export function dedupe<Message extends TmcMessage>(
  handler: (message: Message) => unknown,
  window: MessageIdWindow = createMessageIdWindow(),
): (message: Message) => Promise<void> {
  return async (message) => {
    if (window.has(message.id)) return;
    await handler(message);
    window.add(message.id);
  };
}
