/**
 * The one place the mock reads the time. Every timestamp check and every recorded time goes through a
 * `MockClock`, so a test (and the virtual clock of `/__mock/clock`) can move time without waiting.
 */

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
  return {
    now: () => current,
    set(instant) {
      current = toEpochMilliseconds(instant);
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds)) throw new RangeError('milliseconds must be a finite number');
      current += milliseconds;
    },
  };
}

function toEpochMilliseconds(instant: number | Date): number {
  const value = instant instanceof Date ? instant.getTime() : instant;
  if (!Number.isFinite(value)) throw new RangeError('instant must be a finite time');
  return value;
}
