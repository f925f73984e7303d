/**
 * Builds the whole mock as one Hono app without listening: the protocol core's routes (the Hono adapter), the
 * `/__mock` control API and the inbox page. Tests call `app.request()`; `startMockServer` serves it, with
 * the protocol paths answered by the Node listener over the same core.
 */
import { Hono } from 'hono';
import { ConnectionDroppedError, internalErrorAnswer } from '../protocol/answer/answer.js';
import { createMockInspector, type MockInspector } from '../protocol/runtime/mock-inspector.js';
import {
  createMockRuntime,
  type MockRuntime,
  type MockServerOptions,
} from '../protocol/runtime/mock-runtime.js';
import { adminRequestGuards } from './admin-request-guards.js';
import { createControlApp } from './hono-control-app.js';
import { createInboxPageApp } from './hono-inbox-page-app.js';
import { addProtocolRoutes } from './hono-protocol-routes.js';

/** The Hono app, plus a read-only view of what the mock holds for in-process tests (`app.mock`). */
export type MockApp = Hono & {
  /** What the mock received and recorded, and its clock: read-only (change them through `/__mock`). */
  readonly mock: MockInspector;
};

/**
 * Builds the mock server's app. Throws `MockConfigError` naming every bad field when `options` do not validate.
 * @example
 * const app = createMockApp();
 * const response = await app.request('/__mock/health');
 */
export function createMockApp(options: MockServerOptions = {}): MockApp {
  return createMockAppFor(createMockRuntime(options));
}

const runtimes = new WeakMap<MockApp, MockRuntime>();

/** @internal The app over an existing runtime (the server and the CLI build the runtime first). */
export function createMockAppFor(runtime: MockRuntime): MockApp {
  const hono = new Hono();
  // Host, cross-site, token and body-size checks for every route that is not a protocol endpoint.
  const guards = adminRequestGuards({
    boundHost: runtime.config.config.host,
    adminToken: runtime.adminToken,
  });
  hono.use('/__mock/*', guards);
  hono.use('/', guards);
  addProtocolRoutes(hono, runtime);
  hono.route('/__mock', createControlApp(runtime));
  hono.route('/', createInboxPageApp(runtime));
  hono.notFound((c) =>
    c.json({ error: 'not found', method: c.req.method, path: c.req.path, endpoints: endpointList }, 404),
  );
  hono.onError((error) => {
    // In-process, a dropped connection (a fault or magic value) rejects app.request(), as fetch would.
    if (error instanceof ConnectionDroppedError || error.name === 'AbortError') throw error;
    // Never expected: every input has a documented answer. Logged loudly, answered as a plain 500.
    console.error('@x/mock-server: unexpected error', error);
    const answer = internalErrorAnswer(error);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
  const app = Object.assign(hono, { mock: createMockInspector(runtime) });
  runtimes.set(app, runtime);
  return app;
}

/** @internal The runtime behind an app: for the mock's own tests, which script state the inspector cannot. */
export function runtimeOf(app: MockApp): MockRuntime {
  const runtime = runtimes.get(app);
  if (runtime === undefined) throw new Error('not an app built by createMockApp');
  return runtime;
}

const endpointList = [
  'GET / (the inbox page)',
  'GET|POST /router/rest',
  'POST /gateway/taobao/jst/sms/tid/send',
  'POST /gateway/dd/sms/send',
  'GET /__mock/health',
  'GET /__mock/config',
  'GET|DELETE /__mock/messages',
  'GET|DELETE /__mock/requests',
  'GET /__mock/magic',
  'GET|POST|DELETE /__mock/faults',
  'GET|POST|DELETE /__mock/clock',
  'GET|DELETE /__mock/limits',
  'POST /__mock/reset',
];
