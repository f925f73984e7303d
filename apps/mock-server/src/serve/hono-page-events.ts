/**
 * The inbox page's live feed over Hono: a `streamSSE` response that writes the events of one page's
 * subscription (ui/page-events.ts) as they come, and leaves the feed when the client goes away.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { subscribePageEvents } from '../ui/page-events.js';
import type { MockEnv } from './mock-env.js';

/** The page's event stream for this request: its filters, `Last-Event-ID` (or `after=`) and `receipts=`. */
export function streamPageEvents(c: Context<MockEnv>, runtime: MockRuntime): Response {
  return streamSSE(c, async (stream) => {
    // Subscribed inside the callback, which streamSSE runs at once: the feed is joined before the response.
    const events = subscribePageEvents(
      runtime,
      c.req.query(),
      c.req.header('last-event-id') ?? c.req.query('after'),
      c.req.query('receipts'),
    );
    stream.onAbort(events.close);
    try {
      // Pull the next event only once the last is written: a slow client is held back by its own writes.
      for (let event = await events.next(); event !== undefined; event = await events.next()) {
        if (stream.aborted) break;
        if ('comment' in event) await stream.write(`: ${event.comment}\n\n`);
        else await stream.writeSSE(event);
      }
    } finally {
      events.close();
    }
  });
}
