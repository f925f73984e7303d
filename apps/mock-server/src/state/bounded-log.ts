/**
 * A ring buffer bounded twice: by entry count and by an estimate of the bytes its entries hold. The count
 * alone would let a handful of 1 MB requests pin a gigabyte; the byte budget keeps memory flat under any
 * load, the count keeps listing cheap. Oldest entries are evicted first.
 */
export class BoundedLog<Entry> {
  readonly #entries: (Entry | undefined)[];
  readonly #weights: number[];
  readonly #capacity: number;
  readonly #maxWeight: number;
  #head = 0;
  #size = 0;
  #weight = 0;
  #evicted = 0;

  constructor(capacity: number, maxWeight = Number.POSITIVE_INFINITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.#capacity = capacity;
    this.#maxWeight = maxWeight;
    this.#entries = new Array(capacity);
    this.#weights = new Array(capacity).fill(0);
  }

  /** Entries currently held. */
  get size(): number {
    return this.#size;
  }

  /** Entries dropped to stay within the bounds since creation (cleared entries are not counted). */
  get evicted(): number {
    return this.#evicted;
  }

  /** Appends an entry, evicting the oldest ones while a bound would be exceeded. */
  push(entry: Entry, weight = 0): void {
    while (this.#size > 0 && (this.#size === this.#capacity || this.#weight + weight > this.#maxWeight)) {
      this.#dropOldest();
      this.#evicted++;
    }
    const index = (this.#head + this.#size) % this.#capacity;
    this.#entries[index] = entry;
    this.#weights[index] = weight;
    this.#weight += weight;
    this.#size++;
  }

  /** Newest first. */
  *newestFirst(): IterableIterator<Entry> {
    for (let offset = this.#size - 1; offset >= 0; offset--) {
      yield this.#entries[(this.#head + offset) % this.#capacity] as Entry;
    }
  }

  /** Removes every entry, or only those `predicate` selects; the order of the rest is kept. */
  clear(predicate?: (entry: Entry) => boolean): number {
    if (predicate === undefined) {
      const removed = this.#size;
      this.#entries.fill(undefined);
      this.#weights.fill(0);
      this.#head = 0;
      this.#size = 0;
      this.#weight = 0;
      return removed;
    }
    const kept: { entry: Entry; weight: number }[] = [];
    for (let offset = 0; offset < this.#size; offset++) {
      const index = (this.#head + offset) % this.#capacity;
      const entry = this.#entries[index] as Entry;
      if (!predicate(entry)) kept.push({ entry, weight: this.#weights[index] ?? 0 });
    }
    const removed = this.#size - kept.length;
    this.clear();
    for (const { entry, weight } of kept) this.push(entry, weight);
    return removed;
  }

  #dropOldest(): void {
    this.#weight -= this.#weights[this.#head] ?? 0;
    this.#entries[this.#head] = undefined;
    this.#weights[this.#head] = 0;
    this.#head = (this.#head + 1) % this.#capacity;
    this.#size--;
  }
}
