/**
 * Applies a transport effect to an answer: a delay, a dropped connection, a malformed body or a proxy's 5xx.
 *
 * Served by @hono/node-server (`c.env.incoming` / `c.env.outgoing`), a drop destroys the socket without a byte
 * of answer and the delay ends early when the client goes away. In-process (`app.request()`), where there is
 * no socket, a drop makes `app.request()` reject with a `MockConnectionDropped` error (`code` `ECONNRESET`):
 * what a `fetch` does when the connection closes; a delay waits, or ends when the request's signal aborts.
 */
import { STATUS_CODES } from 'node:http';
import type { Context } from 'hono';
import type { MockEnv } from '../../serve/mock-env.js';
import type { JournalVerdict } from '../../state/request-journal.js';
import type { TransportEffect } from '../pipeline/call/send-call.js';
import { respond } from './answer.js';

/** How @hono/node-server is told that the handler answered (here: closed) the connection itself. */
const alreadySentHeader = 'x-hono-already-sent';

/** Thrown in-process for a dropped connection, so `app.request()` rejects as a `fetch` would. */
export class ConnectionDroppedError extends Error {
  override readonly name = 'MockConnectionDropped' as const;
  /** What Node reports for a connection closed by the peer. */
  readonly code = 'ECONNRESET' as const;

  constructor(source: string) {
    super(`the mock dropped the connection (${source})`);
  }
}

export function isConnectionDropped(error: unknown): error is ConnectionDroppedError {
  return error instanceof ConnectionDroppedError;
}

/** The answer the protocol endpoint would give without the effect. */
export interface PlainAnswer {
  body: string;
  status: number;
  contentType: string;
  gzip: boolean;
}

export async function deliverWithEffect(
  c: Context<MockEnv>,
  effect: TransportEffect,
  answer: PlainAnswer,
): Promise<Response> {
  if (effect.delayMs !== undefined && effect.delayMs > 0) await waitForClient(c, effect.delayMs);
  const outgoing = c.env?.outgoing;
  if (outgoing !== undefined && (outgoing.destroyed || outgoing.socket?.destroyed === true)) {
    // The client went away while we waited: nothing left to answer.
    return alreadySent();
  }
  switch (effect.replace) {
    case undefined:
      return respond(answer.body, answer.status, answer.contentType, answer.gzip);
    case 'malformed-body':
      return respond(malformed(answer.body), answer.status, answer.contentType, answer.gzip);
    case 'proxy-error':
      return proxyError(effect.status ?? 502);
    case 'drop': {
      const socket = c.env?.incoming?.socket;
      if (socket === undefined || socket === null) throw new ConnectionDroppedError(effect.source);
      socket.destroy();
      return alreadySent();
    }
  }
}

/** The HTTP status the journal shows: 0 when there was no answer. */
export function effectHttpStatus(effect: TransportEffect, status: number): number {
  if (effect.replace === 'drop') return 0;
  if (effect.replace === 'proxy-error') return effect.status ?? 502;
  return status;
}

/** A journal note saying what the client got instead of (or besides) the answer. */
export function describeEffect(effect: TransportEffect): string {
  const delay = effect.delayMs ? `after ${effect.delayMs} ms, ` : '';
  const processed = effect.process === false ? 'nothing recorded' : 'the call was processed';
  switch (effect.replace) {
    case undefined:
      return `${effect.source}: answered after ${effect.delayMs ?? 0} ms`;
    case 'drop':
      return `${effect.source}: ${processed}, then ${delay}the connection was closed without an answer`;
    case 'malformed-body':
      return `${effect.source}: ${processed}, then ${delay}answered with the first half of the body`;
    case 'proxy-error':
      return `${effect.source}: ${processed}; ${delay}answered HTTP ${effect.status ?? 502} as a proxy in front would`;
  }
}

/** The journal verdict of a call that an effect stopped before processing (`process: false`). */
export function unprocessedVerdict(effect: TransportEffect): JournalVerdict {
  if (effect.replace === 'proxy-error') {
    const status = effect.status ?? 502;
    return {
      outcome: 'rejected',
      code: status,
      message: `HTTP ${status} from a proxy`,
      reason: `${effect.source}: a proxy in front answered ${status}; the platform never saw the request, nothing recorded`,
    };
  }
  return {
    outcome: 'rejected',
    code: 0,
    message: effect.replace === 'drop' ? 'connection dropped' : 'malformed answer',
    reason: `${effect.source}: ${describeEffect(effect)}`,
  };
}

function malformed(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** What nginx answers when the upstream fails. */
function proxyError(status: number): Response {
  const title = `${status} ${STATUS_CODES[status] ?? 'Server Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(html, { status, headers: { 'content-type': 'text/html', server: 'nginx' } });
}

function alreadySent(): Response {
  return new Response(null, { headers: { [alreadySentHeader]: 'true' } });
}

/** Waits `milliseconds`, or less if the client closes the connection (or aborts the in-process request). */
function waitForClient(c: Context<MockEnv>, milliseconds: number): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = c.env?.outgoing;
    const signal = outgoing === undefined ? c.req.raw.signal : undefined;
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      outgoing?.off('close', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    outgoing?.once('close', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
