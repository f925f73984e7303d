/** How reconnects (and polls after an error) are spaced. */
export interface ReconnectOptions {
  /**
   * The first delay, in milliseconds; it doubles on each failure in a row.
   * @default 3000
   */
  readonly initialDelay?: number | undefined;
  /**
   * The longest delay, in milliseconds.
   * @default 60000
   */
  readonly maxDelay?: number | undefined;
}

/** The delay before attempt `attempt` (0-based): exponential, capped, with "equal jitter" in [d/2, d]. */
export function backoffDelay(
  attempt: number,
  options: { readonly initialDelay: number; readonly maxDelay: number },
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelay, options.initialDelay * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Waits `delayMs`, or less when `signal` aborts (then it resolves, it does not reject). */
export function pause(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, delayMs);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Whether `signal` has aborted; a call, so the compiler does not assume it cannot change across an await. */
export function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
