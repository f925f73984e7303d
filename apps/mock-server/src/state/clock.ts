/**
 * The one place the mock reads the time and waits. Every timestamp check, every recorded time and every
 * transport delay goes through a `MockClock`, so a test (and the virtual clock of `/__mock/clock`) can move
 * time instead of waiting for it.
 */
import { createTimerQueue, type Scheduler } from './timer-queue.js';

/** A source of the current time. */
export interface MockClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real time. */
export const systemClock: MockClock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export interface ManualClock extends MockClock {
  /** Jumps to an instant (epoch milliseconds or a Date). */
  set(instant: number | Date): void;
  /** Moves forward (or back, with a negative value) by milliseconds. */
  advance(milliseconds: number): void;
}

/**
 * A clock for tests that starts at `start` and moves only through `set` and `advance`.
 * @example const clock = createManualClock(Date.parse('2024-01-01T00:00:00Z')); clock.advance(60_000);
 */
export function createManualClock(start: number | Date = Date.now()): ManualClock {
  let current = toEpochMilliseconds(start);
  const listeners = new Set<() => void>();
  const clock: ManualClock = {
    now: () => current,
    set(instant) {
      current = toEpochMilliseconds(instant);
      for (const listener of listeners) listener();
    },
    advance(milliseconds) {
      current += finiteMilliseconds(milliseconds);
      for (const listener of listeners) listener();
    },
  };
  manualClockListeners.set(clock, listeners);
  return clock;
}

/** Who hears a manual clock move: the runtime clocks built on it, so their timers fire when a test moves it. */
const manualClockListeners = new WeakMap<MockClock, Set<() => void>>();

/** What protocol timestamps (TOP `timestamp`, fw199 `timestamp`) are checked against. */
export type TimestampReference = 'mock-clock' | 'real-time';

/**
 * The runtime's clock: a base clock (the system's, or one passed in options) plus an offset that
 * `/__mock/clock` sets. Time keeps flowing after a `set` or `advance`; only the offset changes.
 */
export interface AdjustableClock extends ManualClock, Scheduler {
  /** Milliseconds added to the base clock. */
  readonly offsetMilliseconds: number;
  /**
   * `mock-clock` (the default): timestamps are checked against this clock, so moving it makes a client that
   * signs with the real time fail the check, as a skewed host would. `real-time`: checked against the base
   * clock, so clients that sign with the real time keep working after the clock moved (to cross a day
   * boundary for the limits, say).
   */
  timestampReference: TimestampReference;
  /** The instant a protocol timestamp received at `now` (this clock) is compared with. */
  timestampCheckTime(now: number): number;
  /** Back to the base clock: offset 0, timestamps checked against the mock clock. */
  reset(): void;
  /** Cancels every pending timer (the server is closing): their callbacks never run, sleeps end at once. */
  cancelTimers(): void;
}

export function createAdjustableClock(base: MockClock = systemClock): AdjustableClock {
  let offset = 0;
  const now = () => base.now() + offset;
  const timers = createTimerQueue(now, base === systemClock);
  manualClockListeners.get(base)?.add(timers.clockMoved);
  const clock: AdjustableClock = {
    now,
    sleep: timers.sleep,
    schedule: timers.schedule,
    cancelTimers: timers.cancelAll,
    get offsetMilliseconds() {
      return offset;
    },
    timestampReference: 'mock-clock',
    timestampCheckTime(now) {
      return clock.timestampReference === 'mock-clock' ? now : now - offset;
    },
    set(instant) {
      offset = toEpochMilliseconds(instant) - base.now();
      timers.clockMoved();
    },
    advance(milliseconds) {
      offset += finiteMilliseconds(milliseconds);
      timers.clockMoved();
    },
    reset() {
      offset = 0;
      clock.timestampReference = 'mock-clock';
      timers.clockMoved();
    },
  };
  return clock;
}

function finiteMilliseconds(milliseconds: number): number {
  if (!Number.isFinite(milliseconds)) throw new RangeError('milliseconds must be a finite number');
  return milliseconds;
}

function toEpochMilliseconds(instant: number | Date): number {
  const value = instant instanceof Date ? instant.getTime() : instant;
  if (!Number.isFinite(value)) throw new RangeError('instant must be a finite time');
  return value;
}
