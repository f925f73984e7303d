/** @module `pnpm bench`: runs every benchmark, prints a table each, writes bench-results/latest.json. */
import { type BenchmarkReport, printReport, writeReports } from './report.js';
import { runSigningBench } from './signing-bench.js';

const reports: BenchmarkReport[] = [];
for (const run of [runSigningBench]) {
  const report = await run();
  printReport(report);
  reports.push(report);
}
const file = writeReports(reports, new URL('../bench-results/', import.meta.url));
console.log(`\nwrote ${file}`);
