/**
 * Builds the whole mock as one Hono app without listening: one sub-app per protocol and the inspection API,
 * mounted with `app.route()`. Tests call `app.request()`; `startMockServer` serves it.
 */
import { Hono } from 'hono';
import { isConnectionDropped } from './faults/transport-delivery.js';
import { createGatewayApp } from './gateway/gateway-app.js';
import type { MockEnv } from './http/mock-env.js';
import { adminRequestGuards } from './inspection/admin-request-guards.js';
import { createInspectionApp } from './inspection/inspection-app.js';
import { createMockRuntime, type MockRuntime, type MockServerOptions } from './mock-runtime.js';
import { createTopApp } from './top/top-app.js';
import { createInboxPageApp } from './ui/inbox-page-app.js';

/** The Hono app, plus the runtime behind it for in-process tests (`app.mock.inbox`, `app.mock.journal`). */
export type MockApp = Hono<MockEnv> & { readonly mock: MockRuntime };

/**
 * Builds the mock server's app. Throws `MockConfigError` naming every bad field when `options` do not validate.
 * @example
 * const app = createMockApp();
 * const response = await app.request('/__mock/health');
 */
export function createMockApp(options: MockServerOptions = {}): MockApp {
  return createMockAppFor(createMockRuntime(options));
}

/** @internal The app over an existing runtime (the server and the CLI build the runtime first). */
export function createMockAppFor(runtime: MockRuntime): MockApp {
  const app = new Hono<MockEnv>();
  // Host, cross-site, token and body-size checks for every route that is not a protocol endpoint.
  const guards = adminRequestGuards({
    boundHost: runtime.config.config.host,
    adminToken: runtime.adminToken,
  });
  app.use('/__mock/*', guards);
  app.use('/', guards);
  app.route('/', createTopApp(runtime));
  app.route('/', createGatewayApp(runtime));
  app.route('/__mock', createInspectionApp(runtime));
  app.route('/', createInboxPageApp(runtime));
  app.notFound((c) =>
    c.json({ error: 'not found', method: c.req.method, path: c.req.path, endpoints: endpointList }, 404),
  );
  app.onError((error, c) => {
    // In-process, a dropped connection (a fault or magic value) rejects app.request(), as fetch would.
    if (isConnectionDropped(error)) throw error;
    // Never expected: every input has a documented answer. Logged loudly, answered as a plain 500.
    console.error('@x/mock-server: unexpected error', error);
    return c.json({ error: 'internal error in the mock server', message: String(error) }, 500);
  });
  return Object.assign(app, { mock: runtime });
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
