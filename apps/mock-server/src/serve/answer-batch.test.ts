/**
 * Answers written together at the end of the loop's turn (answer-batch.ts): each client still gets its own
 * answer, and a suite that fakes timers after starting the mock in-process still gets answers at all.
 */
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../state/clock.js';
import { rawHttp } from '../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
} from '../test-support/signed-requests.js';
import { type RunningMockServer, startMockServer } from './start-mock-server.js';

const tidPath = '/gateway/taobao/jst/sms/tid/send';

describe('answers written at the end of the turn', () => {
  let mock: RunningMockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
  });
  afterAll(() => mock.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  function postTid(orderId: string): Promise<Response> {
    const fields = signedGatewayFields('tb_seller_nick', [
      { order_id: orderId, sms_free_sign_name: '签名', template_code: 'SMS_1' },
    ]);
    return fetch(`${mock.url}${tidPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(fields),
    });
  }

  it('gives each of many concurrent requests its own answer', async () => {
    // Every order id is different and echoed back, so a mixed-up answer would show.
    const orderIds = Array.from(
      { length: 60 },
      (_, index) => `3006925020239565${String(index).padStart(3, '0')}`,
    );
    const answers = await Promise.all(
      orderIds.map(async (orderId) => {
        const response = await postTid(orderId);
        return { orderId, status: response.status, body: JSON.parse(await response.text()) };
      }),
    );
    for (const { orderId, status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data).toHaveLength(1);
      expect(body.data[0]).toMatchObject({ order_id: orderId, code: 0 });
    }
  });

  it('answers good and bad requests sent together, each with its own kind of answer', async () => {
    const good = formBody(signedTopParams(jstBusiness()));
    const bad = formBody({ ...signedTopParams(jstBusiness()), sign: 'F'.repeat(32) });
    const bodies = Array.from({ length: 30 }, (_, index) => (index % 3 === 0 ? bad : good));
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const response = await fetch(`${mock.url}/router/rest`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        return { bad: body === bad, text: await response.text() };
      }),
    );
    for (const answer of answers) {
      expect(answer.text.startsWith('{"error_response"')).toBe(answer.bad);
    }
  });

  it('keeps pipelined answers on one connection in request order, batched or not', async () => {
    const good = formBody(signedTopParams(jstBusiness()));
    const bad = formBody({ ...signedTopParams(jstBusiness()), sign: 'F'.repeat(32) });
    const post = (body: string) =>
      `POST /router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    // The health check takes Hono's own path and answers at once; the protocol answers wait for the turn's end.
    const health = 'GET /__mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const last = 'GET /__mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const { hostname, port } = new URL(mock.url);
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(post(good) + post(bad) + health + post(good) + last);
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const kinds = received
      .split('HTTP/1.1 ')
      .slice(1)
      .map((answer) =>
        answer.includes('"error_response"')
          ? 'error'
          : answer.includes('"jst_sms_message_send_response"')
            ? 'success'
            : answer.includes('"status":"ok"')
              ? 'health'
              : 'other',
      );
    expect(kinds).toEqual(['success', 'error', 'health', 'success', 'health']);
  });

  it('still answers when the suite fakes timers after starting the mock', async () => {
    vi.useFakeTimers();
    const body = formBody(signedTopParams(jstBusiness()));
    // Raw HTTP: no client-side timer is involved either.
    const response = await rawHttp(
      mock.url,
      `POST /router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}`,
      body,
    );
    expect(response.status).toBe(200);
    expect(response.body.toString('utf8')).toContain('"jst_sms_message_send_response"');
  });
});
