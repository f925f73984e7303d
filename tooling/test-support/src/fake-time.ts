/**
 * Waiting on a clock the test moves. Code that pauses on `setTimeout` (a held answer, a retry's pause) runs
 * under `vi.useFakeTimers()`; the test then moves that clock step by step until the work is done, instead of
 * sleeping and hoping the host ran everything it expected within the sleep.
 */

/**
 * Awaits `work`, calling `advance` (e.g. `() => vi.advanceTimersByTimeAsync(20)`) until it settles. Fails after
 * `maxSteps` steps: a test whose work never ends should say so, not hang.
 * @example const results = await settleWhileAdvancing(tid.send(items), () => vi.advanceTimersByTimeAsync(20));
 */
export async function settleWhileAdvancing<Value>(
  work: Promise<Value>,
  advance: () => Promise<unknown>,
  maxSteps = 10_000,
): Promise<Value> {
  let settled = false;
  const observed = work.finally(() => {
    settled = true;
  });
  for (let step = 0; !settled; step++) {
    if (step >= maxSteps)
      throw new Error(`the work did not settle within ${maxSteps} steps of the fake clock`);
    await advance();
  }
  return observed;
}
