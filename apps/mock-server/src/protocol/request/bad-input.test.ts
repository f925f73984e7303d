/**
 * Hostile and broken input over real loopback: never a 5xx, never a crash, always a documented answer, nothing
 * recorded for a rejected request — and the server still healthy afterwards.
 */
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../serve/start-mock-server.js';
import { createManualClock } from '../../state/clock.js';
import { rawHttp } from '../../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  formContentType,
  jsonOf,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
} from '../../test-support/signed-requests.js';

let server: RunningMockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
});
afterAll(() => server.close());
afterEach(async () => {
  const health = await fetch(`${server.url}/__mock/health`);
  expect(health.status).toBe(200);
});

const recorded = () => server.app.mock.inbox.statistics.recorded;

async function topJson(path: string, init: RequestInit) {
  const response = await fetch(`${server.url}${path}`, init);
  expect(response.status).toBeLessThan(500);
  return { response, body: JSON.parse(await response.text()) };
}

function latestJournalNotes(): string[] {
  return [...server.app.mock.journal.newestFirst()][0]?.notes ?? [];
}

describe('malformed encodings', () => {
  it('survives malformed percent-escapes in the query and the body', async () => {
    const before = recorded();
    const query = await topJson('/router/rest?method=%zz&app_key=%E4%B8&format=json&x=%', { method: 'GET' });
    expect(query.body.error_response).toMatchObject({ code: 22, msg: 'Invalid method' });
    const body = await topJson('/router/rest?format=json', {
      method: 'POST',
      headers: { 'content-type': formContentType },
      body: 'method=taobao.jst.sms.message.send&app_key=12345678&timestamp=%G0%&v=2.0%',
    });
    expect(body.body.error_response).toMatchObject({ code: 31, msg: 'Invalid timestamp' });
    expect(recorded()).toBe(before);
  });

  it('decodes invalid UTF-8 as U+FFFD, so the signature check answers', async () => {
    const params = signedTopParams(jstBusiness());
    const head = Buffer.from(formBody(params));
    const body = Buffer.concat([head, Buffer.from('&broken='), Buffer.from([0xff, 0xfe, 0xc3, 0x28])]);
    const response = await rawHttp(
      server.url,
      `POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: ${formContentType}\r\nContent-Length: ${body.length}`,
      body,
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString('utf8')).error_response).toMatchObject({ code: 25 });
  });

  it('reads the body as UTF-8 whatever charset it claims', async () => {
    const { body } = await topJson('/router/rest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=GBK' },
      body: formBody(signedTopParams(jstBusiness())),
    });
    expect(body.jst_sms_message_send_response.request_success).toBe(true);
  });
});

describe('bodies', () => {
  it('refuses a 10 MB body with 413 and the platform envelope, without reading it', async () => {
    const before = recorded();
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const top = await fetch(`${server.url}/router/rest?format=json`, {
      method: 'POST',
      headers: { 'content-type': formContentType },
      body: big,
    });
    expect(top.status).toBe(413);
    expect(top.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(await top.text()).error_response).toMatchObject({
      code: 15,
      msg: 'Remote service error',
      sub_code: 'isv.request-too-large',
      sub_msg: 'request body larger than 1048576 bytes',
    });

    const xml = await fetch(`${server.url}/router/rest`, { method: 'POST', body: big });
    expect(xml.status).toBe(413);
    expect(await xml.text()).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8" \?><error_response><code>15<\/code>/,
    );

    const gateway = await fetch(`${server.url}/gateway/dd/sms/send`, { method: 'POST', body: big });
    expect(gateway.status).toBe(413);
    expect(JSON.parse(await gateway.text())).toMatchObject({
      code: 40005,
      message: '参数错误:body',
      data: null,
    });
    expect(recorded()).toBe(before);
  });

  it('refuses a chunked body as soon as it passes the limit', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(256 * 1024, 'b'));
    const response = await fetch(`${server.url}/router/rest?format=json`, {
      method: 'POST',
      headers: { 'content-type': formContentType },
      body: Readable.toWeb(Readable.from(chunks)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(JSON.parse(await response.text()).error_response.code).toBe(15);
  });

  it('ignores a body of another content type (its parameters do not count)', async () => {
    for (const contentType of ['application/json', 'text/plain', 'application/octet-stream', 'image/png']) {
      const { response, body } = await topJson('/router/rest?format=json', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify(signedTopParams(jstBusiness())),
      });
      expect(response.status).toBe(200);
      expect(body.error_response).toMatchObject({ code: 21, msg: 'Missing method' });
      expect(latestJournalNotes()[0]).toMatch(/^body ignored: Content-Type/);
    }
  });

  it('answers an empty POST and a truncated multipart body from the query alone', async () => {
    expect((await topJson('/router/rest?format=json', { method: 'POST' })).body.error_response.code).toBe(21);
    const truncated = await topJson('/router/rest?format=json', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
      body: '--XyZ\r\nContent-Disposition: form-data; name="method"\r\n\r\ntaobao.jst.sms.message.send\r\n--Xy',
    });
    expect(truncated.body.error_response.code).toBe(21);
    expect(latestJournalNotes()).toContain(
      'multipart body could not be parsed; its parameters were not read',
    );
  });

  it('survives a client that closes before sending the body it announced', async () => {
    const { connect } = await import('node:net');
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        // Gone as soon as the partial body has left: the mock is mid-body when the connection closes.
        socket.write(
          'POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc',
          () => socket.destroy(),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
  });
});

describe('parameters', () => {
  it('keeps the first of duplicate names, the query before the body', async () => {
    const params = signedTopParams(jstBusiness());
    const { body } = await topJson(
      `/router/rest?method=${encodeURIComponent(params.method as string)}&v=2.0`,
      {
        method: 'POST',
        headers: { 'content-type': formContentType },
        body: `${formBody(params)}&method=taobao.other&v=9.9&v=1.0`,
      },
    );
    expect(body.jst_sms_message_send_response.request_success).toBe(true);
    expect(latestJournalNotes()).toContain('duplicate parameters, first value kept: method, v');
  });

  it('treats __proto__ and constructor as ordinary parameters', async () => {
    const params = signedTopParams(jstBusiness(), {
      extra: { __proto__: 'x', constructor: 'y', toString: 'z' },
    });
    const { body } = await topJson(...topRequest(params));
    expect(body.jst_sms_message_send_response.request_success).toBe(true);
  });

  it('reads at most 1000 parameters; a request with more fails its signature check', async () => {
    const before = recorded();
    const extra: Record<string, string> = {};
    for (let index = 0; index < 1500; index++) extra[`p${index}`] = String(index);
    // `format` and `sign` come after the 1000th name, so they are ignored too: an XML 24.
    const response = await fetch(
      `${server.url}/router/rest`,
      topRequest(signedTopParams(jstBusiness(), { extra }))[1],
    );
    expect(await response.text()).toMatch(/<error_response><code>24<\/code><msg>Missing signature<\/msg>/);
    // With the sign among the first 1000, the ignored parameters break the signature.
    const early = signedTopParams(jstBusiness(), { extra });
    const reordered = { sign: early.sign as string, format: 'json', ...early };
    const { body } = await topJson(...topRequest(reordered));
    expect(body.error_response).toMatchObject({ code: 25, msg: 'Invalid signature' });
    expect(recorded()).toBe(before);
    expect(latestJournalNotes().some((note) => note.startsWith('more than 1000 parameters'))).toBe(true);
  });
});

describe('deeply nested JSON', () => {
  // 20,000 levels: deep enough to overflow any recursive parser, small enough to stay under the body limit.
  const depth = 20_000;
  const nestedArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const nestedObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('answers 41 for send_message_request nested past the limit, its params included', async () => {
    const array = await topJson(...topRequest(signedTopParams({ send_message_request: nestedArray })));
    expect(array.body.error_response.code).toBe(41);
    const request = `{"sms_free_sign_name":"s","template_code":"t","phone_number":"13800138000","params":${nestedObject}}`;
    const object = await topJson(...topRequest(signedTopParams({ send_message_request: request })));
    expect(object.body.error_response).toMatchObject({
      code: 41,
      sub_code: 'isv.invalid-parameter:send_message_request',
    });
  });

  it('answers nested request_data on both gateway endpoints', async () => {
    const tid = await fetch(`${server.url}/gateway/taobao/jst/sms/tid/send`, {
      method: 'POST',
      headers: { 'content-type': formContentType },
      body: formBody(signedGatewayFields('tb_seller_nick', nestedArray)),
    });
    expect(JSON.parse(await tid.text())).toMatchObject({ code: 40005, message: '参数错误:request_data' });
    const douyin = await fetch(`${server.url}/gateway/dd/sms/send`, {
      method: 'POST',
      headers: { 'content-type': formContentType },
      body: formBody(signedGatewayFields('seller_nick', nestedObject)),
    });
    expect(JSON.parse(await douyin.text())).toMatchObject({
      code: 40005,
      message: '参数错误:request_data',
    });
  });
});

describe('everything else', () => {
  it('answers unknown paths with a JSON 404 listing the endpoints', async () => {
    const response = await fetch(`${server.url}/nope?x=%zz`);
    expect(response.status).toBe(404);
    expect((await jsonOf(response)).endpoints).toContain('GET|POST /router/rest');
  });
});
