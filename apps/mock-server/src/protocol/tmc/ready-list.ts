/**
 * A group's deliveries waiting to be pushed, oldest first. Entries that can no longer be pushed (evicted,
 * confirmed, pushed again) are not searched for and removed: they stay until their turn and are skipped then.
 * At the head they are dropped as new ones come — with no consumer attached, each publication beyond the
 * group's bound evicts the oldest message, the one at the head, so the list stays as long as the messages
 * held. Anywhere else they are swept once they outnumber the live entries.
 */

/** What the list holds: `dueAt` is −∞ while an item waits to be pushed (a group's `TmcDelivery`). */
interface Listable {
  readonly dueAt: number;
}

export class ReadyList<Item extends Listable> {
  /** Whether a listed delivery can still be pushed (the group checks it is still its own). */
  readonly #isReady: (delivery: Item) => boolean;
  /** How many deliveries the group holds: the list is swept when it grows past twice that. */
  readonly #held: () => number;
  #entries: Item[] = [];
  #head = 0;

  constructor(isReady: (delivery: Item) => boolean, held: () => number) {
    this.#isReady = isReady;
    this.#held = held;
  }

  push(delivery: Item): void {
    const entries = this.#entries;
    // `dueAt` is −∞ only while a delivery waits to be pushed: anything else at the head is stale.
    while (this.#head < entries.length && (entries[this.#head] as Item).dueAt !== Number.NEGATIVE_INFINITY)
      this.#head++;
    this.#dropConsumedFront();
    this.#entries.push(delivery);
    if (this.#entries.length - this.#head > 2 * this.#held() + 64) this.#sweep();
  }

  /** The oldest delivery that can still be pushed, taken off the list; undefined when there is none. */
  next(): Item | undefined {
    while (this.#head < this.#entries.length) {
      const delivery = this.#entries[this.#head++] as Item;
      this.#dropConsumedFront();
      if (this.#isReady(delivery)) return delivery;
    }
    return undefined;
  }

  clear(): void {
    this.#entries = [];
    this.#head = 0;
  }

  /** Keeps only the live entries, each once. */
  #sweep(): void {
    const listed = new Set<Item>();
    this.#entries = this.#entries.slice(this.#head).filter((candidate) => {
      if (listed.has(candidate) || !this.#isReady(candidate)) return false;
      listed.add(candidate);
      return true;
    });
    this.#head = 0;
  }

  /** Frees the part of the list already gone through, once it is most of the list. */
  #dropConsumedFront(): void {
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
  }
}
