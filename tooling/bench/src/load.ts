/**
 * @module One autocannon run on the load core, with a discarded warm-up, returning req/s, latency
 * percentiles and the server's CPU µs per request.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { cpuMicroseconds, loadCore } from './process-tools.js';

const run = promisify(execFile);
const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Milliseconds: number;
  latencyP99Milliseconds: number;
  serverCpuMicrosecondsPerRequest: number;
  non2xx: number;
  errors: number;
  requests: number;
}

export interface LoadOptions {
  connections?: number;
  durationSeconds?: number;
  /** 0 skips the warm-up (a later round of an interleaved run). @default 2 */
  warmupSeconds?: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function autocannon(
  target: LoadTarget,
  connections: number,
  durationSeconds: number,
): Promise<AutocannonJson> {
  const args = [
    '-c',
    String(loadCore),
    process.execPath,
    autocannonBin,
    '--json',
    '--connections',
    String(connections),
  ];
  args.push('--duration', String(durationSeconds), '--method', target.method);
  for (const [name, value] of Object.entries(target.headers)) args.push('--headers', `${name}=${value}`);
  if (target.body !== undefined) args.push('--body', target.body);
  args.push(target.url);
  const { stdout } = await run('taskset', args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as AutocannonJson;
}

/**
 * Sends the target's request once and fails loudly unless the answer is the kind being measured: autocannon
 * counts any 2xx as a success, and TOP answers its errors with HTTP 200 too — a stale timestamp would
 * otherwise turn a success benchmark into an error benchmark without a word.
 */
export async function expectAnswer(
  target: LoadTarget,
  expected: { description: string; matches: (status: number, body: string) => boolean },
): Promise<void> {
  const response = await fetch(target.url, {
    method: target.method,
    headers: target.headers,
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  const body = await response.text();
  if (!expected.matches(response.status, body)) {
    throw new Error(
      `${target.method} ${target.url} should answer ${expected.description}, got HTTP ${response.status}: ${body.slice(0, 300)}`,
    );
  }
}

export async function measureLoad(
  target: LoadTarget,
  serverPid: number,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const warmupSeconds = options.warmupSeconds ?? 2;
  if (warmupSeconds > 0) await autocannon(target, connections, warmupSeconds); // warm-up, discarded
  const cpuBefore = cpuMicroseconds(serverPid);
  const result = await autocannon(target, connections, options.durationSeconds ?? 5);
  const cpuAfter = cpuMicroseconds(serverPid);
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Milliseconds: result.latency.p50,
    latencyP99Milliseconds: result.latency.p99,
    serverCpuMicrosecondsPerRequest: (cpuAfter - cpuBefore) / requests,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}
