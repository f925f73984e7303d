/**
 * @module TMC (`pnpm bench -- tmc`): 100,000 delivery receipts of JST sends, queued in the mock, pushed over the
 * WebSocket to one `@x/taobao-tmc` consumer and confirmed — none lost, none handled twice after dedupe —
 * against a bare `ws` server pushing the same frames to the same consumer in the same run. Also the mock's RSS
 * with the 100,000 queued and after they are all confirmed (flat: target growth ≤ 10%).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTmcConsumer, dedupe, type TmcMessage, type TmcWebSocketConstructor } from '@x/taobao-tmc';
import { WebSocket } from 'ws';
import {
  loadCore,
  pinThisProcess,
  residentMegabytes,
  serverCore,
  spawnPinned,
  stopProcess,
  waitForUrl,
} from './process-tools.js';
import type { BenchmarkReport } from './report.js';
import { startMockServerProcess } from './servers/server-processes.js';
import { formContentType, jstSendBody, mockDefaults } from './servers/signed-requests.js';

const receipts = 100_000;
const require = createRequire(import.meta.url);
const tsxLoader = ['--import', pathToFileURL(require.resolve('tsx')).href, '--conditions=@x/source'];

async function sendJst(origin: string, count: number, parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(`${origin}/router/rest`, {
        method: 'POST',
        headers: { 'content-type': formContentType },
        body: jstSendBody(),
      });
      const answer = (await response.json()) as { jst_sms_message_send_response?: unknown };
      if (answer.jst_sms_message_send_response === undefined)
        throw new Error(`send rejected: ${JSON.stringify(answer)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

interface GroupCounts {
  queued: number;
  confirmed: number;
}

async function groupCounts(origin: string): Promise<GroupCounts> {
  const response = await fetch(`${origin}/__mock/tmc?app=${mockDefaults.topAppKey}`);
  const view = (await response.json()) as { groups: Array<{ group: string; counts: GroupCounts }> };
  return view.groups.find((group) => group.group === 'default')?.counts ?? { queued: 0, confirmed: 0 };
}

async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMilliseconds = 300_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One consumer until `count` distinct messages were handled: receipts/s, and how many came twice. */
async function consume(url: string, count: number): Promise<{ perSecond: number; duplicates: number }> {
  const seen = new Set<string>();
  let deliveries = 0;
  const controller = new AbortController();
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const handle = dedupe((message: TmcMessage) => {
    seen.add(message.id);
    if (seen.size === count) finished();
  });
  const consumer = createTmcConsumer({
    appKey: mockDefaults.topAppKey,
    appSecret: mockDefaults.topSecret,
    url,
    WebSocket: WebSocket as unknown as TmcWebSocketConstructor,
  }).on('alibaba_aliqin_TaFcSmsDR', (message) => {
    deliveries++;
    return handle(message);
  });
  const started = performance.now();
  const running = consumer.run(controller.signal);
  await done;
  const seconds = (performance.now() - started) / 1000;
  controller.abort();
  await running;
  return { perSecond: count / seconds, duplicates: deliveries - seen.size };
}

export async function runTmcBench(): Promise<BenchmarkReport> {
  const port = 18151;
  const script = fileURLToPath(new URL('./servers/tmc-push-server.ts', import.meta.url));
  const bare = spawnPinned(serverCore, 'ws', process.execPath, [
    ...tsxLoader,
    script,
    String(port),
    String(receipts),
  ]);
  const mock = await startMockServerProcess(18152);
  const pid = mock.process.pid;
  if (pid === undefined) throw new Error('mock server has no pid');
  const restore = pinThisProcess(loadCore);
  try {
    await waitForUrl(`http://127.0.0.1:${port}/`);
    const baseline = await consume(`ws://127.0.0.1:${port}/`, receipts);

    await sendJst(mock.origin, receipts);
    await until(async () => (await groupCounts(mock.origin)).queued >= receipts, 'the receipts to be queued');
    const queuedMegabytes = residentMegabytes(pid);
    const measured = await consume(`${mock.origin.replace('http', 'ws')}/tmc`, receipts);
    await until(async () => (await groupCounts(mock.origin)).confirmed >= receipts, 'every confirm');
    const confirmedMegabytes = residentMegabytes(pid);
    return {
      name: `tmc: ${receipts.toLocaleString('en-US')} receipts pushed to one @x/taobao-tmc consumer and confirmed`,
      baseline: 'a bare ws server pushing the same frames to the same consumer (receipts/s)',
      command: 'pnpm bench -- tmc',
      rows: [
        { case: 'bare ws push', opsPerSecond: baseline.perSecond, ratio: 1 },
        {
          case: '@x/mock-server TMC',
          opsPerSecond: measured.perSecond,
          ratio: measured.perSecond / baseline.perSecond,
          note: `all ${receipts} handled once; ${measured.duplicates} duplicate deliveries removed by dedupe`,
        },
        {
          case: 'mock RSS: all confirmed vs all queued',
          opsPerSecond: confirmedMegabytes,
          ratio: confirmedMegabytes / queuedMegabytes,
          target: { atMost: 1.1 },
          note: `${queuedMegabytes.toFixed(0)} MB queued, ${confirmedMegabytes.toFixed(0)} MB confirmed (ops/s column holds MB)`,
        },
      ],
    };
  } finally {
    restore();
    await stopProcess(mock.process);
    await stopProcess(bare);
  }
}
