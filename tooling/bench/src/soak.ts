/**
 * @module `pnpm soak` (not in CI): the mock server at full load for 60 s (SOAK_SECONDS to change) with 10% bad
 * requests mixed in. Passes only if there was no transport error, every answer was one of the documented
 * shapes, the mock recorded exactly the messages it accepted, and its memory stayed flat. Loopback only,
 * bounded in time; the server runs on its own core.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { stopProcess } from './process-tools.js';
import { startMockServerProcess } from './servers/server-processes.js';
import { formContentType, jstSendBody, tidSendBody } from './servers/signed-requests.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const workers = Number(process.env.SOAK_WORKERS ?? 32);
const badShare = 0.1;
const xmlErrorPattern =
  /^<\?xml version="1\.0" encoding="utf-8" \?><error_response><code>\d+<\/code><msg>[^<]+<\/msg>(?:<sub_code>[^<]*<\/sub_code><sub_msg>[^<]*<\/sub_msg>)?<request_id>[0-9a-z]{12,13}<\/request_id><\/error_response>$/;

interface Tally {
  requests: number;
  accepted: number;
  rejected: number;
  transportErrors: number;
  malformed: string[];
}

type Kind = 'jst' | 'tid' | 'bad-sign' | 'bad-json' | 'no-method' | 'wrong-content-type';

function residentMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * The load generator: node:http over keep-alive sockets, one per worker. `fetch` costs the client several
 * times the mock's own time per request (a soak driven by it ran the mock at a fifth of one core).
 */
const agent = new Agent({ keepAlive: true, maxSockets: workers });

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function pickKind(): Kind {
  if (Math.random() >= badShare) return Math.random() < 0.8 ? 'jst' : 'tid';
  const bad: Kind[] = ['bad-sign', 'bad-json', 'no-method', 'wrong-content-type'];
  return bad[Math.floor(Math.random() * bad.length)] as Kind;
}

/** The request for a kind; bodies are re-signed every few seconds so timestamps stay inside the window. */
function requestFor(kind: Kind, origin: string, bodies: { jst: string; tid: string; badSign: string }) {
  const top = `${origin}/router/rest`;
  const form = { 'content-type': formContentType };
  switch (kind) {
    case 'jst':
      return { url: top, headers: form, body: bodies.jst };
    case 'tid':
      return { url: `${origin}/gateway/taobao/jst/sms/tid/send`, headers: form, body: bodies.tid };
    case 'bad-sign':
      return { url: top, headers: form, body: bodies.badSign };
    case 'bad-json':
      return {
        url: top,
        headers: form,
        body: bodies.jst.replace('send_message_request=%7B', 'send_message_request=%7B%7B'),
      };
    case 'no-method':
      return { url: top, headers: form, body: bodies.jst.replace(/(^|&)method=[^&]*/, '') };
    case 'wrong-content-type':
      return { url: top, headers: { 'content-type': 'application/octet-stream' }, body: bodies.jst };
  }
}

/** Counts what an answer accepted; records a description when it is not a documented shape. */
function check(kind: Kind, status: number, text: string, tally: Tally): void {
  const fail = (why: string) => {
    if (tally.malformed.length < 20) tally.malformed.push(`${kind}: ${why}: ${text.slice(0, 160)}`);
  };
  if (status !== 200) {
    fail(`HTTP ${status}`);
    return;
  }
  if (text.startsWith('<?xml')) {
    // A body the mock cannot read (wrong content type) loses `format` too: the TOP default, XML, answers.
    if (kind === 'wrong-content-type' && xmlErrorPattern.test(text)) {
      tally.rejected++;
      return;
    }
    fail('unexpected XML');
    return;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    fail('not JSON');
    return;
  }
  if (kind === 'tid') {
    if (typeof body.code !== 'number' || typeof body.trace_id !== 'string') {
      fail('not a gateway envelope');
      return;
    }
    if (body.code !== 0 || !Array.isArray(body.data)) {
      fail('batch refused');
      return;
    }
    for (const item of body.data as { code?: unknown }[]) {
      if (item.code === 0) tally.accepted++;
      else tally.rejected++;
    }
    return;
  }
  const success = body.jst_sms_message_send_response as { request_success?: unknown } | undefined;
  const error = body.error_response as { code?: unknown; msg?: unknown; request_id?: unknown } | undefined;
  if (kind === 'jst') {
    if (success?.request_success !== true) {
      fail('a valid send was not accepted');
      return;
    }
    tally.accepted++;
    return;
  }
  if (
    !error ||
    typeof error.code !== 'number' ||
    typeof error.msg !== 'string' ||
    typeof error.request_id !== 'string'
  ) {
    fail('a bad request did not get an error_response');
    return;
  }
  tally.rejected++;
}

async function main(): Promise<void> {
  const server = await startMockServerProcess(18141);
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('mock server has no pid');
  const tally: Tally = { requests: 0, accepted: 0, rejected: 0, transportErrors: 0, malformed: [] };
  const memory: number[] = [];
  const bodies = { jst: jstSendBody(), tid: tidSendBody(10), badSign: jstSendBody({ badSign: true }) };
  const resign = setInterval(() => {
    bodies.jst = jstSendBody();
    bodies.tid = tidSendBody(10);
    bodies.badSign = jstSendBody({ badSign: true });
  }, 5000);
  const sampler = setInterval(() => memory.push(residentMegabytes(pid)), 5000);
  const deadline = Date.now() + seconds * 1000;
  try {
    const worker = async () => {
      while (Date.now() < deadline) {
        const kind = pickKind();
        const request = requestFor(kind, server.origin, bodies);
        tally.requests++;
        try {
          const response = await post(request.url, request.headers, request.body);
          check(kind, response.status, response.text, tally);
        } catch (error) {
          tally.transportErrors++;
          if (tally.malformed.length < 20) tally.malformed.push(`${kind}: transport error ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    agent.destroy();
    await delay(100);
    const health = (await (await fetch(`${server.origin}/__mock/health`)).json()) as {
      messages: { recorded: number };
    };

    // Memory: the first sample after the buffers filled (10 s in) against the last; short runs use every sample.
    const settled = memory.length > 3 ? memory.slice(2) : memory;
    const first = settled[0] ?? Number.NaN;
    const last = settled.at(-1) ?? Number.NaN;
    const growth = last / first;
    const problems: string[] = [];
    if (tally.transportErrors > 0) problems.push(`${tally.transportErrors} transport errors`);
    if (tally.malformed.length > 0)
      problems.push(`${tally.malformed.length}+ answers not in a documented shape`);
    if (health.messages.recorded !== tally.accepted) {
      problems.push(`inbox recorded ${health.messages.recorded}, answers accepted ${tally.accepted}`);
    }
    if (!(growth < 1.1))
      problems.push(
        `memory grew ${((growth - 1) * 100).toFixed(1)}% (${first.toFixed(0)} → ${last.toFixed(0)} MB)`,
      );

    console.log(`soak: ${seconds} s, ${workers} workers, ${tally.requests.toLocaleString('en-US')} requests`);
    console.log(
      `  accepted messages ${tally.accepted}, rejected ${tally.rejected}, inbox recorded ${health.messages.recorded}`,
    );
    console.log(`  RSS samples (MB, every 5 s): ${memory.map((value) => value.toFixed(0)).join(' ')}`);
    for (const line of tally.malformed) console.log(`  ! ${line}`);
    if (problems.length > 0) {
      console.error(`soak FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log(
        'soak passed: no transport error, every answer well-formed, inbox = accepted sends, memory flat',
      );
    }
  } finally {
    clearInterval(resign);
    clearInterval(sampler);
    await stopProcess(server.process);
  }
}

await main();
