/**
 * Every wait of the TMC emulation (a receipt's delay, a redelivery, a delayed push) goes through a
 * `TmcScheduler`, so the mock's clock can drive it: a test advances the clock instead of sleeping. The
 * mock's own clock has this shape; `createSteppedScheduler` is the one unit tests drive by hand.
 */

/** The time source and timer of the TMC emulation. */
export interface TmcScheduler {
  /** Milliseconds since the Unix epoch, on the mock's clock. */
  now(): number;
  /**
   * Runs `callback` once the clock reaches `at` (soon, when `at` has passed). Returns a function that cancels
   * it (a no-op once it ran or was cancelled).
   */
  schedule(at: number, callback: () => void): () => void;
}

/** A scheduler that only moves when told to: tests drive it, nothing runs on its own. */
export interface SteppedScheduler extends TmcScheduler {
  /** Moves the clock forward by `milliseconds`, running every task that falls due, in time order. */
  advance(milliseconds: number): void;
  /** Runs the tasks due now (those scheduled at or before `now()`). */
  runDue(): void;
  /** Tasks waiting to run. */
  readonly pending: number;
}

interface Entry {
  readonly at: number;
  readonly order: number;
  task: (() => void) | undefined;
}

/**
 * A scheduler over a manual clock that starts at `start`. Tasks due at the same instant run in the order
 * they were scheduled; a task scheduled by a running task for a time already reached runs in the same
 * `advance`.
 */
export function createSteppedScheduler(start: number): SteppedScheduler {
  let current = start;
  let order = 0;
  let live = 0;
  const heap: Entry[] = [];

  const runUntil = (limit: number) => {
    for (;;) {
      const head = heap[0];
      if (head === undefined || head.at > limit) return;
      popHead(heap);
      const task = head.task;
      if (task === undefined) continue;
      head.task = undefined;
      live--;
      if (head.at > current) current = head.at;
      task();
    }
  };

  return {
    now: () => current,
    schedule(at, callback) {
      const entry: Entry = { at, order: order++, task: callback };
      live++;
      pushEntry(heap, entry);
      return () => {
        if (entry.task === undefined) return;
        entry.task = undefined;
        live--;
      };
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0)
        throw new RangeError('milliseconds must be a finite number, 0 or more');
      const target = current + milliseconds;
      runUntil(target);
      current = target;
    },
    runDue() {
      runUntil(current);
    },
    get pending() {
      return live;
    },
  };
}

function before(left: Entry, right: Entry): boolean {
  return left.at < right.at || (left.at === right.at && left.order < right.order);
}

function pushEntry(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let index = heap.length - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const above = heap[parent] as Entry;
    if (!before(entry, above)) break;
    heap[index] = above;
    index = parent;
  }
  heap[index] = entry;
}

function popHead(heap: Entry[]): void {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return;
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const smaller = right < heap.length && before(heap[right] as Entry, heap[left] as Entry) ? right : left;
    if (!before(heap[smaller] as Entry, last)) break;
    heap[index] = heap[smaller] as Entry;
    index = smaller;
  }
  heap[index] = last;
}
