import { verifyGateway } from '@x/signing';
import {
  connectionFailure,
  fixtureReader,
  jsonResponse,
  type Responder,
  recordingFetch,
  rejection,
  textResponse,
} from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isGatewayError, isTransportError, isValidationError } from './error-guards.js';
import { createGatewayCaller, type GatewayCallerOptions } from './gateway-call.js';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-gateway-secret-51c0';
const tidPath = '/gateway/taobao/jst/sms/tid/send';

const tidItem = z.object({
  order_id: z.string(),
  code: z.number(),
  message: z.string(),
  request_id: z.string(),
  module: z.object({ code: z.string(), nameLen: z.number() }).nullable().optional(),
});
const doudianItem = z.object({
  code: z.number(),
  message: z.string(),
  order_id: z.string(),
  message_id: z.string(),
});

const requestData = [
  {
    order_id: '3006925020239565830',
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { mima: 'p282', cardno: '38138124' },
    extend: undefined,
    additional_info: true,
  },
];

function client(respond: Responder, options: Partial<GatewayCallerOptions> = {}) {
  const recording = recordingFetch(respond);
  const caller = createGatewayCaller({
    appId: 'test-appid',
    appSecret: secret,
    sellerNick: 'test-seller',
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { caller, requests: recording.requests };
}

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

describe('the gateway answer', () => {
  it('returns the TID document example items, the failed one included, and the trace id', async () => {
    const { caller } = client(() => textResponse(fixture('gateway-tid-send.json'), 'application/json'));
    const result = await caller.call({
      path: tidPath,
      sellerField: 'tb_seller_nick',
      requestData,
      item: tidItem,
    });
    expect(result.message).toBe('ok');
    expect(result.traceId).toBe('');
    expect(result.items).toEqual([
      {
        order_id: '3006925020239565830',
        code: 0,
        message: 'success',
        request_id: '15s99ai9wbln1',
        module: { code: '341623067818673604^0', nameLen: 3 },
      },
      {
        order_id: '3011187783529034024',
        code: 1,
        message: 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。',
        request_id: '',
        module: { code: '', nameLen: 0 },
      },
    ]);
  });

  it('accepts the Douyin document example, which has no trace_id', async () => {
    const { caller } = client(() => textResponse(fixture('gateway-doudian-send.json'), 'application/json'));
    const result = await caller.call({
      path: '/gateway/dd/sms/send',
      sellerField: 'seller_nick',
      requestData: {},
      item: doudianItem,
    });
    expect(result.traceId).toBeUndefined();
    expect(result.items.map((item) => item.message_id)).toEqual([
      '0a01be41-5403-4731-b6b8-b48d0bb5d986',
      'f2d1acbf-63c9-495b-b18a-91fc15bb4138',
    ]);
  });

  it('throws a GatewayError for a non-zero outer code, not sent for a documented check', async () => {
    const { caller, requests } = client(() =>
      textResponse(fixture('gateway-error-signature.json'), 'application/json'),
    );
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(isGatewayError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 40002,
      gatewayMessage: '签名错误',
      traceId: '0b8f3c2a17e5',
      retryable: false,
      maybeSent: false,
      message: `${tidPath} failed on the fw199 gateway: [40002] 签名错误; nothing was sent`,
    });
    expect(requests).toHaveLength(1);
  });

  it('counts an undocumented outer code as possibly processed', async () => {
    const { caller } = client(() => jsonResponse({ code: 50000, message: '系统繁忙' }));
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(error).toMatchObject({
      code: 50000,
      gatewayMessage: '系统繁忙',
      maybeSent: true,
      retryable: false,
    });
  });

  it.each([
    ['not JSON', 'Bad Gateway', 'the answer is not JSON'],
    ['no numeric code', '{"message":"ok"}', 'the answer has no numeric code'],
    ['code 0 without data', '{"code":0,"message":"ok"}', 'code 0 without a data array'],
    ['an item without the documented fields', '{"code":0,"data":[{"code":0}]}', 'data.0 does not match'],
  ])('makes %s an unparseable-body error that may have been processed', async (_label, body, detail) => {
    const { caller } = client(() => textResponse(body, 'application/json'));
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unparseable-body', maybeSent: true, retryable: false });
    expect((error as { detail: string }).detail).toContain(detail);
  });
});

describe('client options', () => {
  it('names every missing or malformed option', () => {
    let caught: unknown;
    try {
      createGatewayCaller({
        appId: '',
        appSecret: undefined as unknown as string,
        sellerNick: 's',
        baseUrl: 'ftp://x',
      });
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect((caught as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field)).toEqual([
      'appId',
      'appSecret',
      'baseUrl',
    ]);
  });
});

describe('redaction', () => {
  it('keeps the secret and phone numbers out of hooks and errors', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { caller } = client(
      () => jsonResponse({ code: 40005, message: `参数错误:post_tel 13800138000 ${secret}` }),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const error = await rejection(
      caller.call({
        path: '/gateway/dd/sms/send',
        sellerField: 'seller_nick',
        requestData: { sms_message_list: [{ biz_type: 0, post_tel: '13800138000' }] },
        item: doudianItem,
      }),
    );
    const outputs = [JSON.stringify(seen), JSON.stringify(error), String(error), (error as Error).stack].join(
      '\n',
    );
    expect(outputs).toContain('138****8000');
    for (const canary of [secret, '13800138000']) expect(outputs).not.toContain(canary);
  });
});
