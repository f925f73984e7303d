/**
 * The Hono environment of the mock's apps. Served by @hono/node-server, `c.env` holds the raw Node request
 * and response; in-process (`app.request()`) it holds nothing, and every reader falls back to the web Request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface MockEnv {
  Bindings: {
    incoming?: IncomingMessage;
    outgoing?: ServerResponse;
  };
}
