/**
 * Serves the mock over HTTP and resolves once it listens, with the URL to point clients at and a `close` that
 * ends open keep-alive connections too (so a vitest globalSetup teardown never hangs). The protocol paths are
 * answered by the Node listener, WebSocket upgrades by TMC, everything else by the Hono app through
 * @hono/node-server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createMockRuntime, type MockServerOptions } from '../protocol/runtime/mock-runtime.js';
import { createMockAppFor, type MockApp } from './create-mock-app.js';
import { withLowerCaseHost } from './lower-case-host.js';
import { createNodeListener } from './node-listener.js';
import { attachTmcWebSocket } from './tmc-websocket.js';

/** Options of `startMockServer`: the mock's options plus how to serve them. */
export interface StartMockServerOptions extends MockServerOptions {
  /**
   * Let @hono/node-server replace the global `Request` / `Response` with its lighter ones — its fastest
   * answer path. Off by default because it changes globals for the whole process: a client under test in
   * the same process (a test that starts the mock itself) then sees fetch fail, since `instanceof Response`
   * no longer holds for fetch's responses. The CLI, alone in its process, turns it on.
   * @default false
   */
  overrideGlobalObjects?: boolean;
}

/** A mock that listens: where, the app it serves, and how to stop it. */
export interface RunningMockServer {
  /** e.g. `http://127.0.0.1:8787` — no trailing slash. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The app being served, with its read-only inspector (`app.mock.inbox` …). */
  readonly app: MockApp;
  /** Stops listening and closes every connection. Resolves when the server is fully closed. */
  close(): Promise<void>;
}

/**
 * Starts the mock. `port: 0` picks a free port (read it back from `url`).
 * @example
 * // vitest globalSetup
 * export default async function setup() {
 *   const server = await startMockServer({ port: 0 });
 *   process.env.MOCK_URL = server.url;
 *   return () => server.close();
 * }
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const { overrideGlobalObjects = false, ...mockOptions } = options;
  const runtime = createMockRuntime(mockOptions);
  const app = createMockAppFor(runtime);
  const { host, port } = runtime.config.config;
  const viaHono = getRequestListener(app.fetch, { hostname: host, overrideGlobalObjects });
  // Host names are case-insensitive: lower-cased before both the protocol listener and Hono see them.
  const server = createServer(withLowerCaseHost(createNodeListener(runtime, viaHono)));
  // TMC over WebSocket on the same port: any path upgrades (`ws://127.0.0.1:8787/tmc`).
  const tmcEndpoint = attachTmcWebSocket(server, runtime.tmc);
  server.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(
        new Error(`@x/mock-server could not listen on ${host}:${port}: ${error.message}`, { cause: error }),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    app,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        tmcEndpoint.close();
        // Answers waiting out a delay go now (their connections are closing); scheduled work is dropped.
        runtime.clock.cancelTimers();
        // close() waits for open connections; idle keep-alive ones would hold it forever.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const forceTimer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 2000);
        forceTimer.unref();
      });
      return closing;
    },
  };
}
