/** @module Benchmark report shape and printing: a table on stdout and one JSON file per run. */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface BenchmarkRow {
  case: string;
  /** Operations (requests, calls, signatures) per second. */
  opsPerSecond: number;
  /** Against `baseline` of the same report, measured in the same run. */
  ratio: number;
  /** The ratio the issue asks for, when there is one; `atMost` for ratios that must stay low. */
  target?: { atLeast?: number; atMost?: number };
  latencyP50Milliseconds?: number;
  latencyP99Milliseconds?: number;
  serverCpuMicrosecondsPerRequest?: number;
  note?: string;
}

export interface BenchmarkReport {
  name: string;
  /** What the ratios are measured against. */
  baseline: string;
  /** The command that produced the report. */
  command: string;
  rows: BenchmarkRow[];
}

export function targetMet(row: BenchmarkRow): boolean | undefined {
  if (!row.target) return undefined;
  if (row.target.atLeast !== undefined && row.ratio < row.target.atLeast) return false;
  if (row.target.atMost !== undefined && row.ratio > row.target.atMost) return false;
  return true;
}

function describeTarget(row: BenchmarkRow): string {
  if (!row.target) return '';
  if (row.target.atLeast !== undefined) return `≥ ${row.target.atLeast}×`;
  return `≤ ${row.target.atMost}×`;
}

export function printReport(report: BenchmarkReport): void {
  console.log(`\n## ${report.name} — ratios against: ${report.baseline}`);
  console.table(
    report.rows.map((row) => ({
      case: row.case,
      'ops/s': Math.round(row.opsPerSecond).toLocaleString('en-US'),
      ratio: `${row.ratio.toFixed(2)}×`,
      target: describeTarget(row),
      verdict: targetMet(row) === undefined ? '' : targetMet(row) ? 'met' : 'MISSED',
      ...(row.latencyP50Milliseconds === undefined
        ? {}
        : { 'p50/p99 ms': `${row.latencyP50Milliseconds}/${row.latencyP99Milliseconds}` }),
      ...(row.serverCpuMicrosecondsPerRequest === undefined
        ? {}
        : { 'server CPU µs/req': row.serverCpuMicrosecondsPerRequest.toFixed(1) }),
      ...(row.note ? { note: row.note } : {}),
    })),
  );
}

export function writeReports(reports: BenchmarkReport[], directory: URL): string {
  mkdirSync(directory, { recursive: true });
  const file = new URL('latest.json', directory);
  const machine = { node: process.version, platform: process.platform, arch: process.arch };
  writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, reports }, null, 2)}\n`,
  );
  return file.pathname;
}
