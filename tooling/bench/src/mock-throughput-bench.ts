/**
 * @module Mock-server throughput (issue #7, items 1–2): a signed `taobao.jst.sms.message.send` over the full
 * path against a bare node:http server (the limit) and Prism 5.14.2 (what users would reach for), then a
 * 100-item TID batch and an `error_response`, all driven by autocannon on the other core in one run.
 */
import { type LoadResult, type LoadTarget, measureLoad } from './load.js';
import { pidOf, stopProcess } from './process-tools.js';
import type { BenchmarkReport, BenchmarkRow } from './report.js';
import {
  type RunningServer,
  startMockServerProcess,
  startPlainServer,
  startPrism,
} from './servers/server-processes.js';
import { formContentType, jstSendBody, tidSendBody } from './servers/signed-requests.js';

const headers = { 'content-type': formContentType };

async function withServer<T>(
  start: () => Promise<RunningServer>,
  use: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await stopProcess(server.process);
  }
}

function row(
  label: string,
  result: LoadResult,
  baseline: number,
  extra: Partial<BenchmarkRow> = {},
): BenchmarkRow {
  const failures = result.non2xx + result.errors;
  return {
    case: label,
    opsPerSecond: result.requestsPerSecond,
    ratio: result.requestsPerSecond / baseline,
    latencyP50Milliseconds: result.latencyP50Milliseconds,
    latencyP99Milliseconds: result.latencyP99Milliseconds,
    serverCpuMicrosecondsPerRequest: result.serverCpuMicrosecondsPerRequest,
    ...(failures > 0 ? { note: `${failures} non-2xx/errors of ${result.requests}` } : {}),
    ...extra,
  };
}

export async function runMockThroughputBench(): Promise<BenchmarkReport[]> {
  const jstTarget = (origin: string, body = jstSendBody()): LoadTarget => ({
    url: `${origin}/router/rest`,
    method: 'POST',
    headers,
    body,
  });

  const plain = await withServer(
    () => startPlainServer(18101),
    (server) => measureLoad(jstTarget(server.origin), pidOf(server.process)),
  );
  const mock = await withServer(
    () => startMockServerProcess(18102),
    async (server) => {
      const pid = pidOf(server.process);
      const success = await measureLoad(jstTarget(server.origin), pid);
      const badSignature = await measureLoad(jstTarget(server.origin, jstSendBody({ badSign: true })), pid);
      const tidBatch = await measureLoad(
        {
          url: `${server.origin}/gateway/taobao/jst/sms/tid/send`,
          method: 'POST',
          headers,
          body: tidSendBody(100),
        },
        pid,
      );
      return { success, badSignature, tidBatch };
    },
  );
  const prism = await withServer(
    () => startPrism(18103),
    (server) => measureLoad(jstTarget(server.origin), pidOf(server.process)),
  );

  const mockRps = mock.success.requestsPerSecond;
  return [
    {
      name: 'mock server: signed taobao.jst.sms.message.send',
      baseline: 'a bare node:http server answering a fixed body, same machine, same run',
      command: 'pnpm bench -- mock',
      rows: [
        row('limit: bare node:http, fixed body', plain, plain.requestsPerSecond),
        row(
          '@x/mock-server (parse, verify, validate, record, answer)',
          mock.success,
          plain.requestsPerSecond,
          {
            target: { atLeast: 0.35 },
          },
        ),
        row('Prism 5.14.2, same endpoint from OpenAPI', prism, plain.requestsPerSecond),
        {
          case: '@x/mock-server vs Prism',
          opsPerSecond: mockRps,
          ratio: mockRps / prism.requestsPerSecond,
          target: { atLeast: 10 },
        },
      ],
    },
    {
      name: 'mock server: batches and errors',
      baseline: '@x/mock-server answering the signed JST send (success)',
      command: 'pnpm bench -- mock',
      rows: [
        row('JST send (success)', mock.success, mockRps),
        row('TID batch, 100 items per request', mock.tidBatch, mockRps, {
          note: `${Math.round(mock.tidBatch.requestsPerSecond * 100).toLocaleString('en-US')} items/s`,
        }),
        row('error_response (bad signature)', mock.badSignature, mockRps),
        {
          case: 'success time / error time (errors must not be > 1.5× slower)',
          opsPerSecond: mock.badSignature.requestsPerSecond,
          ratio: mockRps / mock.badSignature.requestsPerSecond,
          target: { atMost: 1.5 },
        },
      ],
    },
  ];
}
