/**
 * Items due at instants on the mock's clock, with one timer for the whole queue (armed for the earliest):
 * a mock that answers thousands of sends a second schedules their receipts and redeliveries without a timer
 * each. Most deadlines are "now + a fixed delay", so they arrive in time order and an add is a push.
 */
import type { TmcScheduler } from './tmc-scheduler.js';

interface Entry<Item> {
  readonly at: number;
  readonly item: Item;
}

export class DeadlineQueue<Item> {
  readonly #scheduler: TmcScheduler;
  readonly #onDue: (item: Item, at: number) => void;
  #entries: Entry<Item>[] = [];
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
    return this.#entries.length - this.#head;
  }

  add(at: number, item: Item): void {
    const entries = this.#entries;
    let index = entries.length;
    while (index > this.#head && (entries[index - 1] as Entry<Item>).at > at) index--;
    if (index === entries.length) entries.push({ at, item });
    else entries.splice(index, 0, { at, item });
    this.#arm();
  }

  /** Forgets every item. */
  clear(): void {
    this.#entries = [];
    this.#head = 0;
    this.#disarm();
  }

  #arm(): void {
    if (this.#running) return;
    const head = this.#entries[this.#head];
    if (head === undefined || head.at >= this.#timerAt) return;
    this.#disarm();
    this.#timerAt = head.at;
    // The mock's clock may run a task already due at once, inside `schedule`: arm first, then schedule.
    let fired = false;
    const cancel = this.#scheduler.schedule(head.at, () => {
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
      for (;;) {
        const head = this.#entries[this.#head];
        if (head === undefined || head.at > now) break;
        this.#head++;
        this.#onDue(head.item, head.at);
      }
    } finally {
      this.#running = false;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    this.#arm();
  }
}
