/**
 * The inbox: accepted messages in a bounded ring buffer, with listeners for anything that wants to follow
 * it live (the inbox page's event stream).
 */
import { BoundedLog } from './bounded-log.js';
import { nestingLimitedMessage } from './nesting-limited-message.js';
import type { PendingMessage, RecordedMessage } from './recorded-message.js';

/** Called once per recorded message, synchronously, after it is stored. Must not throw. */
export type MessageListener = (message: RecordedMessage) => void;

/** How many messages the inbox holds, has recorded, and has dropped to stay within its bounds. */
export interface InboxStatistics {
  /** Messages held now. */
  stored: number;
  /** Messages recorded since start. */
  recorded: number;
  /** Messages dropped to stay within the bounds. */
  evicted: number;
}

export class MessageInbox {
  readonly #log: BoundedLog<RecordedMessage>;
  readonly #listeners = new Set<MessageListener>();
  #sequence = 0;

  constructor(capacity: number, maxBytes: number) {
    this.#log = new BoundedLog(capacity, maxBytes);
  }

  /**
   * Stores one answered message. `approximateBytes` is what it holds in memory (the caller knows the size
   * of the request it came from), so the byte bound holds. `receivedAt` is in epoch milliseconds; it is
   * formatted here, where formatting is cached per second.
   */
  record(
    pending: PendingMessage,
    answer: { requestId: string; messageId: string; receivedAt: number },
    approximateBytes: number,
  ): RecordedMessage {
    const message: RecordedMessage = {
      id: ++this.#sequence,
      receivedAt: isoInstant(answer.receivedAt),
      requestId: answer.requestId,
      messageId: answer.messageId,
      ...nestingLimitedMessage(pending),
    };
    this.#log.push(message, approximateBytes);
    for (const listener of this.#listeners) listener(message);
    return message;
  }

  /** Newest first. */
  newestFirst(): IterableIterator<RecordedMessage> {
    return this.#log.newestFirst();
  }

  /** Removes every message, or only those `predicate` selects. Returns how many were removed. */
  clear(predicate?: (message: RecordedMessage) => boolean): number {
    return this.#log.clear(predicate);
  }

  /** Follows new messages; returns the function that stops following. */
  subscribe(listener: MessageListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get statistics(): InboxStatistics {
    return { stored: this.#log.size, recorded: this.#sequence, evicted: this.#log.evicted };
  }
}

/** The second whose ISO 8601 text (up to the dot) was formatted last: most messages share it with the previous. */
let cachedSecond = Number.NaN;
let cachedPrefix = '';

/** `new Date(milliseconds).toISOString()`, formatting the date and time once per second. */
export function isoInstant(milliseconds: number): string {
  // Out of a Date's range (or not a number): let Date say so, as always.
  if (!(Math.abs(milliseconds) <= 8.64e15)) return new Date(milliseconds).toISOString();
  const time = Math.trunc(milliseconds); // what a Date keeps of a fraction
  const second = Math.floor(time / 1000);
  if (second !== cachedSecond) {
    const text = new Date(second * 1000).toISOString(); // throws a RangeError for an invalid time, as always
    cachedPrefix = text.slice(0, -4); // without "000Z"
    cachedSecond = second;
  }
  const millis = time - second * 1000;
  return `${cachedPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
