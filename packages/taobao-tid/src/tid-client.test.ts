import { verifyGateway } from '@x/signing';
import {
  connectionFailure,
  fixtureReader,
  jsonResponse,
  neverAnswers,
  type Responder,
  recordingFetch,
} from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTidClient,
  isGatewayError,
  isTransportError,
  type RequestHookInfo,
  type ResponseHookInfo,
  type TidClientOptions,
  type TidSendItem,
} from './index.js';
import { sendsEverything } from './tid-test-gateway.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-tid-secret-7e21';
const path = '/gateway/taobao/jst/sms/tid/send';

/** The two items of the documented request example (`docs/protocol.md` §2.3). */
const documentedItems: TidSendItem[] = [
  {
    extend_name: 'extname-100',
    extend: 'extend200',
    additional_info: true,
    sms_free_sign_name: '迈步鞋城淘宝店',
    params: { mima: 'p282', cardno: '38138124' },
    order_id: '3006925020239565830',
    extend_code: '888',
    template_code: 'SMS_251071470',
  },
  {
    extend_name: 'extname-200',
    extend: 'extend200',
    additional_info: true,
    sms_free_sign_name: '迈步鞋城淘宝店',
    params: { code: '38138125' },
    order_id: '3011187783529034024',
    extend_code: '888',
    template_code: 'SMS_257051849',
  },
];

function client(respond: Responder = sendsEverything, options: Partial<TidClientOptions> = {}) {
  const recording = recordingFetch(respond);
  const tid = createTidClient({
    appId: 'test-appid',
    appSecret: secret,
    sellerNick: 'kingdo',
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { tid, requests: recording.requests };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('posts appid, Unix-seconds timestamp, tb_seller_nick, compact request_data and a verifiable sign', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2021-10-07T14:58:42.900Z'));
    const { tid, requests } = client(() => jsonResponse(fixture('tid-send-seed.json')));
    await tid.send(documentedItems);

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.toString()).toBe(`https://kf.fw199.com${path}`);
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(sent?.form).toEqual({
      appid: 'test-appid',
      timestamp: '1633618722',
      tb_seller_nick: 'kingdo',
      request_data:
        '[{"order_id":"3006925020239565830","sms_free_sign_name":"迈步鞋城淘宝店","template_code":"SMS_251071470",' +
        '"params":{"mima":"p282","cardno":"38138124"},"extend_name":"extname-100","extend_code":"888",' +
        '"extend":"extend200","additional_info":true},' +
        '{"order_id":"3011187783529034024","sms_free_sign_name":"迈步鞋城淘宝店","template_code":"SMS_257051849",' +
        '"params":{"code":"38138125"},"extend_name":"extname-200","extend_code":"888",' +
        '"extend":"extend200","additional_info":true}]',
      sign: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(verifyGateway(sent!.form, secret)).toEqual({ ok: true });
    expect(verifyGateway({ ...sent!.form, tb_seller_nick: 'other' }, secret).ok).toBe(false);
  });

  it('leaves out empty optional fields, sends a bigint order id as digits and keeps numeric params numeric', async () => {
    const { tid, requests } = client();
    await tid.send([
      {
        order_id: 3006925020239565830n,
        sms_free_sign_name: 'sign',
        template_code: 'SMS_1',
        params: { code: 1234, name: '张三' },
        extend: '',
        extend_name: undefined,
      },
      {
        order_id: '42',
        sms_free_sign_name: 'sign',
        template_code: 'SMS_1',
        params: {},
        additional_info: false,
      },
    ]);
    expect(requests[0]?.form.request_data).toBe(
      '[{"order_id":"3006925020239565830","sms_free_sign_name":"sign","template_code":"SMS_1","params":{"code":1234,"name":"张三"}},' +
        '{"order_id":"42","sms_free_sign_name":"sign","template_code":"SMS_1","additional_info":false}]',
    );
  });

  it('sends for the seller given to send() and to the gateway at baseUrl', async () => {
    const { tid, requests } = client(sendsEverything, { baseUrl: 'http://127.0.0.1:8787/' });
    await tid.send(documentedItems.slice(0, 1), { sellerNick: 'other-shop' });
    expect(requests[0]?.url.toString()).toBe(`http://127.0.0.1:8787${path}`);
    expect(requests[0]?.form.tb_seller_nick).toBe('other-shop');
    expect(verifyGateway(requests[0]!.form, secret)).toEqual({ ok: true });
  });
});

describe('the answer', () => {
  it('turns the documented example into a success with its module and a failure with the daily-limit message', async () => {
    const { tid } = client(() => jsonResponse(fixture('tid-send-seed.json')));
    const results = await tid.send(documentedItems);
    expect(results).toEqual([
      {
        ok: true,
        order_id: '3006925020239565830',
        request_id: '15s99ai9wbln1',
        message: 'success',
        module: { code: '341623067818673604^0', nameLen: 3 },
      },
      {
        ok: false,
        order_id: '3011187783529034024',
        code: 1,
        message: 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。',
        retryable: false,
        maybeSent: false,
      },
    ]);
  });

  it('gives module: null when the gateway sends none (additional_info not asked for)', async () => {
    const { tid } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [{ order_id: '42', code: 0, message: 'success', request_id: 'r1' }],
      }),
    );
    const [result] = await tid.send([{ order_id: '42', sms_free_sign_name: 's', template_code: 't' }]);
    expect(result).toEqual({ ok: true, order_id: '42', request_id: 'r1', message: 'success', module: null });
  });
});

describe('call-level failures', () => {
  it.each([
    [40001, 'appid不存在'],
    [40002, '签名错误'],
    [40003, '时间戳已过期'],
    [40004, '店铺未授权'],
    [40005, '参数错误:request_data'],
    [40006, '单次最多100条'],
  ])('makes outer code %i a GatewayError on every item: not sent, not retried', async (code, message) => {
    const { tid, requests } = client(() => jsonResponse({ code, message, data: null, trace_id: 'trace-1' }));
    const results = await tid.send(documentedItems);

    expect(requests).toHaveLength(1);
    expect(results).toHaveLength(2);
    results.forEach((result, index) => {
      expect(result).toMatchObject({
        ok: false,
        order_id: documentedItems[index]?.order_id,
        code,
        message: `${path} failed on the fw199 gateway: [${code}] ${message}; nothing was sent`,
        retryable: false,
        maybeSent: false,
      });
      const error = result.ok ? undefined : result.error;
      expect(isGatewayError(error)).toBe(true);
      expect(error).toMatchObject({
        code,
        gatewayMessage: message,
        traceId: 'trace-1',
        maybeSent: false,
      });
    });
  });

  it('counts an outer code the gateway does not document as maybe sent', async () => {
    const { tid } = client(() => jsonResponse({ code: 50000, message: '系统繁忙' }));
    const [result] = await tid.send(documentedItems.slice(0, 1));
    expect(result).toMatchObject({ ok: false, code: 50000, retryable: false, maybeSent: true });
  });

  it('does not retry a timeout after the request was sent, and says the items may have gone out', async () => {
    const { tid, requests } = client(neverAnswers, { timeout: 30 });
    const results = await tid.send(documentedItems);
    expect(requests).toHaveLength(1);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: false, maybeSent: true });
      expect(isTransportError(result.ok ? undefined : result.error)).toBe(true);
    }
  });

  it('retries a connection that was refused before anything was written', async () => {
    const { tid, requests } = client((request, index) => {
      if (index === 0) throw connectionFailure('ECONNREFUSED');
      return sendsEverything(request);
    });
    const results = await tid.send(documentedItems);
    expect(requests).toHaveLength(2);
    expect(results.every((result) => result.ok)).toBe(true);
  });
});

describe('redaction', () => {
  it('masks a phone number that a refused item’s message quotes', async () => {
    const phone = '13912345678';
    const { tid } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [
          {
            order_id: '42',
            code: 1,
            message: `Remote service error,请求失败,号码${phone}的短信发送次数超过当天限制。`,
            request_id: '',
            module: null,
          },
        ],
      }),
    );
    const [result] = await tid.send([{ order_id: '42', sms_free_sign_name: 's', template_code: 't' }]);
    expect(result).toEqual({
      ok: false,
      order_id: '42',
      code: 1,
      message: 'Remote service error,请求失败,号码139****5678的短信发送次数超过当天限制。',
      retryable: false,
      maybeSent: false,
    });
    expect(JSON.stringify(result)).not.toContain(phone);
  });

  it('keeps the secret, the signature and phone numbers out of hooks, errors and results', async () => {
    const phone = '13912345678';
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { tid, requests } = client(
      () => jsonResponse({ code: 40005, message: `参数错误:params ${phone} ${secret}` }),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const [result] = await tid.send([
      {
        order_id: '42',
        sms_free_sign_name: 's',
        template_code: 't',
        params: { phone, note: `call ${phone}` },
      },
    ]);
    const error = result?.ok ? undefined : result?.error;
    expect(isGatewayError(error)).toBe(true);
    const outputs = [
      JSON.stringify(seen),
      JSON.stringify(result),
      JSON.stringify(error),
      String(error),
      error?.stack,
    ].join('\n');
    expect(outputs).toContain('139****5678');
    for (const canary of [secret, phone, requests[0]!.form.sign!]) expect(outputs).not.toContain(canary);
  });
});
