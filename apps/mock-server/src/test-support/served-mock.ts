/**
 * One real mock over loopback per test file: started before the file's tests (port 0), closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from '../serve/start-mock-server.js';

/** Registers the file's server; `server()` and `url()` read it inside tests (and throw before it started). */
export function useServedMock(options: StartMockServerOptions = {}): {
  server(): RunningMockServer;
  url(): string;
} {
  let running: RunningMockServer | undefined;
  beforeAll(async () => {
    running = await startMockServer({ ...options, port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  const server = () => {
    if (running === undefined) throw new Error('the mock server is not running');
    return running;
  };
  return { server, url: () => server().url };
}
