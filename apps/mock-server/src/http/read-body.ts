/**
 * Reads a request body as bytes, never more than a limit.
 *
 * Under @hono/node-server the raw Node request is read directly: converting it into a web stream first costs
 * about 70 µs per request, most of the mock's budget (issue 7). In-process (`app.request()`), where there is
 * no Node request, the web body is read instead — with the same limit.
 *
 * A body larger than the limit is never buffered: a `Content-Length` above it is refused before reading
 * anything, and a chunked body is refused as soon as the running count passes it. What is left unread is
 * drained and discarded by @hono/node-server after the answer, so the client gets a clean answer instead of a
 * reset connection.
 */
import type { IncomingMessage } from 'node:http';

export type BodyReadResult =
  | { kind: 'empty' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-large'; limit: number }
  /** The client went away mid-body; nobody is left to answer. */
  | { kind: 'aborted' };

const empty: BodyReadResult = { kind: 'empty' };

/** From a raw Node request (the served path). */
export function readNodeBody(
  incoming: IncomingMessage,
  limit: number,
): Promise<BodyReadResult> | BodyReadResult {
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
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyReadResult) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onAbort);
      incoming.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        // Keep the stream flowing with no listener: the rest is discarded, not buffered.
        finish({ kind: 'too-large', limit });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (size === 0) finish(empty);
      else
        finish({
          kind: 'bytes',
          bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
        });
    };
    const onAbort = () => finish({ kind: 'aborted' });
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onAbort);
    incoming.on('aborted', onAbort);
  });
}

/** From a web Request (in-process tests and any non-Node runtime). */
export async function readWebBody(request: Request, limit: number): Promise<BodyReadResult> {
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
