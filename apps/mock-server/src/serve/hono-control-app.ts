/**
 * The Hono adapter of the `/__mock` API: each framework-free route of control/ becomes a Hono route, with
 * Hono's public API only. The handler gets the query (the first value of each parameter, as `c.req.query()`
 * gives it) and, for the routes that read one, the body text; its answer is written with `c.json`.
 */
import { Hono } from 'hono';
import { mockApiRoutes } from '../control/mock-api-routes.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { MockEnv } from './mock-env.js';

/** The `/__mock` API as a Hono app, to mount under `/__mock`. */
export function createControlApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  for (const route of mockApiRoutes(runtime)) {
    app.on(route.method, route.path, async (c) => {
      // Only a route that reads its body gets it: the others answer whatever was sent with them.
      const body = route.readsBody ? await c.req.text() : undefined;
      const answer = route.handle({ query: c.req.query(), body });
      return c.json(answer.body, answer.status);
    });
  }
  return app;
}
