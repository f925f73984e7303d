/**
 * @module Batching: 10,000 TID items through `tid.send()` against the mock server on the
 * other core, at concurrency 1, 2, 4 and 8. Ratios are against concurrency 1 of the same run.
 */
import { createTidClient } from '@x/taobao-tid';
import { loadCore, pinThisProcess, stopProcess } from './process-tools.js';
import type { BenchmarkReport, BenchmarkRow } from './report.js';
import { startMockServerProcess } from './servers/server-processes.js';
import { mockDefaults } from './servers/signed-requests.js';

const itemCount = 10_000;

function items() {
  return Array.from({ length: itemCount }, (_, index) => ({
    order_id: String(4006925020239565830n + BigInt(index)),
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: String(100000 + (index % 900000)) },
  }));
}

export async function runBatchingBench(): Promise<BenchmarkReport> {
  const server = await startMockServerProcess(18121);
  // The client runs here: on the other core than the mock, as autocannon does for the server benchmarks.
  const unpin = pinThisProcess(loadCore);
  try {
    const rows: BenchmarkRow[] = [];
    let baseline = Number.NaN;
    for (const concurrency of [1, 2, 4, 8]) {
      const tid = createTidClient({
        appId: mockDefaults.gatewayAppId,
        appSecret: mockDefaults.gatewaySecret,
        sellerNick: mockDefaults.gatewaySeller,
        baseUrl: server.origin,
        concurrency,
      });
      const batch = items();
      await tid.send(batch.slice(0, 500)); // warm-up, discarded
      const start = process.hrtime.bigint();
      const results = await tid.send(batch);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const failed = results.filter((result) => !result.ok).length;
      if (results.length !== itemCount)
        throw new Error(`expected ${itemCount} results, got ${results.length}`);
      const itemsPerSecond = itemCount / seconds;
      if (concurrency === 1) baseline = itemsPerSecond;
      rows.push({
        case: `10,000 items, concurrency ${concurrency}`,
        opsPerSecond: itemsPerSecond,
        ratio: itemsPerSecond / baseline,
        note: `${(seconds * 1000).toFixed(0)} ms${failed > 0 ? `, ${failed} failed` : ''}`,
      });
    }
    return {
      name: 'batching: tid.send() of 10,000 items against the mock',
      baseline: 'the same send at concurrency 1 (items per second)',
      command: 'pnpm bench -- batching',
      rows,
    };
  } finally {
    unpin();
    await stopProcess(server.process);
  }
}
