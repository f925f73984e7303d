/**
 * Every encoding real SDKs use (docs/protocol.md §1.1), in-process and over loopback: the same signed request must be
 * accepted whichever way its parameters travel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../../serve/create-mock-app.js';
import { type RunningMockServer, startMockServer } from '../../serve/start-mock-server.js';
import { createManualClock } from '../../state/clock.js';
import { rawHttp } from '../../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  jsonOf,
  jstBusiness,
  multipartBody,
  type Send,
  sendTo,
  signedGatewayFields,
  signedTopParams,
  type TopEncoding,
  topRequest,
} from '../../test-support/signed-requests.js';

let server: RunningMockServer;
let inProcess: MockApp;

beforeAll(async () => {
  server = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
  inProcess = createMockApp({ clock: createManualClock(fixedNow) });
});
afterAll(() => server.close());

const encodings: TopEncoding[] = ['query-get', 'form-post', 'multipart-post', 'split-post'];

describe.each([
  ['in-process', () => sendTo(inProcess)],
  ['loopback', () => sendTo(server.url)],
] as [string, () => Send][])('TOP encodings (%s)', (_label, makeSend) => {
  it.each(encodings)('accepts a signed JST send as %s, JSON and XML', async (encoding) => {
    const send = makeSend();
    for (const format of ['json', 'xml'] as const) {
      const response = await send(...topRequest(signedTopParams(jstBusiness(), { format }), encoding));
      expect(response.status).toBe(200);
      const text = await response.text();
      if (format === 'json')
        expect(JSON.parse(text).jst_sms_message_send_response.request_success).toBe(true);
      else expect(text).toContain('<request_success>true</request_success>');
    }
  });

  it('accepts a fw199 send as urlencoded and as multipart', async () => {
    const send = makeSend();
    const fields = signedGatewayFields('tb_seller_nick', [
      { order_id: '1', sms_free_sign_name: '签名', template_code: 'SMS_1' },
    ]);
    const form = await send('/gateway/taobao/jst/sms/tid/send', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: formBody(fields),
    });
    expect((await jsonOf(form)).data[0].code).toBe(0);
    const multipart = await send('/gateway/taobao/jst/sms/tid/send', {
      method: 'POST',
      body: multipartBody(fields),
    });
    expect((await jsonOf(multipart)).data[0].code).toBe(0);
  });
});

describe('encodings fetch cannot send (raw HTTP over loopback)', () => {
  it('accepts a GET with everything in a urlencoded body', async () => {
    const body = formBody(signedTopParams(jstBusiness()));
    const response = await rawHttp(
      server.url,
      `GET /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}`,
      body,
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString('utf8')).jst_sms_message_send_response.request_success).toBe(
      true,
    );
  });

  it('reads a POST body without Content-Type as urlencoded', async () => {
    const body = formBody(signedTopParams(jstBusiness()));
    const response = await rawHttp(
      server.url,
      `POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}`,
      body,
    );
    expect(JSON.parse(response.body.toString('utf8')).jst_sms_message_send_response.request_success).toBe(
      true,
    );
  });

  it('reads a chunked body', async () => {
    const body = formBody(signedTopParams(jstBusiness()));
    const half = Math.floor(body.length / 2);
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const response = await rawHttp(
      server.url,
      'POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked',
      `${chunk(body.slice(0, half))}${chunk(body.slice(half))}0\r\n\r\n`,
    );
    expect(JSON.parse(response.body.toString('utf8')).jst_sms_message_send_response.request_success).toBe(
      true,
    );
  });
});
