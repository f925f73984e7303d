/**
 * @module Client overhead: `jst.send()` — validate, encode, sign, POST through ky (used as ky is meant to be:
 * its timeout, its fetch, its errors), parse with zod — against a hand-written `fetch` POST of an equally
 * signed body, both calling the same bare node:http server on the other core, one call at a time.
 * Target: ≤ 1.5× the plain fetch time per call.
 *
 * Where the extra time goes (a CPU profile with a stub fetch, Node 24): a little more than half is ky's own
 * per-request work — building its Request, merging options, and cancelling the already-sent request body in
 * its `finally` (which raises and swallows an error each call) — and the rest ours: zod validation of the
 * request and the answer, compact JSON encoding, signing and reading the TOP envelope.
 */
import { formatTopTimestamp, signTop } from '@x/signing';
import { createJstClient } from '@x/taobao-jst';
import { loadCore, pidOf, pinThisProcess, stopProcess } from './process-tools.js';
import type { BenchmarkReport } from './report.js';
import { timeSequentialCalls } from './sequential-timing.js';
import { startPlainServer } from './servers/server-processes.js';
import { formContentType, mockDefaults } from './servers/signed-requests.js';
import { median } from './statistics.js';

const request = {
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: '13800138000',
  params: { content: '您好! 您的订单已发货' },
};

export async function runClientOverheadBench(): Promise<BenchmarkReport> {
  const server = await startPlainServer(18111);
  void pidOf(server.process);
  // The client runs here: on the other core than the server, as autocannon does for the server benchmarks.
  const unpin = pinThisProcess(loadCore);
  try {
    const endpoint = `${server.origin}/router/rest`;
    const jst = createJstClient({
      appKey: mockDefaults.topAppKey,
      appSecret: mockDefaults.topSecret,
      session: mockDefaults.topSession,
      baseUrl: endpoint,
      signMethod: 'md5',
    });

    // The hand-written baseline does the minimum a correct caller must: sign fresh params, POST, read JSON.
    const handWritten = async () => {
      const params: Record<string, string> = {
        method: 'taobao.jst.sms.message.send',
        app_key: mockDefaults.topAppKey,
        session: mockDefaults.topSession,
        timestamp: formatTopTimestamp(new Date()),
        v: '2.0',
        format: 'json',
        sign_method: 'md5',
        send_message_request: JSON.stringify({ ...request, params: JSON.stringify(request.params) }),
      };
      params.sign = signTop(params, mockDefaults.topSecret, 'md5');
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': formContentType },
        body: new URLSearchParams(params).toString(),
      });
      return response.json();
    };

    const sample = await jst.send(request);
    if (!sample.ok) throw new Error('the fixed success body did not parse as a success');
    const timings = await timeSequentialCalls(
      { handWritten, client: () => jst.send(request) },
      { rounds: 101, callsPerRound: 20 },
    );
    const handWrittenRounds = timings.handWritten ?? [];
    const clientRounds = timings.client ?? [];
    // Each round's client time over the hand-written time measured just before it: drift cancels out.
    const ratios = clientRounds.map((client, round) => client / (handWrittenRounds[round] ?? Number.NaN));
    const ratio = median(ratios);
    const baseline = median(handWrittenRounds);
    const client = median(clientRounds);
    const spread = `rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    return {
      name: 'client overhead: jst.send() vs a hand-written fetch POST',
      baseline: 'a hand-written fetch POST of an equally signed body (time per call, lower is better)',
      command: 'pnpm bench -- client',
      rows: [
        {
          case: 'hand-written fetch + signTop',
          opsPerSecond: 1e6 / baseline,
          ratio: 1,
          note: `${baseline.toFixed(0)} µs/call`,
        },
        {
          case: 'jst.send() (validate, encode, sign, ky, zod)',
          opsPerSecond: 1e6 / client,
          ratio,
          target: { atMost: 1.5 },
          note: `${client.toFixed(0)} µs/call; ratio is time per call, median of ${ratios.length} rounds (${spread})`,
        },
      ],
    };
  } finally {
    unpin();
    await stopProcess(server.process);
  }
}
