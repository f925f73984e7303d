/**
 * The fw199 gateway request: the signed form posted to origin + path, baseUrl with a path prefix, the seller
 * a call is for, signing each retry afresh, and what it refuses before sending.
 */
import { verifyGateway } from '@x/signing';
import { connectionFailure, jsonResponse, rejection, textResponse } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isValidationError } from './error-guards.js';
import {
  client,
  doudianItem,
  fixture,
  requestData,
  secret,
  tidItem,
  tidPath,
} from './test-support/gateway-caller.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the gateway request', () => {
  it('posts appid, Unix-seconds timestamp, seller, compact request_data and a verifiable sign to origin + path', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2021-10-07T14:58:42.900Z'));
    const { caller, requests } = client(() =>
      textResponse(fixture('gateway-tid-send.json'), 'application/json'),
    );
    await caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url.toString()).toBe(`https://kf.fw199.com${tidPath}`);
    expect(request?.query).toEqual({});
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.form).toEqual({
      appid: 'test-appid',
      timestamp: '1633618722',
      tb_seller_nick: 'test-seller',
      request_data:
        '[{"order_id":"3006925020239565830","sms_free_sign_name":"迈步鞋城淘宝店","template_code":"SMS_251071470","params":{"mima":"p282","cardno":"38138124"},"additional_info":true}]',
      sign: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(verifyGateway(request!.form, secret)).toEqual({ ok: true });
  });

  it('keeps a path prefix of baseUrl and drops its trailing slash', async () => {
    const { caller, requests } = client(() => jsonResponse({ code: 0, message: 'ok', data: [] }), {
      baseUrl: 'http://127.0.0.1:8787/fw199/',
    });
    await caller.call({
      path: '/gateway/dd/sms/send',
      sellerField: 'seller_nick',
      requestData: {},
      item: doudianItem,
    });
    expect(requests[0]?.url.toString()).toBe('http://127.0.0.1:8787/fw199/gateway/dd/sms/send');
  });

  it('uses the seller given to the call over the client one', async () => {
    const { caller, requests } = client(() => jsonResponse({ code: 0, message: 'ok', data: [] }));
    await caller.call({
      path: '/gateway/dd/sms/send',
      sellerField: 'seller_nick',
      requestData: {},
      item: doudianItem,
      sellerNick: 'other-shop',
    });
    expect(requests[0]?.form.seller_nick).toBe('other-shop');
  });

  it.each<[string, unknown, string]>([
    ['an empty', '', 'must not be empty'],
    ['a blank', '  ', 'must not be empty'],
    ['a non-string', 42, 'is required and must be a string'],
  ])(
    'refuses %s per-call seller rather than sending for the client’s',
    async (_label, sellerNick, reason) => {
      const { caller, requests } = client(() => jsonResponse({ code: 0, message: 'ok', data: [] }));
      const error = await rejection(
        caller.call({
          path: '/gateway/dd/sms/send',
          sellerField: 'seller_nick',
          requestData: {},
          item: doudianItem,
          sellerNick: sellerNick as string,
        }),
      );
      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ api: '/gateway/dd/sms/send', field: 'sellerNick', reason });
      expect(requests).toHaveLength(0);
    },
  );

  it('tells which seller a call is for: its own, or the client’s when it names none', () => {
    const { caller } = client(() => jsonResponse({ code: 0, message: 'ok', data: [] }));
    expect(caller.sellerFor(tidPath)).toBe('test-seller');
    expect(caller.sellerFor(tidPath, undefined)).toBe('test-seller');
    expect(caller.sellerFor(tidPath, 'other-shop')).toBe('other-shop');
    let caught: unknown;
    try {
      caller.sellerFor(tidPath, '');
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ api: tidPath, field: 'sellerNick' });
  });

  it('signs each retry afresh over the same request_data text', async () => {
    const { caller, requests } = client((_request, index) => {
      if (index === 0) throw connectionFailure('ECONNREFUSED');
      return jsonResponse({ code: 0, message: 'ok', data: [] });
    });
    await caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.form.request_data).toBe(requests[0]?.form.request_data);
    for (const request of requests) expect(verifyGateway(request.form, secret)).toEqual({ ok: true });
  });

  it('rejects request data that is not JSON before sending anything', async () => {
    const { caller, requests } = client(() => jsonResponse({ code: 0, data: [] }));
    const error = await rejection(
      caller.call({
        path: tidPath,
        sellerField: 'tb_seller_nick',
        requestData: [{ n: Number.NaN }],
        item: tidItem,
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'request_data.0.n' });
    expect(requests).toHaveLength(0);
  });
});
