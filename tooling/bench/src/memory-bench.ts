/**
 * @module Memory: the mock server after 100,000 and after 1,000,000 recorded messages with default buffer
 * sizes, sent as signed 100-item TID batches. A bounded inbox keeps it flat: target growth < 10% between the
 * two readings. Three servers, one after the other:
 * - RSS with Node's defaults, as users run it;
 * - what is still reachable after a full garbage collection (over the inspector) — the leak check: RSS also
 *   moves with V8's heap sizing, and on Node 24 the young generation alone grows by tens of MB under load;
 * - RSS with the young generation held at 16 MB semi-spaces (`--max-semi-space-size=16`, Node 20's default),
 *   which separates that sizing from the mock's own memory.
 */
import { liveHeapMegabytes } from './heap-inspector.js';
import { residentMegabytes, stopProcess } from './process-tools.js';
import type { BenchmarkReport, BenchmarkRow } from './report.js';
import { startMockServerProcess } from './servers/server-processes.js';
import { formContentType, tidSendBody } from './servers/signed-requests.js';

async function sendBatches(origin: string, batches: number, parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < batches) {
      next++;
      // A fresh body per batch keeps the timestamp valid however long the run takes.
      const response = await fetch(`${origin}/gateway/taobao/jst/sms/tid/send`, {
        method: 'POST',
        headers: { 'content-type': formContentType },
        body: tidSendBody(100),
      });
      const answer = (await response.json()) as { code: number };
      if (answer.code !== 0) throw new Error(`batch rejected: ${JSON.stringify(answer)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

interface Readings {
  at100k: number;
  at1m: number;
}

/** Starts a mock with `nodeFlags`, sends 100,000 then 900,000 more messages, and reads `measure` after each. */
async function measureGrowth(
  port: number,
  nodeFlags: readonly string[],
  measure: (pid: number) => Promise<number>,
): Promise<Readings> {
  const server = await startMockServerProcess(port, nodeFlags);
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('mock server has no pid');
  try {
    await sendBatches(server.origin, 1_000);
    const at100k = await measure(pid);
    await sendBatches(server.origin, 9_000);
    const at1m = await measure(pid);
    return { at100k, at1m };
  } finally {
    await stopProcess(server.process);
  }
}

const inspectorPort = 19_331;

function rows(label: string, readings: Readings, unit: string): BenchmarkRow[] {
  return [
    {
      case: `${label} after 100,000 messages`,
      opsPerSecond: readings.at100k,
      ratio: 1,
      note: `${readings.at100k.toFixed(0)} ${unit}`,
    },
    {
      case: `${label} after 1,000,000 messages`,
      opsPerSecond: readings.at1m,
      ratio: readings.at1m / readings.at100k,
      target: { atMost: 1.1 },
      note: `${readings.at1m.toFixed(0)} ${unit} (the ops/s column holds ${unit} here)`,
    },
  ];
}

export async function runMemoryBench(): Promise<BenchmarkReport> {
  const resident = async (pid: number) => residentMegabytes(pid);
  const defaults = await measureGrowth(18131, [], resident);
  const live = await measureGrowth(18132, [`--inspect=127.0.0.1:${inspectorPort}`], () =>
    liveHeapMegabytes(inspectorPort),
  );
  const fixedYoung = await measureGrowth(18133, ['--max-semi-space-size=16'], resident);
  return {
    name: 'memory: mock server with default buffer sizes',
    baseline: 'the same reading after 100,000 recorded messages',
    command: 'pnpm bench -- memory',
    rows: [
      ...rows('RSS, Node defaults', defaults, 'MB'),
      ...rows('live heap after a full GC', live, 'MB'),
      ...rows('RSS, 16 MB semi-spaces', fixedYoung, 'MB'),
    ],
  };
}
