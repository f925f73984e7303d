/**
 * All TMC queues of one mock: namespaces (app keys, as for sends, so parallel test workers never see each
 * other's messages) hold groups, groups hold messages. Groups isolate consumers: each group has its own copy
 * of a message and its own delivery state.
 *
 * Routing (a decision: the platform routes by seller, per `taobao.tmc.group.add`, which the mock does not
 * model): a message published without a target group goes to every group the namespace knows — `default`,
 * which always exists, and every group a consumer has opened (by connecting or by `consume`).
 */
import { type GroupQueueOptions, type TmcDelivery, TmcGroupQueue } from './group-queue.js';
import { type TmcMessage, TmcMessageIds, type TmcMessageInput } from './tmc-message.js';
import type { TmcScheduler } from './tmc-scheduler.js';

/** The group every namespace has. */
export const defaultGroupName = 'default';

/** The platform's redelivery interval: about 5 minutes. */
export const defaultRedeliveryIntervalMs = 5 * 60_000;

export interface TmcBrokerOptions {
  /** How long after a push (or a fail) an unconfirmed message comes back. @default 300000 (5 minutes) */
  redeliveryIntervalMs?: number;
  /** Confirmed messages kept per group for inspection. @default 200 */
  confirmedHistory?: number;
  /**
   * Unconfirmed messages held per group; beyond it the oldest is dropped (a mock answering JST load with no
   * consumer stays within ~60 MB a group). @default 100000
   */
  maxPendingPerGroup?: number;
}

export class TmcBroker {
  readonly scheduler: TmcScheduler;
  readonly #options: GroupQueueOptions;
  readonly #ids = new TmcMessageIds();
  readonly #namespaces = new Map<string, Map<string, TmcGroupQueue>>();
  readonly #listeners = new Set<(delivery: TmcDelivery) => void>();

  constructor(scheduler: TmcScheduler, options: TmcBrokerOptions = {}) {
    this.scheduler = scheduler;
    this.#options = {
      redeliveryIntervalMs: bounded(
        'redeliveryIntervalMs',
        options.redeliveryIntervalMs ?? defaultRedeliveryIntervalMs,
        1,
        86_400_000,
      ),
      confirmedHistory: bounded('confirmedHistory', options.confirmedHistory ?? 200, 1, 100_000),
      maxPending: bounded('maxPendingPerGroup', options.maxPendingPerGroup ?? 100_000, 1, 10_000_000),
      changed: (delivery) => {
        for (const listener of this.#listeners) listener(delivery);
      },
    };
  }

  /**
   * Calls `listener` (synchronously) after any delivery of any group changed state; the returned function
   * stops it. What the inbox page's live receipt states are made from.
   */
  subscribe(listener: (delivery: TmcDelivery) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The interval after which unconfirmed and failed messages come back. */
  get redeliveryIntervalMs(): number {
    return this.#options.redeliveryIntervalMs;
  }

  /** A group of a namespace, opened (created empty) when it does not exist yet. */
  group(namespace: string, name: string): TmcGroupQueue {
    const groups = this.#groupsOf(namespace);
    let group = groups.get(name);
    if (group === undefined) {
      group = new TmcGroupQueue(namespace, name, this.scheduler, this.#options);
      groups.set(name, group);
    }
    return group;
  }

  /** A group that exists, or undefined (nothing is created). */
  findGroup(namespace: string, name: string): TmcGroupQueue | undefined {
    return this.#namespaces.get(namespace)?.get(name);
  }

  /**
   * Publishes a message in `namespace`, published by that app key, now. Without `targetGroup` it goes to every
   * group of the namespace (see the module comment); with one, to that group only.
   */
  publish(namespace: string, input: TmcMessageInput, targetGroup?: string): TmcMessage {
    const { id, sequence } = this.#ids.next();
    const message: TmcMessage = {
      id,
      sequence,
      topic: input.topic,
      content: input.content,
      publishedAt: this.scheduler.now(),
      publisher: namespace,
      nick: input.nick ?? '',
      userId: input.userId ?? 0n,
    };
    if (targetGroup !== undefined) this.group(namespace, targetGroup).publish(message);
    else for (const group of this.#groupsOf(namespace).values()) group.publish(message);
    return message;
  }

  /** Publishes `message` a second time (same id) to every group of its publisher's namespace. */
  publishAgain(message: TmcMessage): void {
    for (const group of this.#groupsOf(message.publisher).values()) group.publishAgain(message);
  }

  /** Every group, namespace by namespace (those `namespace` selects when given). */
  *groups(namespace?: string): IterableIterator<TmcGroupQueue> {
    for (const [name, groups] of this.#namespaces) {
      if (namespace !== undefined && name !== namespace) continue;
      yield* groups.values();
    }
  }

  /**
   * Drops the messages of every group (of `namespace` when given); connections stay. Returns how many
   * unconfirmed messages were dropped.
   */
  clear(namespace?: string): number {
    let dropped = 0;
    for (const group of this.groups(namespace)) dropped += group.clear();
    return dropped;
  }

  #groupsOf(namespace: string): Map<string, TmcGroupQueue> {
    let groups = this.#namespaces.get(namespace);
    if (groups === undefined) {
      groups = new Map();
      this.#namespaces.set(namespace, groups);
      groups.set(
        defaultGroupName,
        new TmcGroupQueue(namespace, defaultGroupName, this.scheduler, this.#options),
      );
    }
    return groups;
  }
}

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  return value;
}
