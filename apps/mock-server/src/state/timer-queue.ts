/**
 * Waiting on the mock's clock. A timer fires when its instant comes, whichever way it comes: real time
 * passing, or the clock moved past it (`/__mock/clock`, a test's manual clock). So a test that wants a delayed
 * answer, a slow-answer magic value or a redelivery moves the clock instead of sleeping.
 */

/** Waits on a mock clock. Every transport delay and every scheduled redelivery goes through one of these. */
export interface Scheduler {
  /**
   * Resolves once `milliseconds` have passed: real time, or the clock moved forward that far, whichever is
   * first. Resolves early (never rejects) when `signal` aborts — the client went away.
   */
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
  /**
   * Runs `callback` once, when the clock reaches `at` (epoch milliseconds on this clock): when real time gets
   * there, or when the clock is moved past it. Returns a function that cancels it.
   */
  schedule(at: number, callback: () => void): () => void;
}

interface Timer {
  /** The instant on the clock it is due. */
  readonly at: number;
  readonly callback: () => void;
  /**
   * Set for a sleep: this much real time passing fires it even when the clock stands still (a manual clock).
   * A scheduled callback has none: it waits for the clock itself to reach `at`.
   */
  readonly realMilliseconds: number | undefined;
  handle: ReturnType<typeof setTimeout> | undefined;
}

/** The timers of one clock, and the hooks the clock calls when it is moved or shut down. */
export interface TimerQueue extends Scheduler {
  /** The clock was set or advanced: fire what is now due, re-arm the rest for their new real-time distance. */
  clockMoved(): void;
  cancelAll(): void;
}

/**
 * `followsRealTime`: the clock is the system's (plus an offset). A timer that fires before the clock shows its
 * instant then waits on: the event loop's cached time can run ahead of `Date.now()` under load, so a timeout
 * may fire a few milliseconds early. Any other clock that has not moved as far as the real time waited is
 * taken to stand still, and only moving it fires the timer.
 */
export function createTimerQueue(now: () => number, followsRealTime = false): TimerQueue {
  const pending = new Set<Timer>();

  const fire = (timer: Timer) => {
    if (!pending.delete(timer)) return;
    if (timer.handle !== undefined) clearTimeout(timer.handle);
    timer.callback();
  };

  const arm = (timer: Timer) => {
    if (timer.handle !== undefined) clearTimeout(timer.handle);
    const distance = timer.at - now();
    if (distance <= 0) {
      fire(timer);
      return;
    }
    const wait = timer.realMilliseconds === undefined ? distance : Math.min(distance, timer.realMilliseconds);
    timer.handle = setTimeout(() => onRealTimeout(timer, wait), wait);
    // A pending timer alone keeps no process alive: an open connection or a running server does that.
    timer.handle.unref();
  };

  const onRealTimeout = (timer: Timer, waited: number) => {
    timer.handle = undefined;
    if (timer.realMilliseconds !== undefined && waited >= timer.realMilliseconds) {
      fire(timer);
      return;
    }
    // The clock was set back meanwhile, or it does not follow real time (a manual clock): wait on.
    const distance = timer.at - now();
    if (distance <= 0) fire(timer);
    else if (followsRealTime || distance < waited) arm(timer); // it moves on its own: keep following real time
    // Otherwise the clock stands still: only moving it (clockMoved) fires this timer.
  };

  const add = (at: number, callback: () => void, realMilliseconds: number | undefined) => {
    const timer: Timer = { at, callback, realMilliseconds, handle: undefined };
    pending.add(timer);
    arm(timer);
    return timer;
  };

  return {
    sleep(milliseconds, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted || !(milliseconds > 0)) {
          resolve();
          return;
        }
        const onAbort = () => fire(timer);
        const timer = add(
          now() + milliseconds,
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          milliseconds,
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    schedule(at, callback) {
      const timer = add(at, callback, undefined);
      return () => {
        if (pending.delete(timer) && timer.handle !== undefined) clearTimeout(timer.handle);
      };
    },
    clockMoved() {
      for (const timer of [...pending]) arm(timer);
    },
    cancelAll() {
      for (const timer of [...pending]) {
        // A sleep ends (its answer goes out, or finds its connection closed); a scheduled callback never runs.
        if (timer.realMilliseconds !== undefined) {
          fire(timer);
          continue;
        }
        pending.delete(timer);
        if (timer.handle !== undefined) clearTimeout(timer.handle);
      }
    },
  };
}
