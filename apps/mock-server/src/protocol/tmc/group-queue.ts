/**
 * The messages of one group in one namespace, and who consumes them. A message is pushed to one attached
 * consumer (round robin) as soon as one is attached, without waiting for a pull; `consume` (HTTP) takes
 * messages out the same way. A pushed message that is neither confirmed nor failed, or a failed one, becomes
 * available again after the redelivery interval. A consumer that goes away gives its unconfirmed messages
 * back at once (the platform's exact timing is not published; a mock that loses nothing on a reconnect is
 * the useful choice).
 */
import { BoundedMap } from '@x/core';
import { BoundedLog } from '../../state/bounded-log.js';
import { DeadlineQueue } from './deadline-queue.js';
import { ReadyList } from './ready-list.js';
import { sequenceOfMessageId, type TmcMessage, type TmcMessageState } from './tmc-message.js';
import type { TmcScheduler } from './tmc-scheduler.js';

/** Something that receives pushed messages: a WebSocket session. */
export interface TmcConsumer {
  /** A label for inspection (the connection id). */
  readonly label: string;
  /** Writes one message out. `attempt` is 1 for the first push, 2 and more for redeliveries. */
  deliver(message: TmcMessage, attempt: number): void;
}

/** One message's delivery to this group. */
export interface TmcDelivery {
  readonly message: TmcMessage;
  state: TmcMessageState;
  /** How many times it was pushed or handed out. */
  attempts: number;
  /** When it was last pushed (epoch ms), or null. */
  lastPushedAt: number | null;
  /** When it was confirmed (epoch ms), or null. */
  confirmedAt: number | null;
  /** The consumer's words when it failed the message. */
  failReason: string | null;
  /** The consumer holding it (null: handed out over HTTP, or not pushed). */
  holder: TmcConsumer | null;
  /** When it becomes available again; −∞ while it waits to be pushed, +∞ once confirmed. */
  dueAt: number;
}

export interface GroupQueueOptions {
  /** How long after a push (or a fail) an unconfirmed message comes back. */
  readonly redeliveryIntervalMs: number;
  /** Confirmed messages kept for inspection. */
  readonly confirmedHistory: number;
  /** Unconfirmed messages held; beyond it the oldest is dropped (and counted). */
  readonly maxPending: number;
  /** Told after a delivery changed state (queued, pushed, confirmed, failed, redelivered, dropped). */
  readonly changed?: ((delivery: TmcDelivery) => void) | undefined;
}

export interface GroupQueueStatistics {
  published: number;
  confirmed: number;
  evicted: number;
}

export class TmcGroupQueue {
  readonly namespace: string;
  readonly name: string;
  readonly #scheduler: TmcScheduler;
  readonly #options: GroupQueueOptions;
  /** Unconfirmed deliveries by message sequence, in publication order. */
  readonly #pending: BoundedMap<number, TmcDelivery>;
  /** Deliveries waiting to be pushed, oldest first (entries settled meanwhile are skipped). */
  readonly #ready = new ReadyList<TmcDelivery>(
    (delivery) => this.#isReady(delivery),
    () => this.#pending.size,
  );
  /** Redelivery deadlines; one whose delivery's `dueAt` changed since (pushed again, confirmed) is skipped. */
  readonly #deadlines: DeadlineQueue<TmcDelivery>;
  readonly #consumers: TmcConsumer[] = [];
  #nextConsumer = 0;
  readonly #confirmed: BoundedLog<TmcDelivery>;
  readonly #statistics: GroupQueueStatistics = { published: 0, confirmed: 0, evicted: 0 };

  constructor(namespace: string, name: string, scheduler: TmcScheduler, options: GroupQueueOptions) {
    this.namespace = namespace;
    this.name = name;
    this.#scheduler = scheduler;
    this.#options = options;
    this.#pending = new BoundedMap(options.maxPending, (_id, evicted) => {
      // It never comes back; marked so, the ready list drops it without a lookup.
      evicted.dueAt = Number.POSITIVE_INFINITY;
      this.#statistics.evicted++;
      this.#options.changed?.(evicted);
    });
    this.#confirmed = new BoundedLog(options.confirmedHistory);
    this.#deadlines = new DeadlineQueue(scheduler, (delivery, at) => this.#redeliverDue(delivery, at));
  }

  /** Queues a message and pushes it when a consumer is attached. */
  publish(message: TmcMessage): void {
    const delivery: TmcDelivery = {
      message,
      state: 'queued',
      attempts: 0,
      lastPushedAt: null,
      confirmedAt: null,
      failReason: null,
      holder: null,
      dueAt: Number.NEGATIVE_INFINITY,
    };
    this.#pending.set(message.sequence, delivery);
    this.#statistics.published++;
    this.#ready.push(delivery);
    this.#options.changed?.(delivery);
    this.#pump();
  }

  /**
   * Sends a message again, as the platform does when a confirm was lost: a confirmed (or unknown) message is
   * queued anew with the same id, an unconfirmed one is made available at once.
   */
  publishAgain(message: TmcMessage): void {
    const delivery = this.#pending.get(message.sequence);
    if (delivery === undefined) {
      this.publish(message);
      return;
    }
    if (delivery.dueAt !== Number.NEGATIVE_INFINITY) this.#makeAvailable(delivery);
    this.#pump();
  }

  /** Starts pushing to `consumer` (messages waiting now are pushed at once). */
  attach(consumer: TmcConsumer): void {
    if (!this.#consumers.includes(consumer)) this.#consumers.push(consumer);
    this.#pump();
  }

  /** Stops pushing to `consumer`; what it held and did not confirm is available again at once. */
  detach(consumer: TmcConsumer): void {
    const index = this.#consumers.indexOf(consumer);
    if (index === -1) return;
    this.#consumers.splice(index, 1);
    for (const delivery of this.#pending.values()) {
      if (delivery.holder !== consumer || delivery.state === 'failed') continue;
      this.#makeAvailable(delivery);
    }
    this.#pump();
  }

  /** Pushes what is waiting (a pull asks for this; pushing never waits for one). */
  pull(): void {
    this.#pump();
  }

  /** Hands out up to `quantity` waiting messages to an HTTP consumer. */
  take(quantity: number): TmcMessage[] {
    const taken: TmcMessage[] = [];
    while (taken.length < quantity) {
      const delivery = this.#ready.next();
      if (delivery === undefined) break;
      this.#markPushed(delivery, null);
      taken.push(delivery.message);
    }
    return taken;
  }

  /** Confirms a message: it never comes back. False when the group holds no such unconfirmed message. */
  confirm(id: bigint): boolean {
    const sequence = sequenceOfMessageId(id);
    const delivery = this.#pending.get(sequence);
    if (delivery === undefined || delivery.state === 'queued') return false;
    this.#pending.delete(sequence);
    delivery.state = 'confirmed';
    delivery.confirmedAt = this.#scheduler.now();
    delivery.holder = null;
    delivery.dueAt = Number.POSITIVE_INFINITY;
    this.#statistics.confirmed++;
    this.#confirmed.push(delivery, 1);
    this.#options.changed?.(delivery);
    return true;
  }

  /** Fails a message: it comes back after the redelivery interval. False when there is no such message. */
  fail(id: bigint, reason: string): boolean {
    const delivery = this.#pending.get(sequenceOfMessageId(id));
    if (delivery === undefined || delivery.state === 'queued') return false;
    delivery.state = 'failed';
    delivery.failReason = reason;
    delivery.holder = null;
    this.#scheduleRedelivery(delivery, this.#scheduler.now() + this.#options.redeliveryIntervalMs);
    this.#options.changed?.(delivery);
    return true;
  }

  /** Attached consumers' labels. */
  consumerLabels(): string[] {
    return this.#consumers.map((consumer) => consumer.label);
  }

  /**
   * Up to `maxPending` unconfirmed messages (publication order), and the confirmed ones kept for inspection
   * (newest first).
   */
  deliveries(maxPending = Number.POSITIVE_INFINITY): {
    pending: readonly TmcDelivery[];
    confirmed: readonly TmcDelivery[];
  } {
    const pending: TmcDelivery[] = [];
    for (const delivery of this.#pending.values()) {
      if (pending.length >= maxPending) break;
      pending.push(delivery);
    }
    return { pending, confirmed: [...this.#confirmed.newestFirst()] };
  }

  /** The delivery of one message: unconfirmed, or confirmed and still kept; undefined otherwise. */
  deliveryOf(id: bigint): TmcDelivery | undefined {
    const pending = this.#pending.get(sequenceOfMessageId(id));
    if (pending !== undefined) return pending;
    for (const delivery of this.#confirmed.newestFirst()) if (delivery.message.id === id) return delivery;
    return undefined;
  }

  /** How many messages are in each state (confirmed: since the start, not only those kept). */
  stateCounts(): Record<TmcMessageState, number> {
    const counts = { queued: 0, pushed: 0, confirmed: this.#statistics.confirmed, failed: 0, redelivered: 0 };
    for (const delivery of this.#pending.values()) counts[delivery.state]++;
    return counts;
  }

  get statistics(): Readonly<GroupQueueStatistics> {
    return this.#statistics;
  }

  /** Drops every message (the consumers stay attached). Returns how many unconfirmed ones were dropped. */
  clear(): number {
    const dropped = this.#pending.size;
    const gone =
      this.#options.changed === undefined
        ? []
        : [...this.#pending.values(), ...this.#confirmed.newestFirst()];
    this.#pending.clear();
    this.#ready.clear();
    this.#deadlines.clear();
    this.#confirmed.clear();
    for (const delivery of gone) this.#options.changed?.(delivery);
    return dropped;
  }

  #pump(): void {
    while (this.#consumers.length > 0) {
      const delivery = this.#ready.next();
      if (delivery === undefined) return;
      const consumer = this.#consumers[this.#nextConsumer++ % this.#consumers.length] as TmcConsumer;
      this.#markPushed(delivery, consumer);
      consumer.deliver(delivery.message, delivery.attempts);
    }
  }

  /** Still unconfirmed, and not pushed again since it was listed. */
  #isReady(delivery: TmcDelivery): boolean {
    return (
      delivery.dueAt === Number.NEGATIVE_INFINITY && this.#pending.get(delivery.message.sequence) === delivery
    );
  }

  #markPushed(delivery: TmcDelivery, holder: TmcConsumer | null): void {
    const now = this.#scheduler.now();
    delivery.attempts++;
    delivery.state = delivery.attempts === 1 ? 'pushed' : 'redelivered';
    delivery.lastPushedAt = now;
    delivery.holder = holder;
    this.#scheduleRedelivery(delivery, now + this.#options.redeliveryIntervalMs);
    this.#options.changed?.(delivery);
  }

  /** Back in the ready list; `dueAt` −∞ marks "available now". */
  #makeAvailable(delivery: TmcDelivery): void {
    delivery.holder = null;
    delivery.dueAt = Number.NEGATIVE_INFINITY;
    this.#ready.push(delivery);
  }

  #scheduleRedelivery(delivery: TmcDelivery, at: number): void {
    delivery.dueAt = at;
    this.#deadlines.add(at, delivery);
  }

  #redeliverDue(delivery: TmcDelivery, at: number): void {
    if (delivery.dueAt !== at || this.#pending.get(delivery.message.sequence) !== delivery) return;
    this.#makeAvailable(delivery);
    // Pushed at once: deadlines due together go out in the order they fell due.
    this.#pump();
  }
}
