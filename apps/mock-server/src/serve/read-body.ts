/**
 * Reads a request body as bytes, never more than a limit: the adapters' half of building a `ProtocolRequest`.
 *
 * The Node listener reads the raw Node request directly: converting it into a web stream first costs about
 * 70 µs per request, most of the mock's budget. The Hono app (`app.request()`, or embedded in a user's app)
 * reads the web body instead — with the same limit.
 *
 * A body larger than the limit is never buffered: a `Content-Length` above it is refused before reading
 * anything, and a chunked body is refused as soon as the running count passes it. What is left unread is
 * drained and discarded by Node after the answer, so the client gets a clean answer instead of a
 * reset connection.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestBody } from '../protocol/request/request-body.js';

const empty: RequestBody = { kind: 'empty' };

/** From a raw Node request (the Node listener). Ready at once when there is no body to wait for. */
export function readNodeBody(incoming: IncomingMessage, limit: number): Promise<RequestBody> | RequestBody {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    if (length === 0) return empty;
    if (length > limit) return { kind: 'too-large', limit };
  } else if (incoming.headers['transfer-encoding'] === undefined) {
    // No length and not chunked: HTTP/1.1 says there is no body.
    return empty;
  }
  if (incoming.readableEnded) return empty;
  const state = new NodeBodyState(limit);
  (incoming as IncomingWithBody)[bodyState] = state;
  // Listeners are module functions reading their state from the request (`this`): nothing is allocated per
  // listener. `close` before `end` means the client went away; an `error` without listeners is not thrown
  // by an IncomingMessage, and is always followed by `close`.
  incoming.on('data', onBodyData);
  incoming.on('end', onBodyEnd);
  incoming.on('close', onBodyClose);
  const promise = new Promise<RequestBody>(captureResolve);
  state.resolve = capturedResolve;
  capturedResolve = undefined;
  return promise;
}

const bodyState = Symbol('bodyState');
type IncomingWithBody = IncomingMessage & { [bodyState]?: NodeBodyState };

class NodeBodyState {
  readonly limit: number;
  readonly chunks: Buffer[] = [];
  size = 0;
  /** Set once the promise is resolved: later events change nothing. */
  settled = false;
  resolve: ((result: RequestBody) => void) | undefined = undefined;

  constructor(limit: number) {
    this.limit = limit;
  }

  settle(result: RequestBody): void {
    if (this.settled) return;
    this.settled = true;
    this.chunks.length = 0;
    this.resolve?.(result);
  }
}

/** A promise executor runs synchronously: it hands `resolve` over through this variable, without a closure. */
let capturedResolve: ((result: RequestBody) => void) | undefined;
function captureResolve(resolve: (result: RequestBody) => void): void {
  capturedResolve = resolve;
}

function onBodyData(this: IncomingWithBody, chunk: Buffer): void {
  const state = this[bodyState];
  if (state === undefined || state.settled) return; // past the limit: the rest is discarded, not buffered
  state.size += chunk.length;
  if (state.size > state.limit) {
    state.settle({ kind: 'too-large', limit: state.limit });
    return;
  }
  state.chunks.push(chunk);
}

function onBodyEnd(this: IncomingWithBody): void {
  const state = this[bodyState];
  if (state === undefined || state.settled) return;
  const { chunks, size } = state;
  if (size === 0) {
    state.settle(empty);
    return;
  }
  state.settle({
    kind: 'bytes',
    bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
  });
}

function onBodyClose(this: IncomingWithBody): void {
  this[bodyState]?.settle({ kind: 'aborted' });
}

/** From a web Request (the Hono app). */
export async function readWebBody(request: Request, limit: number): Promise<RequestBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { kind: 'too-large', limit };
  if (request.body === null) return empty;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return { kind: 'too-large', limit };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: 'aborted' };
  }
  if (size === 0) return empty;
  if (chunks.length === 1) return { kind: 'bytes', bytes: chunks[0] as Uint8Array };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'bytes', bytes };
}
