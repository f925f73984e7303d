/**
 * A Map that holds at most `capacity` entries and forgets the oldest first, in constant time. The obvious
 * version — read a Map's first key and delete it — is not constant: V8 leaves a deleted entry's slot in place
 * until the table is rebuilt, and finding the first key scans every such slot, so a full Map used as a queue
 * costs time in proportion to its size on every eviction (≈50 µs at 100,000 entries on Node 24). Here the
 * insertion order is kept in an array of slots beside the Map, and slots deleted meanwhile are marked and
 * skipped when their turn comes (marked, not looked up: an eviction then costs one Map operation, not two).
 */

interface Slot<Key, Value> {
  readonly key: Key;
  value: Value;
  /** False once the entry was deleted or evicted: the order array may still hold the slot. */
  live: boolean;
}

/** A bounded, insertion-ordered map: `set` of a new key when full evicts the oldest entry first. */
export class BoundedMap<Key, Value> {
  readonly capacity: number;
  readonly #onEvict: ((key: Key, value: Value) => void) | undefined;
  readonly #slots = new Map<Key, Slot<Key, Value>>();
  /** Slots in insertion order from `#head` on; a slot no longer in `#slots` is stale and skipped. */
  #order: (Slot<Key, Value> | undefined)[] = [];
  #head = 0;

  /**
   * @param capacity the most entries held (a positive integer).
   * @param onEvict told of each entry evicted to make room (not of entries deleted or cleared).
   * @throws {RangeError} when `capacity` is not a positive integer.
   */
  constructor(capacity: number, onEvict?: (key: Key, value: Value) => void) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
    this.#onEvict = onEvict;
  }

  get size(): number {
    return this.#slots.size;
  }

  has(key: Key): boolean {
    return this.#slots.has(key);
  }

  get(key: Key): Value | undefined {
    return this.#slots.get(key)?.value;
  }

  /** Sets a value. A key already present keeps its place (as with a Map); a new one goes last. */
  set(key: Key, value: Value): this {
    const slot = this.#slots.get(key);
    if (slot !== undefined) {
      slot.value = value;
      return this;
    }
    if (this.#slots.size >= this.capacity) this.#evictOldest();
    const created: Slot<Key, Value> = { key, value, live: true };
    this.#slots.set(key, created);
    this.#order.push(created);
    this.#compactIfSparse();
    return this;
  }

  delete(key: Key): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    this.#slots.delete(key);
    slot.live = false;
    this.#compactIfSparse();
    return true;
  }

  clear(): void {
    this.#slots.clear();
    this.#order = [];
    this.#head = 0;
  }

  /** The oldest entry, or undefined when empty. */
  oldest(): [Key, Value] | undefined {
    const slot = this.#oldestSlot();
    return slot === undefined ? undefined : [slot.key, slot.value];
  }

  /** Removes and returns the oldest entry (not reported to `onEvict`). */
  shift(): [Key, Value] | undefined {
    const slot = this.#oldestSlot();
    if (slot === undefined) return undefined;
    this.delete(slot.key);
    return [slot.key, slot.value];
  }

  /** Values, oldest first. */
  *values(): IterableIterator<Value> {
    for (const slot of this.#slots.values()) yield slot.value;
  }

  /** Entries, oldest first. */
  *entries(): IterableIterator<[Key, Value]> {
    for (const slot of this.#slots.values()) yield [slot.key, slot.value];
  }

  #evictOldest(): void {
    const slot = this.#oldestSlot();
    if (slot === undefined) return;
    this.#slots.delete(slot.key);
    slot.live = false;
    this.#onEvict?.(slot.key, slot.value);
  }

  /** The oldest live slot; stale slots before it are dropped from the order on the way. */
  #oldestSlot(): Slot<Key, Value> | undefined {
    while (this.#head < this.#order.length) {
      const slot = this.#order[this.#head];
      if (slot?.live === true) return slot;
      this.#order[this.#head] = undefined;
      this.#head++;
    }
    return undefined;
  }

  /**
   * Keeps the order's memory in proportion to the size: rebuilt from the Map when stale slots outnumber live
   * ones, and the consumed front dropped once it is most of the array.
   */
  #compactIfSparse(): void {
    if (this.#order.length - this.#head > 2 * this.#slots.size + 64) {
      this.#order = [...this.#slots.values()];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
