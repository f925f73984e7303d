/**
 * The served fast path: which requests take it, that it runs exactly the handler Hono would (and only when Hono
 * would run nothing else), and that its answers are byte-for-byte what @hono/node-server writes.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '../protocol/answer/answer.js';
import { createManualClock } from '../state/clock.js';
import { type RawResponse, rawHttp } from '../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
} from '../test-support/signed-requests.js';
import type { MockEnv } from './mock-env.js';
import { withProtocolFastPath } from './node-listener.js';
import { type RunningMockServer, startMockServer } from './start-mock-server.js';

describe('withProtocolFastPath on a small app', () => {
  let server: Server;
  let url: string;
  let viaHono = 0;
  const seen: string[] = [];

  function serveApp(app: Hono<MockEnv>, paths: string[]): Promise<void> {
    const honoListener = getRequestListener(app.fetch, {
      autoCleanupIncoming: false,
      overrideGlobalObjects: false,
    });
    const counting: RequestListener = (incoming, outgoing) => {
      viaHono++;
      honoListener(incoming, outgoing);
    };
    server = createServer(withProtocolFastPath(app, paths, counting));
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      }),
    );
  }

  function protocolApp(): Hono<MockEnv> {
    const app = new Hono<MockEnv>();
    app.all('/endpoint', async (c) => {
      seen.push(`${c.req.method} incoming:${c.env.incoming !== undefined} url:${c.req.url}`);
      if (c.req.method !== 'GET' && c.req.method !== 'POST') {
        return new Response(null, { status: 405, headers: { allow: 'GET, POST' } });
      }
      const text = c.req.method === 'POST' ? await c.req.text() : '';
      if (text === 'throw') throw new Error('boom');
      if (text === 'native')
        return new Response('native body', { status: 201, headers: { 'x-kind': 'native' } });
      return respond(
        `{"echo":${JSON.stringify(text)},"agent":${JSON.stringify(c.req.header('user-agent') ?? null)}}`,
        200,
        'application/json;charset=UTF-8',
        false,
      );
    });
    app.get('/other', (c) => c.text('other'));
    app.onError((error, c) => c.json({ caught: error.message }, 500));
    return app;
  }

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    viaHono = 0;
    seen.length = 0;
  });

  it('serves GET and POST on the listed paths without @hono/node-server, with a full request view', async () => {
    await serveApp(protocolApp(), ['/endpoint']);
    const post = await fetch(`${url}/endpoint?x=1`, {
      method: 'POST',
      body: 'hello',
      headers: { 'user-agent': 'ua/1' },
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(post.headers.get('content-length')).toBe(String((await post.clone().arrayBuffer()).byteLength));
    expect(await post.json()).toEqual({ echo: 'hello', agent: 'ua/1' });
    const get = await fetch(`${url}/endpoint`);
    expect(await get.json()).toEqual({ echo: '', agent: 'node' });
    expect(viaHono).toBe(0);
    expect(seen).toEqual([
      `POST incoming:true url:${url}/endpoint?x=1`,
      `GET incoming:true url:${url}/endpoint`,
    ]);
  });

  it('leaves other methods, other paths and absolute-form targets to Hono', async () => {
    await serveApp(protocolApp(), ['/endpoint']);
    const put = await fetch(`${url}/endpoint`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect(await (await fetch(`${url}/other`)).text()).toBe('other');
    const { port } = new URL(url);
    const absolute = await rawHttp(
      url,
      `GET http://127.0.0.1:${port}/endpoint HTTP/1.1\r\nHost: 127.0.0.1:${port}`,
    );
    expect(absolute.status).toBe(200);
    expect(viaHono).toBe(3);
  });

  it('sends errors to the app onError, as Hono does', async () => {
    await serveApp(protocolApp(), ['/endpoint']);
    const response = await fetch(`${url}/endpoint`, { method: 'POST', body: 'throw' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ caught: 'boom' });
    expect(viaHono).toBe(0);
  });

  it('writes any other Response as @hono/node-server would', async () => {
    await serveApp(protocolApp(), ['/endpoint']);
    const fast = await rawHttp(url, 'POST /endpoint HTTP/1.1\r\nHost: x\r\nContent-Length: 6', 'native');
    const { port } = new URL(url);
    const slow = await rawHttp(
      url,
      `POST http://x:${port}/endpoint HTTP/1.1\r\nHost: x\r\nContent-Length: 6`,
      'native',
    );
    expect(viaHono).toBe(1);
    expect(comparable(fast)).toEqual(comparable(slow));
    expect(fast.status).toBe(201);
    expect(fast.body.toString()).toBe('native body');
  });

  it('steps aside when Hono would run middleware too', async () => {
    const app = protocolApp();
    const guarded = new Hono<MockEnv>();
    guarded.use('*', async (c, next) => {
      await next();
      c.res.headers.set('x-middleware', 'ran');
    });
    guarded.route('/', app);
    await serveApp(guarded, ['/endpoint']);
    const response = await fetch(`${url}/endpoint`, { method: 'POST', body: 'hi' });
    expect(response.headers.get('x-middleware')).toBe('ran');
    expect(viaHono).toBe(1);
  });
});

describe('the mock server: fast path and Hono path answer alike', () => {
  let mock: RunningMockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
  });
  afterAll(() => mock.close());

  /** The same request in origin form (fast path) and absolute form (through @hono/node-server and Hono). */
  async function bothWays(
    head: (target: string) => string,
    body: string,
  ): Promise<[RawResponse, RawResponse]> {
    const { port } = new URL(mock.url);
    const fast = await rawHttp(mock.url, head(''), body);
    const slow = await rawHttp(mock.url, head(`http://127.0.0.1:${port}`), body);
    return [fast, slow];
  }

  const cases: [string, (target: string) => string, string][] = [
    [
      'a JST send, JSON',
      (target) =>
        `POST ${target}/router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded`,
      formBody(signedTopParams(jstBusiness())),
    ],
    [
      'a bad signature, XML, gzip',
      (target) =>
        `POST ${target}/router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept-Encoding: gzip`,
      formBody({ ...signedTopParams(jstBusiness(), { format: null }), sign: 'F'.repeat(32) }),
    ],
    [
      'a GET with everything in the query',
      (target) =>
        `GET ${target}/router/rest?${formBody(signedTopParams(jstBusiness()))} HTTP/1.1\r\nHost: 127.0.0.1`,
      '',
    ],
    [
      'a TID batch',
      (target) =>
        `POST ${target}/gateway/taobao/jst/sms/tid/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded`,
      formBody(
        signedGatewayFields('tb_seller_nick', [
          { order_id: '3006925020239565830', sms_free_sign_name: '签名', template_code: 'SMS_1' },
          { order_id: 'x' },
        ]),
      ),
    ],
    [
      'a body over the limit',
      (target) =>
        `POST ${target}/gateway/dd/sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999`,
      '',
    ],
  ];

  it.each(cases)('%s', async (_label, head, body) => {
    const lengthHeader = head('').includes('Content-Length')
      ? ''
      : `\r\nContent-Length: ${Buffer.byteLength(body)}`;
    const [fast, slow] = await bothWays((target) => head(target) + lengthHeader, body);
    expect(comparable(fast)).toEqual(comparable(slow));
  });
});

/** Status, headers and body with the random ids and the date blanked out. */
function comparable(response: RawResponse) {
  const { date: _date, ...headers } = response.headers;
  let body = response.body;
  if (headers['content-encoding'] === 'gzip') body = gunzipSync(body);
  const text = body
    .toString('utf8')
    .replace(/[0-9a-z]{12,13}(?=<\/request_id>|")/g, 'ID')
    .replace(/"(request_id|trace_id|module|message_id)":"[^"]*"/g, '"$1":"ID"')
    .replace(/"code":"\d+\^0"/g, '"code":"RECEIPT"');
  if (headers['content-length'] !== undefined) headers['content-length'] = 'N';
  return { status: response.status, headers, text };
}
