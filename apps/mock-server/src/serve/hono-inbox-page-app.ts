/**
 * The inbox page over Hono: the page, its live feed and its clear button (ui/inbox-page-handlers.tsx), with
 * Hono's public API only.
 */
import { Hono } from 'hono';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import {
  clearFromPage,
  inboxPageHeaders,
  inboxPagePaths,
  renderInboxPage,
} from '../ui/inbox-page-handlers.js';
import { streamPageEvents } from './hono-page-events.js';
import type { MockEnv } from './mock-env.js';

/** The inbox page as a Hono app, to mount at `/`. */
export function createInboxPageApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  app.get(inboxPagePaths.page, (c) => c.html(renderInboxPage(runtime, c.req.query()), 200, inboxPageHeaders));
  app.get(inboxPagePaths.events, (c) => streamPageEvents(c, runtime));
  app.post(inboxPagePaths.clear, async (c) => {
    // A cross-site form and a body over 64 KiB never get here: the admin guards refuse them first.
    const location = clearFromPage(runtime, await c.req.parseBody());
    return c.redirect(location, 303);
  });
  return app;
}
