/**
 * @module `pnpm bench [-- name…]`: runs the named benchmarks (all by default), prints a table each and writes
 * bench-results/latest.json. Every figure is a ratio against a baseline measured in the same run.
 */
import { runBatchingBench } from './batching-bench.js';
import { runClientOverheadBench } from './client-overhead-bench.js';
import { runMemoryBench } from './memory-bench.js';
import { runMockThroughputBench } from './mock-throughput-bench.js';
import { type BenchmarkReport, printReport, targetMet, writeReports } from './report.js';
import { runSigningBench } from './signing-bench.js';
import { runTmcBench } from './tmc-bench.js';

const benchmarks: Record<string, () => Promise<BenchmarkReport | BenchmarkReport[]>> = {
  signing: runSigningBench,
  mock: runMockThroughputBench,
  client: runClientOverheadBench,
  batching: runBatchingBench,
  memory: runMemoryBench,
  tmc: runTmcBench,
};

const requested = process.argv.slice(2).filter((argument) => argument !== '--');
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

const reports: BenchmarkReport[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (requested.length > 0 && !requested.includes(name)) continue;
  const result = await run();
  for (const report of Array.isArray(result) ? result : [result]) {
    printReport(report);
    reports.push(report);
  }
}
const file = writeReports(reports, new URL('../bench-results/', import.meta.url));
const missed = reports.flatMap((report) => report.rows.filter((row) => targetMet(row) === false));
console.log(
  `\nwrote ${file}; ${missed.length === 0 ? 'every target met' : `${missed.length} target(s) missed`}`,
);
