/**
 * Where each accepted JST send's receipt stands, by namespace and `biz_id` (the send's `module`): not
 * published yet (and when it will be), never (a magic number), or published — with its `state`, `err_code`
 * and its delivery state in every group of the namespace. Listeners hear of every change, synchronously, and
 * every change bumps a version, so that a page that reconnects asks what changed since the version it saw:
 * the inbox page shows these states live. Bounded: the oldest sends are forgotten first.
 */
import { BoundedMap } from '@x/core';
import type { TmcDelivery } from './group-queue.js';
import type { TmcBroker } from './tmc-broker.js';
import type { TmcMessage, TmcMessageState } from './tmc-message.js';

/**
 * Sends whose receipt is tracked by default; beyond it the oldest is forgotten. The mock passes its inbox size:
 * the tracker serves the inbox page, which shows only the messages the inbox still keeps, so tracking more would
 * cost memory and time for states nobody can see.
 */
export const defaultTrackedReceipts = 10_000;

/** Which send a receipt belongs to. */
export interface ReceiptKey {
  /** The namespace (app key) that sent it. */
  readonly appKey: string;
  /** The send's `module`: the receipt's `biz_id`. */
  readonly module: string;
}

/** A change of one send's receipt: which send, and the version the change made. */
export interface ReceiptChange extends ReceiptKey {
  readonly version: number;
}

/** The receipt message in one group. */
export interface ReceiptDeliveryStatus {
  readonly group: string;
  readonly state: TmcMessageState;
  /** Pushes (or hand-outs) so far. */
  readonly attempts: number;
}

/** Where one send's receipt stands. */
export type SmsReceiptStatus =
  | { readonly phase: 'due'; readonly publishAt: number }
  | { readonly phase: 'never' }
  | {
      readonly phase: 'published';
      readonly messageId: bigint;
      /** The receipt's `state`: 1 delivered, 2 failed. */
      readonly state: '1' | '2';
      readonly errorCode: string;
      /** The receipt's `receiver`: a phone number (mask it where it is shown). */
      readonly receiver: string;
      readonly publishedAt: number;
      /** One per group that still holds the message (none once the queues were cleared). */
      readonly deliveries: readonly ReceiptDeliveryStatus[];
    };

/** One tracked send; `planned` hands it out so that `published` finds it without a lookup. */
export interface TrackedReceipt extends ReceiptKey {
  readonly receiver: string;
  readonly publishAt: number | null;
  readonly errorCode: string;
  message: TmcMessage | null;
  /** The version of its last change. */
  changedAt: number;
  /** Set once the bound made the tracker forget it (its receipt may still be published). */
  forgotten: boolean;
}

export class ReceiptTracker {
  readonly #broker: TmcBroker;
  /** Published receipts by message sequence (see `TmcMessage.sequence`), for the broker's delivery changes. */
  readonly #byMessage = new Map<number, TrackedReceipt>();
  /**
   * By `module` alone: the mock draws each send's module at random (18 digits), so two namespaces never share
   * one, and a key made of both would be a new string to build and hash on every send. `status` still checks
   * the app key.
   */
  readonly #tracked: BoundedMap<string, TrackedReceipt>;
  readonly #listeners = new Set<(change: ReceiptChange) => void>();
  #version = 0;

  /** `capacity`: the sends tracked at most (the oldest are forgotten first). */
  constructor(broker: TmcBroker, capacity = defaultTrackedReceipts) {
    this.#broker = broker;
    this.#tracked = new BoundedMap(capacity, (_module, forgotten) => this.#forget(forgotten));
    broker.subscribe((delivery: TmcDelivery) => {
      const tracked = this.#byMessage.get(delivery.message.sequence);
      if (tracked !== undefined) this.#notify(tracked);
    });
  }

  /** Bumped by every change of a tracked receipt (a page's "seen up to"). */
  get version(): number {
    return this.#version;
  }

  /**
   * The sends whose receipt changed after `version`, oldest change first; undefined when more than `limit`
   * did (the caller reloads everything instead).
   */
  changedSince(version: number, limit: number): ReceiptChange[] | undefined {
    if (version >= this.#version) return [];
    const changed: TrackedReceipt[] = [];
    for (const tracked of this.#tracked.values()) {
      if (tracked.changedAt <= version) continue;
      if (changed.length >= limit) return undefined;
      changed.push(tracked);
    }
    return changed
      .sort((left, right) => left.changedAt - right.changedAt)
      .map(({ appKey, module, changedAt }) => ({ appKey, module, version: changedAt }));
  }

  /**
   * A send's receipt was scheduled (`publishAt` null: it never comes). Returns the send's entry, for
   * `published`.
   */
  planned(key: ReceiptKey, receiver: string, publishAt: number | null, errorCode: string): TrackedReceipt {
    const previous = this.#tracked.get(key.module);
    if (previous !== undefined) {
      // Deleted first so that a send planned again goes last in the order of forgetting.
      this.#tracked.delete(key.module);
      this.#forget(previous);
    }
    const tracked: TrackedReceipt = {
      appKey: key.appKey,
      module: key.module,
      receiver,
      publishAt,
      errorCode,
      message: null,
      changedAt: 0,
      forgotten: false,
    };
    this.#tracked.set(key.module, tracked);
    this.#notify(tracked);
    return tracked;
  }

  /** The receipt `planned` returned `tracked` for was published as `message`. */
  published(tracked: TrackedReceipt, message: TmcMessage): void {
    if (tracked.forgotten) return;
    tracked.message = message;
    this.#byMessage.set(message.sequence, tracked);
    this.#notify(tracked);
  }

  /** Where a send's receipt stands; undefined for a send not tracked (not a JST send, or long forgotten). */
  status(key: ReceiptKey): SmsReceiptStatus | undefined {
    const tracked = this.#tracked.get(key.module);
    if (tracked === undefined || tracked.appKey !== key.appKey) return undefined;
    const { message } = tracked;
    if (message === null) {
      return tracked.publishAt === null ? { phase: 'never' } : { phase: 'due', publishAt: tracked.publishAt };
    }
    const deliveries: ReceiptDeliveryStatus[] = [];
    for (const group of this.#broker.groups(tracked.appKey)) {
      const delivery = group.deliveryOf(message.id);
      if (delivery !== undefined)
        deliveries.push({ group: group.name, state: delivery.state, attempts: delivery.attempts });
    }
    return {
      phase: 'published',
      messageId: message.id,
      state: tracked.errorCode === 'DELIVRD' ? '1' : '2',
      errorCode: tracked.errorCode,
      receiver: tracked.receiver,
      publishedAt: message.publishedAt,
      deliveries,
    };
  }

  /** Calls `listener` after any tracked receipt changed; the returned function stops it. */
  subscribe(listener: (change: ReceiptChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #forget(tracked: TrackedReceipt): void {
    tracked.forgotten = true;
    if (tracked.message !== null) this.#byMessage.delete(tracked.message.sequence);
  }

  #notify(tracked: TrackedReceipt): void {
    this.#version++;
    tracked.changedAt = this.#version;
    if (this.#listeners.size === 0) return;
    const change: ReceiptChange = { appKey: tracked.appKey, module: tracked.module, version: this.#version };
    for (const listener of this.#listeners) listener(change);
  }
}
