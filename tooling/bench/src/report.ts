/** @module Benchmark report shape and printing: a table on stdout and a JSON file per run. */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface BenchmarkRow {
  case: string;
  opsPerSecond: number;
  /** Against the baseline of the same report, measured in the same run. */
  ratio: number;
  /** The ratio the issue asks for, when there is one. */
  target?: number;
}

export interface BenchmarkReport {
  name: string;
  rows: BenchmarkRow[];
}

export function printReport(report: BenchmarkReport): void {
  console.log(`\n## ${report.name}`);
  console.table(
    report.rows.map((row) => ({
      case: row.case,
      'ops/s': Math.round(row.opsPerSecond).toLocaleString('en-US'),
      ratio: `${row.ratio.toFixed(2)}×`,
      target: row.target === undefined ? '' : `≥ ${row.target}×`,
      verdict: row.target === undefined ? '' : row.ratio >= row.target ? 'met' : 'MISSED',
    })),
  );
}

export function writeReports(reports: BenchmarkReport[], directory: URL): string {
  mkdirSync(directory, { recursive: true });
  const file = new URL('latest.json', directory);
  writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, reports }, null, 2)}\n`,
  );
  return file.pathname;
}
