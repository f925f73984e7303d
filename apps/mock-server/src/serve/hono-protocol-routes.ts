/**
 * The Hono adapter: the protocol core's paths as Hono routes, with Hono's public API only. The web `Request`
 * becomes a `ProtocolRequest`, the core's `Answer` a web `Response`. This is what `app.request()` runs in
 * tests and what a user's own Hono app runs when it mounts the mock.
 *
 * In-process there is no socket: a delay waits on the mock's clock (or ends when the request's signal
 * aborts), and a dropped connection makes `app.request()` reject with a `MockConnectionDropped` error (`code`
 * `ECONNRESET`), what a `fetch` does when the connection closes.
 */
import type { Hono } from 'hono';
import { type Answer, ConnectionDroppedError } from '../protocol/answer/answer.js';
import { protocolEndpoints } from '../protocol/protocol-endpoints.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { readWebBody } from './read-body.js';

/** Adds one route per protocol path (every method: a wrong method gets the protocol's own 405). */
export function addProtocolRoutes(app: Hono, runtime: MockRuntime): void {
  for (const endpoint of protocolEndpoints) {
    app.all(endpoint.path, async (c) => {
      const request = c.req.raw;
      const receivedAt = runtime.clock.now();
      const queryStart = request.url.indexOf('?');
      const answer = await endpoint.answer(
        {
          method: request.method,
          path: endpoint.path,
          query: queryStart === -1 ? '' : request.url.slice(queryStart + 1),
          contentType: request.headers.get('content-type'),
          acceptEncoding: request.headers.get('accept-encoding'),
          body: await readWebBody(request, runtime.config.bodyLimitBytes),
          receivedAt,
        },
        runtime,
      );
      return responseOf(answer, runtime, request.signal);
    });
  }
}

async function responseOf(answer: Answer, runtime: MockRuntime, signal: AbortSignal): Promise<Response> {
  const { delivery } = answer;
  if (delivery !== undefined) {
    if (delivery.delayMs > 0) await runtime.clock.sleep(delivery.delayMs, signal);
    // The caller gave up while we waited: its fetch has rejected already; so does this.
    signal.throwIfAborted();
    if (delivery.drop) throw new ConnectionDroppedError(delivery.source);
  }
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
