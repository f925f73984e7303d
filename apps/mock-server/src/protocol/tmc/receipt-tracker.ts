/**
 * Where each accepted JST send's receipt stands, by namespace and `biz_id` (the send's `module`): not
 * published yet (and when it will be), never (a magic number), or published — with its `state`, `err_code`
 * and its delivery state in every group of the namespace. Listeners hear of every change, synchronously, and
 * every change bumps a version, so that a page that reconnects asks what changed since the version it saw:
 * the inbox page shows these states live. Bounded: the oldest sends are forgotten first.
 */
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

/**
 * The tracker's lookups: by the send's `module`, and by its receipt message's `sequence`. By `module` alone:
 * the mock draws each send's module at random (18 digits), so two namespaces never share one; `status` still
 * checks the app key.
 */
interface TrackerIndexes {
  readonly byModule: Map<string, TrackedReceipt>;
  readonly byMessage: Map<number, TrackedReceipt>;
}

/** One tracked send; `planned` hands it out so that `published` finds it without a lookup. */
export interface TrackedReceipt extends ReceiptKey {
  readonly receiver: string;
  readonly publishAt: number | null;
  readonly errorCode: string;
  message: TmcMessage | null;
  /** The version of its last change. */
  changedAt: number;
  /**
   * Set once the tracker forgot it — past its bound, or the same module planned again (its receipt may still be
   * published).
   */
  forgotten: boolean;
}

export class ReceiptTracker {
  readonly #broker: TmcBroker;
  /**
   * The tracked sends, oldest first from `#oldest`, in a ring of `capacity`: a new send overwrites the oldest.
   * Entries are looked up (by module, by message) only once someone has asked — see `#indexes`.
   */
  readonly #ring: (TrackedReceipt | undefined)[];
  #oldest = 0;
  #count = 0;
  /**
   * The lookups the inbox page needs, built the first time it asks (a status, the version, a subscription) and
   * kept up to date from then on. Until then every send is one array write: a mock under load that nobody
   * watches pays no Map operation per receipt. Delivery changes before that moment are not counted as
   * changes: no page holds a version from before it.
   */
  #indexes: TrackerIndexes | undefined;
  readonly #listeners = new Set<(change: ReceiptChange) => void>();
  #version = 0;

  /** `capacity`: the sends tracked at most (the oldest are forgotten first). */
  constructor(broker: TmcBroker, capacity = defaultTrackedReceipts) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.#broker = broker;
    this.#ring = new Array<TrackedReceipt | undefined>(capacity).fill(undefined);
    broker.subscribe((delivery: TmcDelivery) => {
      const tracked = this.#indexes?.byMessage.get(delivery.message.sequence);
      if (tracked !== undefined) this.#notify(tracked);
    });
  }

  /** Bumped by every change of a tracked receipt (a page's "seen up to"). */
  get version(): number {
    this.#observed();
    return this.#version;
  }

  /**
   * The sends whose receipt changed after `version`, oldest change first; undefined when more than `limit`
   * did (the caller reloads everything instead).
   */
  changedSince(version: number, limit: number): ReceiptChange[] | undefined {
    this.#observed();
    if (version >= this.#version) return [];
    const changed: TrackedReceipt[] = [];
    for (const tracked of this.#tracked()) {
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
    const capacity = this.#ring.length;
    const slot = (this.#oldest + this.#count) % capacity;
    if (this.#count === capacity) {
      this.#forget(this.#ring[slot] as TrackedReceipt);
      this.#oldest = (this.#oldest + 1) % capacity;
    } else {
      this.#count++;
    }
    this.#ring[slot] = tracked;
    if (this.#indexes !== undefined) this.#index(this.#indexes, tracked);
    this.#notify(tracked);
    return tracked;
  }

  /** The receipt `planned` returned `tracked` for was published as `message`. */
  published(tracked: TrackedReceipt, message: TmcMessage): void {
    if (tracked.forgotten) return;
    tracked.message = message;
    this.#indexes?.byMessage.set(message.sequence, tracked);
    this.#notify(tracked);
  }

  /** Where a send's receipt stands; undefined for a send not tracked (not a JST send, or long forgotten). */
  status(key: ReceiptKey): SmsReceiptStatus | undefined {
    const tracked = this.#observed().byModule.get(key.module);
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
    this.#observed();
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Tracked sends, oldest first (a send planned again is listed once, at its latest place). */
  *#tracked(): IterableIterator<TrackedReceipt> {
    const capacity = this.#ring.length;
    for (let index = 0; index < this.#count; index++) {
      const tracked = this.#ring[(this.#oldest + index) % capacity] as TrackedReceipt;
      if (!tracked.forgotten) yield tracked;
    }
  }

  /** The lookups, built from the ring the first time they are needed. */
  #observed(): TrackerIndexes {
    if (this.#indexes === undefined) {
      const indexes: TrackerIndexes = { byModule: new Map(), byMessage: new Map() };
      for (const tracked of this.#tracked()) this.#index(indexes, tracked);
      this.#indexes = indexes;
    }
    return this.#indexes;
  }

  #index(indexes: TrackerIndexes, tracked: TrackedReceipt): void {
    if (tracked.forgotten) return;
    const previous = indexes.byModule.get(tracked.module);
    // The same module planned again (the random draw repeated, or a test reused one): the latest counts. Forgotten
    // in `indexes` itself: while they are being built, `#indexes` is not set yet.
    if (previous !== undefined) {
      previous.forgotten = true;
      if (previous.message !== null) indexes.byMessage.delete(previous.message.sequence);
    }
    indexes.byModule.set(tracked.module, tracked);
    if (tracked.message !== null) indexes.byMessage.set(tracked.message.sequence, tracked);
  }

  #forget(tracked: TrackedReceipt): void {
    if (tracked.forgotten) return;
    tracked.forgotten = true;
    const indexes = this.#indexes;
    if (indexes === undefined) return;
    if (indexes.byModule.get(tracked.module) === tracked) indexes.byModule.delete(tracked.module);
    if (tracked.message !== null) indexes.byMessage.delete(tracked.message.sequence);
  }

  #notify(tracked: TrackedReceipt): void {
    this.#version++;
    tracked.changedAt = this.#version;
    if (this.#listeners.size === 0) return;
    const change: ReceiptChange = { appKey: tracked.appKey, module: tracked.module, version: this.#version };
    for (const listener of this.#listeners) listener(change);
  }
}
