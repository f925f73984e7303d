/**
 * The inbox: accepted messages in a bounded ring buffer, with listeners for anything that wants to follow
 * it live (the inbox page's event stream).
 */
import { BoundedLog } from './bounded-log.js';
import type { PendingMessage, RecordedMessage } from './recorded-message.js';

/** Called once per recorded message, synchronously, after it is stored. Must not throw. */
export type MessageListener = (message: RecordedMessage) => void;

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
   * of the request it came from), so the byte bound holds.
   */
  record(
    pending: PendingMessage,
    answer: { requestId: string; messageId: string; receivedAt: string },
    approximateBytes: number,
  ): RecordedMessage {
    const message: RecordedMessage = {
      id: ++this.#sequence,
      receivedAt: answer.receivedAt,
      requestId: answer.requestId,
      messageId: answer.messageId,
      ...pending,
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
