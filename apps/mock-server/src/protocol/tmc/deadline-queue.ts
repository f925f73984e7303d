/**
 * Items due at instants on the mock's clock, with one timer for the whole queue (armed for the earliest):
 * a mock that answers thousands of sends a second schedules their receipts and redeliveries without a timer
 * each. Most deadlines are "now + a fixed delay", so they arrive in time order and an add is a push.
 * Instants and items are kept in two parallel arrays rather than as one object per entry: every accepted
 * send adds one, and an object that waits a second is one more for the garbage collector to promote.
 */
import type { TmcScheduler } from './tmc-scheduler.js';

export class DeadlineQueue<Item> {
  readonly #scheduler: TmcScheduler;
  readonly #onDue: (item: Item, at: number) => void;
  /** The instants, ascending from `#head` on; `#items[i]` is due at `#instants[i]`. */
  #instants: number[] = [];
  #items: (Item | undefined)[] = [];
  #head = 0;
  #cancelTimer: (() => void) | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  /** While due items run: what they add is armed once they are done. */
  #running = false;

  /** `onDue` runs for each item once the clock reaches its instant, in time order (then in order added). */
  constructor(scheduler: TmcScheduler, onDue: (item: Item, at: number) => void) {
    this.#scheduler = scheduler;
    this.#onDue = onDue;
  }

  /** Items waiting. */
  get size(): number {
    return this.#instants.length - this.#head;
  }

  add(at: number, item: Item): void {
    const instants = this.#instants;
    let index = instants.length;
    while (index > this.#head && (instants[index - 1] as number) > at) index--;
    if (index === instants.length) {
      instants.push(at);
      this.#items.push(item);
    } else {
      instants.splice(index, 0, at);
      this.#items.splice(index, 0, item);
    }
    this.#arm();
  }

  /** Forgets every item. */
  clear(): void {
    this.#instants = [];
    this.#items = [];
    this.#head = 0;
    this.#disarm();
  }

  #arm(): void {
    if (this.#running) return;
    if (this.#head >= this.#instants.length) return;
    const headAt = this.#instants[this.#head] as number;
    if (headAt >= this.#timerAt) return;
    this.#disarm();
    this.#timerAt = headAt;
    // The mock's clock may run a task already due at once, inside `schedule`: arm first, then schedule.
    let fired = false;
    const cancel = this.#scheduler.schedule(headAt, () => {
      fired = true;
      this.#runDue();
    });
    if (!fired) this.#cancelTimer = cancel;
  }

  #disarm(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  #runDue(): void {
    this.#cancelTimer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = this.#scheduler.now();
    this.#running = true;
    try {
      while (this.#head < this.#instants.length) {
        const at = this.#instants[this.#head] as number;
        if (at > now) break;
        const item = this.#items[this.#head] as Item;
        // Released at once: a consumed item must not stay reachable until the next compaction.
        this.#items[this.#head] = undefined;
        this.#head++;
        this.#onDue(item, at);
      }
    } finally {
      this.#running = false;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#instants.length) {
      this.#instants = this.#instants.slice(this.#head);
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    this.#arm();
  }
}
