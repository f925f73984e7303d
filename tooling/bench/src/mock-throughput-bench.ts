/**
 * @module Mock-server throughput: a signed `taobao.jst.sms.message.send` over the full
 * path against a bare node:http server (the limit) and Prism 5.14.2 (what users would reach for), then a
 * 100-item TID batch and an `error_response`, all driven by autocannon on the other core in one run.
 *
 * The three servers run side by side (idle ones cost nothing) and are loaded in turn, round after round: a
 * shared 2-core machine drifts by up to 2× within minutes, so a ratio is taken within each round — figures
 * measured seconds apart — and the median round is reported, with the spread in the note.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAnswer, type LoadResult, type LoadTarget, measureLoad } from './load.js';
import { pidOf, stopProcess } from './process-tools.js';
import type { BenchmarkReport, BenchmarkRow } from './report.js';
import {
  type RunningServer,
  startAll,
  startMockServerProcess,
  startPlainServer,
  startPrism,
} from './servers/server-processes.js';
import { formContentType, jstSendBody, tidSendBody } from './servers/signed-requests.js';
import { median } from './statistics.js';

const rounds = 5;
const secondsPerRun = 3;
/**
 * Before its first round each contender is loaded this long, unmeasured. A saturated server core starves
 * V8's background compiler: at the mock's request rate, Node's own HTTP code was still being optimised
 * 10 s in (`--trace-opt`), and its throughput rose for ~15 s.
 */
const warmupSeconds = 12;

const headers = { 'content-type': formContentType };

/** One thing loaded in every round: which server, what request (built fresh: timestamps age), what answer. */
interface Contender {
  server: RunningServer;
  target: () => LoadTarget;
  expected: { description: string; matches: (status: number, body: string) => boolean };
}

const jstTarget = (origin: string, options: { badSign?: boolean } = {}): LoadTarget => ({
  url: `${origin}/router/rest`,
  method: 'POST',
  headers,
  body: jstSendBody(options),
});

const jstSuccess = {
  description: 'a JST success (request_success: true)',
  matches: (status: number, body: string) => status === 200 && body.includes('"request_success":true'),
};

/**
 * A config file that turns the per-send TMC receipt off: the same mock loaded beside the default one shows
 * what the receipt costs in every run.
 */
function receiptsOffConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'x-bench-')), 'receipts-off.json');
  writeFileSync(file, JSON.stringify({ tmc: { receipts: false } }));
  return file;
}

/** Each contender's result in each round, in round order. */
type RoundResults<Key extends string> = Record<Key, LoadResult[]>;

async function runRounds<Key extends string>(contenders: Record<Key, Contender>): Promise<RoundResults<Key>> {
  const keys = Object.keys(contenders) as Key[];
  const results = Object.fromEntries(keys.map((key) => [key, [] as LoadResult[]])) as RoundResults<Key>;
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) {
      const contender = contenders[key];
      const target = contender.target();
      await expectAnswer(target, contender.expected);
      results[key].push(
        await measureLoad(target, pidOf(contender.server.process), {
          durationSeconds: secondsPerRun,
          warmupSeconds: round === 0 ? warmupSeconds : 0,
        }),
      );
    }
  }
  return results;
}

/** The round whose ratio is the median one: its figures are shown, the spread of all rounds in the note. */
function medianRound(ratios: readonly number[]): number {
  const middle = median(ratios);
  return ratios.indexOf(middle);
}

function spread(ratios: readonly number[]): string {
  return `rounds ${ratios.map((ratio) => ratio.toFixed(2)).join(' / ')}`;
}

function row(
  label: string,
  result: LoadResult,
  ratio: number,
  extra: Partial<BenchmarkRow> = {},
): BenchmarkRow {
  const failures = result.non2xx + result.errors;
  const failureNote = failures > 0 ? `${failures} non-2xx/errors of ${result.requests}` : undefined;
  const note = [extra.note, failureNote].filter(Boolean).join('; ');
  return {
    case: label,
    opsPerSecond: result.requestsPerSecond,
    ratio,
    latencyP50Milliseconds: result.latencyP50Milliseconds,
    latencyP99Milliseconds: result.latencyP99Milliseconds,
    serverCpuMicrosecondsPerRequest: result.serverCpuMicrosecondsPerRequest,
    ...extra,
    ...(note ? { note } : {}),
  };
}

export async function runMockThroughputBench(): Promise<BenchmarkReport[]> {
  const servers = await startAll([
    startPlainServer(18101),
    startMockServerProcess(18102),
    startPrism(18103),
    startMockServerProcess(18104, [], ['--config', receiptsOffConfig()]),
  ]);
  const [plain, mock, prism, mockWithoutReceipts] = servers;
  try {
    const results = await runRounds({
      plain: { server: plain, target: () => jstTarget(plain.origin), expected: jstSuccess },
      mock: { server: mock, target: () => jstTarget(mock.origin), expected: jstSuccess },
      prism: { server: prism, target: () => jstTarget(prism.origin), expected: jstSuccess },
      withoutReceipts: {
        server: mockWithoutReceipts,
        target: () => jstTarget(mockWithoutReceipts.origin),
        expected: jstSuccess,
      },
      badSignature: {
        server: mock,
        target: () => jstTarget(mock.origin, { badSign: true }),
        expected: {
          description: 'error_response code 25 (invalid signature)',
          matches: (status, body) => status === 200 && body.includes('"error_response":{"code":25,'),
        },
      },
      tidBatch: {
        server: mock,
        target: () => ({
          url: `${mock.origin}/gateway/taobao/jst/sms/tid/send`,
          method: 'POST',
          headers,
          body: tidSendBody(100),
        }),
        expected: {
          description: 'a gateway success (code 0) for all 100 items',
          matches: (status, body) =>
            status === 200 && body.startsWith('{"code":0,') && !body.includes('"success":false'),
        },
      },
    });
    return reportRounds(results);
  } finally {
    await Promise.all(servers.map((server) => stopProcess(server.process)));
  }
}

function reportRounds(
  results: RoundResults<'plain' | 'mock' | 'prism' | 'withoutReceipts' | 'badSignature' | 'tidBatch'>,
): BenchmarkReport[] {
  const rps = (key: keyof typeof results, round: number) =>
    results[key][round]?.requestsPerSecond ?? Number.NaN;
  const indices = results.plain.map((_, round) => round);
  const mockVsPlain = indices.map((round) => rps('mock', round) / rps('plain', round));
  const mockVsPrism = indices.map((round) => rps('mock', round) / rps('prism', round));
  const prismVsPlain = indices.map((round) => rps('prism', round) / rps('plain', round));
  const withoutReceiptsVsPlain = indices.map((round) => rps('withoutReceipts', round) / rps('plain', round));
  const successOverError = indices.map((round) => rps('mock', round) / rps('badSignature', round));
  const tidVsSuccess = indices.map((round) => rps('tidBatch', round) / rps('mock', round));

  /** Per round: `over`'s CPU per request divided by `under`'s, i.e. how many of `under`'s requests fit in one of `over`'s. */
  const cpuRatio = (over: keyof typeof results, under: keyof typeof results) =>
    indices.map(
      (round) =>
        (results[over][round]?.serverCpuMicrosecondsPerRequest ?? Number.NaN) /
        (results[under][round]?.serverCpuMicrosecondsPerRequest ?? Number.NaN),
    );
  const plainRound = medianRound(mockVsPlain);
  const plainResult = results.plain[plainRound] as LoadResult;
  const mockResult = results.mock[plainRound] as LoadResult;
  const prismRound = medianRound(prismVsPlain);
  const errorRound = medianRound(successOverError);
  const tidRound = medianRound(tidVsSuccess);
  const tidResult = results.tidBatch[tidRound] as LoadResult;

  return [
    {
      name: 'mock server: signed taobao.jst.sms.message.send',
      baseline: `a bare node:http server answering a fixed body; ${rounds} interleaved rounds of ${secondsPerRun} s, median round`,
      command: 'pnpm bench -- mock',
      rows: [
        row('limit: bare node:http, fixed body', plainResult, 1),
        row('@x/mock-server (parse, verify, validate, record, answer)', mockResult, median(mockVsPlain), {
          target: { atLeast: 0.5 },
          note: spread(mockVsPlain),
        }),
        row(
          '@x/mock-server with tmc.receipts: false (no TMC receipt per send)',
          results.withoutReceipts[medianRound(withoutReceiptsVsPlain)] as LoadResult,
          median(withoutReceiptsVsPlain),
          { note: spread(withoutReceiptsVsPlain) },
        ),
        row(
          'Prism 5.14.2, same endpoint from OpenAPI',
          results.prism[prismRound] as LoadResult,
          median(prismVsPlain),
          {
            note: spread(prismVsPlain),
          },
        ),
        {
          // The same comparison by server CPU per request: what the req/s ratio would be on a core of its own
          // for each, and less moved by the load generator than req/s.
          case: '@x/mock-server vs bare node:http, by server CPU per request',
          opsPerSecond: mockResult.requestsPerSecond,
          ratio: median(cpuRatio('plain', 'mock')),
          note: spread(cpuRatio('plain', 'mock')),
        },
        {
          case: '@x/mock-server vs Prism, by server CPU per request',
          opsPerSecond: mockResult.requestsPerSecond,
          ratio: median(cpuRatio('prism', 'mock')),
          note: spread(cpuRatio('prism', 'mock')),
        },
        {
          case: '@x/mock-server vs Prism',
          opsPerSecond: rps('mock', medianRound(mockVsPrism)),
          ratio: median(mockVsPrism),
          target: { atLeast: 10 },
          note: spread(mockVsPrism),
        },
      ],
    },
    {
      name: 'mock server: batches and errors',
      baseline: '@x/mock-server answering the signed JST send (success), same round',
      command: 'pnpm bench -- mock',
      rows: [
        row('JST send (success)', mockResult, 1),
        row('TID batch, 100 items per request', tidResult, median(tidVsSuccess), {
          note: `${Math.round(tidResult.requestsPerSecond * 100).toLocaleString('en-US')} items/s; ${spread(tidVsSuccess)}`,
        }),
        row(
          'error_response (bad signature)',
          results.badSignature[errorRound] as LoadResult,
          1 / median(successOverError),
        ),
        {
          case: 'success time / error time (errors must not be > 1.5× slower)',
          opsPerSecond: rps('badSignature', errorRound),
          ratio: median(successOverError),
          target: { atMost: 1.5 },
          note: spread(successOverError),
        },
      ],
    },
  ];
}
