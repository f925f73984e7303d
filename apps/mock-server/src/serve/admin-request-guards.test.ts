/**
 * The routes that are not a protocol (`/__mock/…` and the inbox page) are guarded: bodies of at most 64 KiB,
 * counted on the bytes read; no state change from another site; only `Host` names this mock answers to
 * (DNS rebinding); and, with `adminToken`, a bearer token. The protocol endpoints answer any host, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockConfigError } from '../config/config-error.js';
import { createManualClock } from '../state/clock.js';
import { rawHttp } from '../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  jstBusiness,
  signedTopParams,
  topRequest,
} from '../test-support/signed-requests.js';
import { createMockApp } from './create-mock-app.js';
import { type RunningMockServer, startMockServer } from './start-mock-server.js';

const limit = 64 * 1024;
const tooLarge = { error: 'body too large', problems: [`the body must be at most ${limit} bytes`] };

/** A body streamed without a Content-Length (chunked on the wire). */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 8192)
        controller.enqueue(bytes.subarray(offset, offset + 8192));
      controller.close();
    },
  });
}

describe('the 64 KiB body limit', () => {
  const app = createMockApp({ clock: createManualClock(fixedNow) });
  const bigJson = JSON.stringify({ advance: '1m', padding: 'x'.repeat(limit) });

  it.each(['/__mock/faults', '/__mock/clock', '/__mock/reset', '/__mock/ui/clear'])(
    'answers 413 in the admin shape for POST %s, declared or chunked',
    async (path) => {
      const declared = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bigJson,
      });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual(tooLarge);
      const chunked = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: streamed(`what=messages&return=/&app=${'x'.repeat(limit)}`),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(await chunked.json()).toEqual(tooLarge);
    },
  );

  it('still reads a body within the limit, also chunked', async () => {
    const response = await app.request('/__mock/clock', {
      method: 'POST',
      body: streamed(JSON.stringify({ advance: '1m' })),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
  });

  it('leaves the protocol endpoints to their own limit', async () => {
    const params = signedTopParams(jstBusiness(), { extra: { padding: 'x'.repeat(2 * limit) } });
    const response = await app.request(...topRequest(params));
    expect(response.status).toBe(200);
  });
});

describe('cross-site state changes', () => {
  const app = createMockApp();

  it.each<Record<string, string>>([
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { origin: 'http://localhost:8787', 'sec-fetch-site': 'cross-site' },
  ])('refuses POST, DELETE with %j (403, admin shape)', async (headers) => {
    for (const [method, path] of [
      ['POST', '/__mock/reset'],
      ['POST', '/__mock/clock'],
      ['DELETE', '/__mock/messages'],
      ['POST', '/__mock/faults'],
      ['POST', '/__mock/ui/clear'],
    ] as const) {
      const response = await app.request(path, {
        method,
        headers: { 'content-type': 'text/plain', ...headers },
        body: method === 'POST' ? '{"advance":"1m"}' : null,
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'cross-site request refused',
        problems: [expect.stringContaining('another site')],
      });
    }
  });

  it('allows the same origin, loopback pages and clients that send neither header', async () => {
    for (const headers of [
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' },
      {},
    ] as Record<string, string>[]) {
      expect((await app.request('/__mock/reset', { method: 'POST', headers })).status).toBe(200);
    }
  });

  it('lets another site read nothing it could change (GET is not refused for its Origin)', async () => {
    const response = await app.request('/__mock/health', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
  });
});

describe('Host names', () => {
  const app = createMockApp({ host: '127.0.0.1' });

  it.each(['evil.example', 'evil.example:8787', 'localhost.evil.example'])(
    'refuses the admin API and the page for Host %s (403, admin shape)',
    async (host) => {
      for (const path of ['/__mock/messages', '/__mock/health', '/', '/__mock/ui/events']) {
        const response = await app.request(path, { headers: { host } });
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual({
          error: 'host not allowed',
          problems: [expect.stringContaining(JSON.stringify(host.replace(/:\d+$/, '')))],
        });
      }
    },
  );

  it.each([
    'localhost',
    'LOCALHOST:8787',
    'LocalHost.',
    'app.localhost',
    '127.0.0.1:8787',
    '[::1]:8787',
    '10.1.2.3',
  ])('answers Host %s', async (host) => {
    expect((await app.request('/__mock/messages', { headers: { host } })).status).toBe(200);
  });

  it('answers the name it is bound to, in any case', async () => {
    const bound = createMockApp({ host: 'mock.internal' });
    expect(
      (await bound.request('/__mock/messages', { headers: { host: 'MOCK.internal:8787' } })).status,
    ).toBe(200);
  });

  it('answers the protocol endpoints for any Host', async () => {
    const clocked = createMockApp({ clock: createManualClock(fixedNow) });
    const response = await clocked.request(
      ...topRequest(signedTopParams(jstBusiness()), 'form-post', { host: 'gw.api.taobao.com' }),
    );
    expect(response.status).toBe(200);
    expect(clocked.mock.inbox.statistics.recorded).toBe(1);
  });
});

describe('adminToken', () => {
  const token = 'a-long-admin-token-0123456789';
  const app = createMockApp({ adminToken: token, clock: createManualClock(fixedNow) });

  it('asks for the token on /__mock and the page (401, a Basic challenge for browsers)', async () => {
    for (const path of ['/__mock/messages', '/__mock/config', '/']) {
      const response = await app.request(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="x-mock-server", charset="UTF-8"');
      expect(await response.json()).toEqual({
        error: 'unauthorized',
        problems: ['send Authorization: Bearer <admin token>'],
      });
    }
    const wrong = await app.request('/__mock/messages', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('takes it as a bearer token, or as the password of Basic authentication', async () => {
    const bearer = await app.request('/__mock/messages', { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
    const basic = await app.request('/', {
      headers: { authorization: `Basic ${Buffer.from(`anyone:${token}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
  });

  it('answers any Host with the token, and health without it', async () => {
    const named = await app.request('/__mock/messages', {
      headers: { host: 'mock', authorization: `Bearer ${token}` },
    });
    expect(named.status).toBe(200);
    expect((await app.request('/__mock/health')).status).toBe(200);
  });

  it('is not asked of the protocol endpoints', async () => {
    const response = await app.request(...topRequest(signedTopParams(jstBusiness())));
    expect(response.status).toBe(200);
    expect(app.mock.inbox.statistics.recorded).toBe(1);
  });

  it('must be a non-empty token without whitespace', () => {
    expect(() => createMockApp({ adminToken: '' })).toThrow(MockConfigError);
    expect(() => createMockApp({ adminToken: 'has space' })).toThrow(/adminToken/);
  });
});

describe('served over loopback', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers Host LOCALHOST:<port> on every endpoint', async () => {
    for (const path of ['/__mock/health', '/', '/router/rest']) {
      const response = await rawHttp(server.url, `GET ${path} HTTP/1.1\r\nHost: LOCALHOST:${server.port}`);
      expect(response.status).toBe(200);
    }
  });

  it('counts a chunked admin body on the bytes read', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    let body = '';
    for (let index = 0; index < 5; index++) body += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    body += '0\r\n\r\n';
    const response = await rawHttp(
      server.url,
      `POST /__mock/ui/clear HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked`,
      body,
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body.toString())).toEqual(tooLarge);
  });

  it('refuses a rebound Host on the admin API, not on the protocol endpoints', async () => {
    const admin = await rawHttp(server.url, 'GET /__mock/requests HTTP/1.1\r\nHost: rebind.evil.example');
    expect(admin.status).toBe(403);
    const protocol = await rawHttp(
      server.url,
      `POST /router/rest HTTP/1.1\r\nHost: rebind.evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${formBody({ method: 'x' }).length}`,
      formBody({ method: 'x' }),
    );
    expect(protocol.status).toBe(200);
  });
});
