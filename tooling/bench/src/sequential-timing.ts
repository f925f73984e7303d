/**
 * @module Per-call time of async operations run one after another, interleaved in rounds so that drift of a
 * shared machine hits every contender alike. Compare contenders round by round (a ratio of figures measured
 * moments apart) and report the median.
 */

export interface SequentialTimingOptions {
  rounds?: number;
  callsPerRound?: number;
  warmupCalls?: number;
}

/** Microseconds per call of each named operation, one figure per round (rounds run back to back). */
export async function timeSequentialCalls(
  operations: Record<string, () => Promise<unknown>>,
  options: SequentialTimingOptions = {},
): Promise<Record<string, number[]>> {
  const rounds = options.rounds ?? 15;
  const callsPerRound = options.callsPerRound ?? 200;
  const samples: Record<string, number[]> = {};
  for (const [name, operation] of Object.entries(operations)) {
    samples[name] = [];
    for (let call = 0; call < (options.warmupCalls ?? 1000); call++) await operation();
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, operation] of Object.entries(operations)) {
      const start = process.hrtime.bigint();
      for (let call = 0; call < callsPerRound; call++) await operation();
      samples[name]?.push(Number(process.hrtime.bigint() - start) / 1000 / callsPerRound);
    }
  }
  return samples;
}
