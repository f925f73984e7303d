import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MockConfigError } from '../config/config-error.js';
import { defaultTopAppKey } from '../config/config-schema.js';
import { createManualClock } from '../state/clock.js';
import { eventually, postFault, requestsOf, watch } from '../test-support/mock-control.js';
import {
  fixedNow,
  jsonOf,
  jstBusiness,
  signedTopParams,
  topRequest,
} from '../test-support/signed-requests.js';
import { startMockServer } from './start-mock-server.js';

describe('startMockServer', () => {
  it('listens on a free port with port 0 and closes even with a keep-alive connection open', async () => {
    const server = await startMockServer({ port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const health = await fetch(`${server.url}/__mock/health`, { headers: { connection: 'keep-alive' } });
    expect((await jsonOf(health)).status).toBe('ok');
    await server.close();
    await expect(fetch(`${server.url}/__mock/health`)).rejects.toThrow();
    // Closing twice is harmless.
    await server.close();
  });

  it('closes while an answer waits out a delay: the waiting client is let go, nothing is left running', async () => {
    const server = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
    expect((await postFault(server.url, { kind: 'delay', delayMs: 600_000 })).status).toBe(201);
    const [path, init] = topRequest(signedTopParams(jstBusiness()));
    const pending = watch(fetch(`${server.url}${path}`, init));
    await eventually(async () => expect(await requestsOf(server.url, defaultTopAppKey)).toHaveLength(1));
    expect(pending.settled).toBe(false);
    await server.close();
    // The ten-minute delay ended with the server: the client got its answer or saw the connection close.
    await pending.promise.then(
      (response) => expect(response.status).toBe(200),
      (error: unknown) => expect(error).toBeInstanceOf(TypeError),
    );
  });

  it('leaves the global Response alone, so a client in the same process keeps working', async () => {
    const server = await startMockServer({ port: 0 });
    try {
      const response = await fetch(`${server.url}/__mock/health`);
      // @hono/node-server's global override would make this false, and fetch-based clients fail.
      expect(response instanceof Response).toBe(true);
      expect(new Response('x') instanceof Response).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('rejects with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startMockServer({ port })).rejects.toThrow(
        `@x/mock-server could not listen on 127.0.0.1:${port}`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses bad options naming every bad field', async () => {
    const attempt = startMockServer({
      port: 70_000,
      top: { apps: [{ appKey: '1', appKeyPattern: '(', secret: '' }] },
      // @ts-expect-error an unknown option is reported, not ignored
      inboxSzie: 5,
    });
    await expect(attempt).rejects.toBeInstanceOf(MockConfigError);
    const error = (await attempt.catch((caught: unknown) => caught)) as MockConfigError;
    expect(error.problems).toEqual(
      expect.arrayContaining([
        'port: must be at most 65535',
        'top.apps[0].appKeyPattern: must be a valid regular expression',
        'top.apps[0].secret: must not be empty',
        expect.stringMatching(/^\(root\): Unrecognized key: "inboxSzie"/),
      ]),
    );
  });
});
