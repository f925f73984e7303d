/**
 * The Node adapter: a `node:http` request listener over the protocol core. A request on a protocol path is
 * read straight from Node (method, path, query, the two headers the protocols read, the body within the
 * limit), answered by the core, and its answer written on the socket together with the turn's other answers
 * (answer-batch.ts). Every other path — the `/__mock` API, the inbox page — goes to the Hono app through
 * @hono/node-server's public listener.
 *
 * Skipping the web `Request`/`Response` on the protocol paths is what keeps the mock fast: building them costs
 * a URL parse, header copies and a stream per request, about as much as answering.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type Answer, type Delivery, internalErrorAnswer } from '../protocol/answer/answer.js';
import { findProtocolEndpoint, type ProtocolEndpoint } from '../protocol/protocol-endpoints.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { writeAnswer, writeAtTurnEnd } from './answer-batch.js';
import { readNodeBody } from './read-body.js';

/** Serves the protocol paths from `runtime`; hands every other request to `otherwise`. */
export function createNodeListener(runtime: MockRuntime, otherwise: RequestListener): RequestListener {
  return (incoming, outgoing) => {
    const url = incoming.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
    const endpoint = findProtocolEndpoint(rawPath.includes('%') ? decodedPath(rawPath) : rawPath);
    if (endpoint === undefined) {
      otherwise(incoming, outgoing);
      return;
    }
    const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
    serveProtocol(endpoint, query, incoming, outgoing, runtime).catch((error: unknown) => {
      // Never expected (every input has a documented answer): answered as the Hono app answers it.
      console.error('@x/mock-server: unexpected error', error);
      if (outgoing.headersSent) outgoing.destroy();
      else writeAnswer(outgoing, internalErrorAnswer(error));
    });
  };
}

async function serveProtocol(
  endpoint: ProtocolEndpoint,
  query: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  runtime: MockRuntime,
): Promise<void> {
  const receivedAt = runtime.clock.now();
  const answer = await endpoint.answer(
    {
      method: incoming.method ?? 'GET',
      path: endpoint.path,
      query,
      contentType: incoming.headers['content-type'] ?? null,
      acceptEncoding: headerText(incoming.headers['accept-encoding']),
      body: await readNodeBody(incoming, runtime.config.bodyLimitBytes),
      receivedAt,
    },
    runtime,
  );
  if (answer.delivery === undefined) writeAtTurnEnd(outgoing, answer);
  else await deliverWithEffect(answer, answer.delivery, incoming, outgoing, runtime);
}

/** A fault's or magic value's delivery: wait on the mock's clock (less if the client leaves), then answer or drop. */
async function deliverWithEffect(
  answer: Answer,
  { delayMs, drop }: Delivery,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  runtime: MockRuntime,
): Promise<void> {
  if (delayMs > 0) {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    outgoing.once('close', onClose);
    await runtime.clock.sleep(delayMs, gone.signal);
    outgoing.off('close', onClose);
  }
  // The client went away while we waited: nothing left to answer.
  if (outgoing.destroyed || incoming.socket?.destroyed === true) return;
  if (drop) {
    incoming.socket?.destroy();
    return;
  }
  writeAnswer(outgoing, answer);
}

/** What Hono's router matches a percent-encoded path as (`decodeURI`; a malformed escape stays as written). */
function decodedPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
