/**
 * @module Memory: the mock server's RSS after 100,000 and after 1,000,000 recorded messages
 * with default buffer sizes, sent as signed 100-item TID batches. A bounded inbox keeps it flat: target
 * growth < 10% between the two readings.
 */
import { residentMegabytes, stopProcess } from './process-tools.js';
import type { BenchmarkReport } from './report.js';
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

export async function runMemoryBench(): Promise<BenchmarkReport> {
  const server = await startMockServerProcess(18131);
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('mock server has no pid');
  try {
    await sendBatches(server.origin, 1_000);
    const at100k = residentMegabytes(pid);
    await sendBatches(server.origin, 9_000);
    const at1m = residentMegabytes(pid);
    const growth = at1m / at100k;
    return {
      name: 'memory: mock server RSS with default buffer sizes',
      baseline: 'RSS after 100,000 recorded messages (MB)',
      command: 'pnpm bench -- memory',
      rows: [
        {
          case: 'RSS after 100,000 messages',
          opsPerSecond: at100k,
          ratio: 1,
          note: `${at100k.toFixed(0)} MB`,
        },
        {
          case: 'RSS after 1,000,000 messages',
          opsPerSecond: at1m,
          ratio: growth,
          target: { atMost: 1.1 },
          note: `${at1m.toFixed(0)} MB (ops/s column holds MB here)`,
        },
      ],
    };
  } finally {
    await stopProcess(server.process);
  }
}
