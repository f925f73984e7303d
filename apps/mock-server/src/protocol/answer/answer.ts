/**
 * What the protocol core answers, free of any framework: status, headers and body, plus what a fault or a
 * magic value asks of the transport (wait first, or close the connection instead of answering). The adapters
 * turn it into a web `Response` (the Hono app) or write it on the socket (the Node listener).
 */
import { gzipSync } from 'node:zlib';

/** How the answer reaches the client, when a fault or a magic value changes that. */
export interface Delivery {
  /** Wait this long on the mock's clock first (real time, or until the clock is moved past it). */
  readonly delayMs: number;
  /** Close the connection without a byte of answer (in-process, `app.request()` rejects instead). */
  readonly drop: boolean;
  /** Where it came from: `magic value 19900000901`, `fault 3`. */
  readonly source: string;
}

export interface Answer {
  readonly status: number;
  /** Lower-case names. Built for this one answer: an adapter may add to it (`content-length`). */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | null;
  /** Absent for the usual answer: sent at once. */
  readonly delivery?: Delivery;
}

/** A platform answer: JSON or XML text, gzipped only when the request accepts it. */
export function platformAnswer(body: string, status: number, contentType: string, gzip: boolean): Answer {
  return gzip
    ? {
        status,
        headers: { 'content-type': contentType, 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
        body: gzipSync(body),
      }
    : { status, headers: { 'content-type': contentType, vary: 'Accept-Encoding' }, body };
}

/** An answer without a body: a 405 with its `allow`, a 400 for a body the client never finished. */
export function bareAnswer(status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers, body: null };
}

/**
 * Never expected: every input has a documented answer, so an exception is a bug of the mock's. Both adapters
 * answer it the same way (and log it loudly).
 */
export function internalErrorAnswer(error: unknown): Answer {
  return {
    status: 500,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: 'internal error in the mock server', message: String(error) }),
  };
}

/** Thrown in-process for a dropped connection, so `app.request()` rejects as a `fetch` would. */
export class ConnectionDroppedError extends Error {
  override readonly name = 'MockConnectionDropped' as const;
  /** What Node reports for a connection closed by the peer. */
  readonly code = 'ECONNRESET' as const;

  constructor(source: string) {
    super(`the mock dropped the connection (${source})`);
  }
}
