/**
 * A queue of scripted faults in the order they were added, for the send faults and the TMC faults alike. An
 * event takes the oldest fault that applies to it (one fault per event), which loses one of its `times`; a
 * fault with none left is gone. Faults that name an app (`match.app`) only ever see that namespace's events.
 */

/**
 * At most this many faults wait in one queue, all namespaces together: every call scans the queue, and
 * `GET /__mock/faults` lists it, so an unbounded queue (a script queueing faults in a loop) slows every call.
 */
export const maxQueuedFaults = 1000;

/** Why `adding` more faults cannot be queued now, or undefined when they fit. */
export function faultQueueProblem(queued: number, adding: number): string | undefined {
  if (queued + adding <= maxQueuedFaults) return undefined;
  return `the queue holds at most ${maxQueuedFaults} faults: ${queued} are queued, ${adding} more would pass the bound`;
}

/** What every fault spec has: how many events it applies to, and the namespace it is kept to. */
export interface QueuedFaultSpec {
  readonly times: number;
  readonly match: { readonly app?: string | undefined };
}

/** A queued fault, as `GET /__mock/faults` shows it. */
export type Scripted<Spec> = Spec & {
  id: number;
  /** How many more events it applies to. */
  remaining: number;
  /** ISO time (mock clock) it was added. */
  createdAt: string;
};

export class ScriptedQueue<Spec extends QueuedFaultSpec> {
  readonly #faults: Scripted<Spec>[] = [];
  readonly #nextId: () => number;

  /** `nextId`: where fault ids come from (the mock shares one sequence between its queues). */
  constructor(nextId: () => number = counter()) {
    this.#nextId = nextId;
  }

  /** Throws a RangeError when the faults would not fit within `maxQueuedFaults`. */
  add(specs: readonly Spec[], now: number): Scripted<Spec>[] {
    const full = faultQueueProblem(this.#faults.length, specs.length);
    if (full !== undefined) throw new RangeError(full);
    const added = specs.map((spec) => ({
      ...spec,
      id: this.#nextId(),
      remaining: spec.times,
      createdAt: new Date(now).toISOString(),
    }));
    this.#faults.push(...added);
    return added;
  }

  /** Oldest first; only one namespace's (faults naming that app) with `app`. */
  list(app?: string): Scripted<Spec>[] {
    return this.#faults.filter((fault) => app === undefined || fault.match.app === app);
  }

  /** Removes every fault, one namespace's, or one by id. Returns how many were removed. */
  clear(filter: { app?: string; id?: number } = {}): number {
    const before = this.#faults.length;
    for (let index = this.#faults.length - 1; index >= 0; index--) {
      const fault = this.#faults[index] as Scripted<Spec>;
      if (filter.app !== undefined && fault.match.app !== filter.app) continue;
      if (filter.id !== undefined && fault.id !== filter.id) continue;
      this.#faults.splice(index, 1);
    }
    return before - this.#faults.length;
  }

  get size(): number {
    return this.#faults.length;
  }

  /**
   * Offers the queued faults, oldest first, to `decide`; the first one it answers for loses one of its `times`,
   * and its answer is returned. Undefined when no fault applies.
   */
  take<Result>(decide: (fault: Scripted<Spec>) => Result | undefined): Result | undefined {
    for (let position = 0; position < this.#faults.length; position++) {
      const fault = this.#faults[position] as Scripted<Spec>;
      const result = decide(fault);
      if (result === undefined) continue;
      fault.remaining--;
      if (fault.remaining <= 0) this.#faults.splice(position, 1);
      return result;
    }
    return undefined;
  }
}

/** 1, 2, 3, … */
export function counter(): () => number {
  let value = 0;
  return () => ++value;
}
