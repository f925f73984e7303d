/**
 * The messages of one group in one namespace, and who consumes them. A message is pushed to one attached
 * consumer (round robin) as soon as one is attached, without waiting for a pull; `consume` (HTTP) takes
 * messages out the same way. A pushed message that is neither confirmed nor failed, or a failed one, becomes
 * available again after the redelivery interval. A consumer that goes away gives its unconfirmed messages
 * back at once (the platform's exact timing is not published; a mock that loses nothing on a reconnect is
 * the useful choice).
 */
import { BoundedLog } from '../../state/bounded-log.js';
import type { TmcMessage, TmcMessageState } from './tmc-message.js';
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
  /** Unconfirmed deliveries by message id, in publication order. */
  readonly #pending = new Map<bigint, TmcDelivery>();
  /** Deliveries waiting to be pushed, oldest first (entries settled meanwhile are skipped). */
  #ready: TmcDelivery[] = [];
  #readyHead = 0;
  /** Redelivery deadlines in time order; an entry whose `dueAt` changed since is skipped. */
  readonly #deadlines: { at: number; delivery: TmcDelivery }[] = [];
  #cancelDeadlineTask: (() => void) | undefined;
  #deadlineTaskAt = Number.POSITIVE_INFINITY;
  readonly #consumers: TmcConsumer[] = [];
  #nextConsumer = 0;
  readonly #confirmed: BoundedLog<TmcDelivery>;
  readonly #statistics: GroupQueueStatistics = { published: 0, confirmed: 0, evicted: 0 };

  constructor(namespace: string, name: string, scheduler: TmcScheduler, options: GroupQueueOptions) {
    this.namespace = namespace;
    this.name = name;
    this.#scheduler = scheduler;
    this.#options = options;
    this.#confirmed = new BoundedLog(options.confirmedHistory);
  }

  /** Queues a message and pushes it when a consumer is attached. */
  publish(message: TmcMessage): void {
    if (this.#pending.size >= this.#options.maxPending) this.#evictOldest();
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
    this.#pending.set(message.id, delivery);
    this.#statistics.published++;
    this.#ready.push(delivery);
    this.#pump();
  }

  /**
   * Sends a message again, as the platform does when a confirm was lost: a confirmed (or unknown) message is
   * queued anew with the same id, an unconfirmed one is made available at once.
   */
  publishAgain(message: TmcMessage): void {
    const delivery = this.#pending.get(message.id);
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
      const delivery = this.#nextReady();
      if (delivery === undefined) break;
      this.#markPushed(delivery, null);
      taken.push(delivery.message);
    }
    return taken;
  }

  /** Confirms a message: it never comes back. False when the group holds no such unconfirmed message. */
  confirm(id: bigint): boolean {
    const delivery = this.#pending.get(id);
    if (delivery === undefined || delivery.state === 'queued') return false;
    this.#pending.delete(id);
    delivery.state = 'confirmed';
    delivery.confirmedAt = this.#scheduler.now();
    delivery.holder = null;
    delivery.dueAt = Number.POSITIVE_INFINITY;
    this.#statistics.confirmed++;
    this.#confirmed.push(delivery, 1);
    return true;
  }

  /** Fails a message: it comes back after the redelivery interval. False when there is no such message. */
  fail(id: bigint, reason: string): boolean {
    const delivery = this.#pending.get(id);
    if (delivery === undefined || delivery.state === 'queued') return false;
    delivery.state = 'failed';
    delivery.failReason = reason;
    delivery.holder = null;
    this.#scheduleRedelivery(delivery, this.#scheduler.now() + this.#options.redeliveryIntervalMs);
    return true;
  }

  /** Attached consumers' labels. */
  consumerLabels(): string[] {
    return this.#consumers.map((consumer) => consumer.label);
  }

  /** Unconfirmed messages (publication order), and the confirmed ones kept for inspection (newest first). */
  deliveries(): { pending: readonly TmcDelivery[]; confirmed: readonly TmcDelivery[] } {
    return { pending: [...this.#pending.values()], confirmed: [...this.#confirmed.newestFirst()] };
  }

  get statistics(): Readonly<GroupQueueStatistics> {
    return this.#statistics;
  }

  /** Drops every message (the consumers stay attached). */
  clear(): void {
    this.#pending.clear();
    this.#ready = [];
    this.#readyHead = 0;
    this.#deadlines.length = 0;
    this.#cancelDeadlineTask?.();
    this.#cancelDeadlineTask = undefined;
    this.#deadlineTaskAt = Number.POSITIVE_INFINITY;
    this.#confirmed.clear();
  }

  #pump(): void {
    while (this.#consumers.length > 0) {
      const delivery = this.#nextReady();
      if (delivery === undefined) return;
      const consumer = this.#consumers[this.#nextConsumer++ % this.#consumers.length] as TmcConsumer;
      this.#markPushed(delivery, consumer);
      consumer.deliver(delivery.message, delivery.attempts);
    }
  }

  #nextReady(): TmcDelivery | undefined {
    while (this.#readyHead < this.#ready.length) {
      const delivery = this.#ready[this.#readyHead++] as TmcDelivery;
      if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
        this.#ready = this.#ready.slice(this.#readyHead);
        this.#readyHead = 0;
      }
      // Still unconfirmed, and not pushed again since it was listed.
      if (delivery.dueAt === Number.NEGATIVE_INFINITY && this.#pending.get(delivery.message.id) === delivery)
        return delivery;
    }
    return undefined;
  }

  #markPushed(delivery: TmcDelivery, holder: TmcConsumer | null): void {
    const now = this.#scheduler.now();
    delivery.attempts++;
    delivery.state = delivery.attempts === 1 ? 'pushed' : 'redelivered';
    delivery.lastPushedAt = now;
    delivery.holder = holder;
    this.#scheduleRedelivery(delivery, now + this.#options.redeliveryIntervalMs);
  }

  /** Back in the ready list; `dueAt` −∞ marks "available now". */
  #makeAvailable(delivery: TmcDelivery): void {
    delivery.holder = null;
    delivery.dueAt = Number.NEGATIVE_INFINITY;
    this.#ready.push(delivery);
  }

  #scheduleRedelivery(delivery: TmcDelivery, at: number): void {
    delivery.dueAt = at;
    const deadlines = this.#deadlines;
    // The interval is the same for every message, so new deadlines almost always go last.
    let index = deadlines.length;
    while (index > 0 && (deadlines[index - 1] as { at: number }).at > at) index--;
    deadlines.splice(index, 0, { at, delivery });
    this.#armDeadlineTask();
  }

  #armDeadlineTask(): void {
    const head = this.#deadlines[0];
    if (head === undefined || head.at >= this.#deadlineTaskAt) return;
    this.#cancelDeadlineTask?.();
    this.#deadlineTaskAt = head.at;
    this.#cancelDeadlineTask = this.#scheduler.schedule(head.at, () => this.#redeliverDue());
  }

  #redeliverDue(): void {
    this.#cancelDeadlineTask = undefined;
    this.#deadlineTaskAt = Number.POSITIVE_INFINITY;
    const now = this.#scheduler.now();
    let due = 0;
    while (due < this.#deadlines.length && (this.#deadlines[due] as { at: number }).at <= now) {
      const { at, delivery } = this.#deadlines[due] as { at: number; delivery: TmcDelivery };
      due++;
      if (delivery.dueAt !== at || this.#pending.get(delivery.message.id) !== delivery) continue;
      this.#makeAvailable(delivery);
    }
    this.#deadlines.splice(0, due);
    this.#armDeadlineTask();
    this.#pump();
  }

  #evictOldest(): void {
    const oldest = this.#pending.keys().next();
    if (oldest.done === true) return;
    this.#pending.delete(oldest.value);
    this.#statistics.evicted++;
  }
}
