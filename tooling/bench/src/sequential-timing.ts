/**
 * @module Per-call time of async operations run one after another, interleaved in rounds so that drift of a
 * shared machine hits every contender alike; the median round is reported.
 */

export interface SequentialTimingOptions {
  rounds?: number;
  callsPerRound?: number;
  warmupCalls?: number;
}

/** Median microseconds per call for each named operation. */
export async function timeSequentialCalls(
  operations: Record<string, () => Promise<unknown>>,
  options: SequentialTimingOptions = {},
): Promise<Record<string, number>> {
  const rounds = options.rounds ?? 7;
  const callsPerRound = options.callsPerRound ?? 400;
  const samples: Record<string, number[]> = {};
  for (const [name, operation] of Object.entries(operations)) {
    samples[name] = [];
    for (let call = 0; call < (options.warmupCalls ?? 300); call++) await operation();
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, operation] of Object.entries(operations)) {
      const start = process.hrtime.bigint();
      for (let call = 0; call < callsPerRound; call++) await operation();
      samples[name]?.push(Number(process.hrtime.bigint() - start) / 1000 / callsPerRound);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const sorted = [...values].sort((left, right) => left - right);
      return [name, sorted[Math.floor(sorted.length / 2)] ?? Number.NaN];
    }),
  );
}
