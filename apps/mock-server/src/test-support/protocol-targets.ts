/**
 * The two adapters as test targets: the Hono app (`app.request()`) and the Node listener over loopback (raw
 * HTTP/1.1, so nothing between the test and the socket decodes or adds anything). Both send the same wire
 * request and return what matters of the answer — status, the headers clients read, the body with its random
 * ids replaced — so a test can require the two to agree byte for byte.
 */
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { FaultInput } from '../protocol/pipeline/faults/fault-schema.js';
import type { MockInspector } from '../protocol/runtime/mock-inspector.js';
import { createMockApp, type MockApp } from '../serve/create-mock-app.js';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';
import { createManualClock } from '../state/clock.js';
import { stableBody } from './mock-control.js';
import { fixedNow } from './signed-requests.js';

/** A request as it goes on the wire. `target` is the path and query. */
export interface WireRequest {
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What a client sees: the answer's parts that matter, or a connection closed without an answer. */
export type WireAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'dropped' };

/** The headers clients read; the Node listener adds `date`, `connection` and `content-length` besides. */
const relevantHeaders = ['content-type', 'content-encoding', 'vary', 'allow', 'server'] as const;

export interface ProtocolTarget {
  readonly name: 'in-process' | 'loopback';
  readonly mock: MockInspector;
  send(request: WireRequest): Promise<WireAnswer>;
  /** Several requests: one after the other in-process, pipelined on one connection over loopback. */
  sendAll(requests: readonly WireRequest[]): Promise<WireAnswer[]>;
  /** A control call (`/__mock/...`), JSON in and out. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function createTargets(): Promise<[ProtocolTarget, ProtocolTarget]> {
  const app = createMockApp({ clock: createManualClock(fixedNow) });
  const server = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
  return [inProcessTarget(app), loopbackTarget(server)];
}

/** Queues `faults` on a target (they then apply to its next calls). */
export async function addFaults(target: ProtocolTarget, faults: FaultInput[]): Promise<void> {
  await target.control('POST', '/__mock/faults', faults);
}

function inProcessTarget(app: MockApp): ProtocolTarget {
  const send = async (request: WireRequest): Promise<WireAnswer> => {
    try {
      const init: RequestInit = { method: request.method, headers: request.headers ?? {} };
      if (request.body !== undefined) init.body = request.body as NonNullable<RequestInit['body']>;
      const response = await app.request(request.target, init);
      const headers: Record<string, string> = {};
      for (const name of relevantHeaders) {
        const value = response.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return answerOf(response.status, headers, Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      if ((error as { code?: string }).code === 'ECONNRESET') return { kind: 'dropped' };
      throw error;
    }
  };
  return {
    name: 'in-process',
    mock: app.mock,
    send,
    async sendAll(requests) {
      const answers: WireAnswer[] = [];
      for (const request of requests) answers.push(await send(request));
      return answers;
    },
    async control(method, path, body) {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
      if (body !== undefined) init.body = JSON.stringify(body);
      return (await app.request(path, init)).json();
    },
    async close() {},
  };
}

function loopbackTarget(server: RunningMockServer): ProtocolTarget {
  const sendAll = async (requests: readonly WireRequest[]): Promise<WireAnswer[]> => {
    const { hostname, port } = new URL(server.url);
    const bytes = Buffer.concat(
      requests.map((request, index) => wireBytes(request, index === requests.length - 1)),
    );
    const received = await new Promise<Buffer>((resolve, reject) => {
      // Not half-closed: a client that ends its side has gone away, as far as a waiting answer is concerned.
      const socket = connect(Number(port), hostname, () => socket.write(bytes));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks)));
      socket.on('error', (error: NodeJS.ErrnoException) => {
        // A dropped connection: what arrived before it (nothing, for a drop) is all there is.
        if (error.code === 'ECONNRESET') return;
        reject(error);
      });
    });
    const answers = parseAnswers(received);
    while (answers.length < requests.length) answers.push({ kind: 'dropped' });
    return answers;
  };
  return {
    name: 'loopback',
    mock: server.app.mock,
    async send(request) {
      return (await sendAll([request]))[0] as WireAnswer;
    },
    sendAll,
    async control(method, path, body) {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
      if (body !== undefined) init.body = JSON.stringify(body);
      return (await fetch(`${server.url}${path}`, init)).json();
    },
    close: () => server.close(),
  };
}

function wireBytes(request: WireRequest, last: boolean): Buffer {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const lines = [`${request.method} ${request.target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`${name}: ${value}`);
  if (request.body !== undefined && request.headers?.['content-length'] === undefined) {
    lines.push(`Content-Length: ${body.byteLength}`);
  }
  if (last) lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** HTTP/1.1 answers one after the other, each framed by `Content-Length` or chunked. */
function parseAnswers(data: Buffer): WireAnswer[] {
  const answers: WireAnswer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', offset);
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const all: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      all[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let bodyStart = headEnd + 4;
    let body: Buffer;
    if (all['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf('\r\n', bodyStart);
        const size = Number.parseInt(data.subarray(bodyStart, lineEnd).toString('latin1'), 16);
        bodyStart = lineEnd + 2;
        if (!size) break;
        parts.push(data.subarray(bodyStart, bodyStart + size));
        bodyStart += size + 2;
      }
      body = Buffer.concat(parts);
      offset = bodyStart + 2;
    } else {
      const length = Number(all['content-length'] ?? 0);
      body = data.subarray(bodyStart, bodyStart + length);
      offset = bodyStart + length;
    }
    const headers: Record<string, string> = {};
    for (const name of relevantHeaders) if (all[name] !== undefined) headers[name] = all[name];
    answers.push(answerOf(Number(statusLine.split(' ')[1]), headers, body));
  }
  return answers;
}

function answerOf(status: number, headers: Record<string, string>, raw: Buffer): WireAnswer {
  const text = (headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  // The XML receipt (`module`) is random too (stableBody replaces its JSON form), and so is an id cut in half
  // by a malformed-body fault.
  const body = stableBody(text)
    .replace(/<module>\d{18}\^0<\/module>/g, '<module><receipt></module>')
    .replace(/("(?:message_id|request_id|trace_id)":")[0-9a-z-]+$/, '$1<part of an id>');
  return { kind: 'answer', status, headers, body };
}
