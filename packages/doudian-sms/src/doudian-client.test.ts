import { verifyGateway } from '@x/signing';
import { fixtureReader, jsonResponse, neverAnswers, type Responder, recordingFetch } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendsEverything, sentRequestData } from './doudian-test-gateway.js';
import {
  createDoudianClient,
  type DoudianClientOptions,
  type DoudianSendRequest,
  isGatewayError,
  isTransportError,
  isValidationError,
  type RequestHookInfo,
  type ResponseHookInfo,
} from './index.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-doudian-secret-9f4a';
const path = '/gateway/dd/sms/send';
const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

/** The documented request example (`docs/protocol.md` §2.4): one message by order id, one by phone ciphertext. */
const documentedRequest: DoudianSendRequest = {
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  messages: [
    { order_id: '5001789329480019707', template_param: { name: '顺丰', number: 'sf3813741222' } },
    { post_tel: ciphertext, template_param: { name: '中通', number: 'zt381382999' } },
  ],
};

function client(respond: Responder = sendsEverything, options: Partial<DoudianClientOptions> = {}) {
  const recording = recordingFetch(respond);
  const doudian = createDoudianClient({
    appId: 'test-appid',
    appSecret: secret,
    sellerNick: 'oms38173182',
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { doudian, requests: recording.requests };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('posts appid, Unix-seconds timestamp, seller_nick, compact request_data and a verifiable sign', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-07-11T07:52:16.400Z'));
    const { doudian, requests } = client(() => jsonResponse(fixture('doudian-send-seed.json')));
    await doudian.send(documentedRequest);

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.toString()).toBe(`https://kf.fw199.com${path}`);
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(sent?.form).toEqual({
      appid: 'test-appid',
      timestamp: '1657525936',
      seller_nick: 'oms38173182',
      request_data:
        '{"sign":"群荐的铺子","sms_message_list":[' +
        '{"biz_type":1,"order_id":"5001789329480019707","template_param":"{\\"name\\":\\"顺丰\\",\\"number\\":\\"sf3813741222\\"}"},' +
        `{"biz_type":0,"post_tel":"${ciphertext}","template_param":"{\\"name\\":\\"中通\\",\\"number\\":\\"zt381382999\\"}"}` +
        '],"template_id":"ST_72dd4e2c"}',
      sign: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(verifyGateway(sent!.form, secret)).toEqual({ ok: true });
    // template_param travels as a JSON string holding the object (`docs/protocol.md` §2.4).
    const [first] = sentRequestData(sent!).sms_message_list;
    expect(JSON.parse(String(first?.template_param))).toEqual({ name: '顺丰', number: 'sf3813741222' });
  });

  it('sends a plain mobile as biz_type 0, tag and user_ext_code when given, and leaves out what is empty', async () => {
    const { doudian, requests } = client();
    await doudian.send({
      sign: '群荐的铺子',
      template_id: 'ST_1',
      tag: 'campaign-7',
      user_ext_code: '01',
      messages: [{ post_tel: '13800138000' }, { order_id: 5001789329480019707n, template_param: {} }],
    });
    expect(requests[0]?.form.request_data).toBe(
      '{"sign":"群荐的铺子","sms_message_list":[{"biz_type":0,"post_tel":"13800138000"},' +
        '{"biz_type":1,"order_id":"5001789329480019707"}],"template_id":"ST_1","tag":"campaign-7","user_ext_code":"01"}',
    );

    await doudian.send({
      sign: 's',
      template_id: 't',
      tag: '',
      user_ext_code: '',
      messages: [{ order_id: '1' }],
    });
    expect(sentRequestData(requests[1]!)).toEqual({
      sign: 's',
      template_id: 't',
      sms_message_list: [{ biz_type: 1, order_id: '1' }],
    });
  });

  it('sends for the seller given to send() and to the gateway at baseUrl', async () => {
    const { doudian, requests } = client(sendsEverything, { baseUrl: 'http://127.0.0.1:8787/fw199' });
    await doudian.send(documentedRequest, { sellerNick: 'other-shop' });
    expect(requests[0]?.url.toString()).toBe(`http://127.0.0.1:8787/fw199${path}`);
    expect(requests[0]?.form.seller_nick).toBe('other-shop');
    expect(verifyGateway(requests[0]!.form, secret)).toEqual({ ok: true });
  });
});

describe('the answer', () => {
  it('pairs the documented example — answered in swapped order — with the right messages', async () => {
    const { doudian } = client(() => jsonResponse(fixture('doudian-send-seed.json')));
    const results = await doudian.send(documentedRequest);
    expect(results).toEqual([
      {
        ok: true,
        message_id: 'f2d1acbf-63c9-495b-b18a-91fc15bb4138',
        message: '',
        order_id: '5001789329480019707',
      },
      {
        ok: true,
        message_id: '0a01be41-5403-4731-b6b8-b48d0bb5d986',
        message: '',
        order_id: '',
        post_tel: '$DcwmMAKzUZz…',
      },
    ]);
  });

  it('makes a message the gateway refused a failure that was not sent, with its recipient', async () => {
    const { doudian } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [
          { code: 0, message: '', order_id: '5001789329480019707', message_id: 'm1' },
          { code: 40005, message: '参数错误:post_tel', order_id: '', message_id: '' },
        ],
      }),
    );
    const results = await doudian.send({
      ...documentedRequest,
      messages: [documentedRequest.messages[0]!, { post_tel: '13800138000' }],
    });
    expect(results[1]).toEqual({
      ok: false,
      code: 40005,
      message: '参数错误:post_tel',
      retryable: false,
      maybeSent: false,
      order_id: '',
      post_tel: '138****8000',
    });
  });
});

describe('call-level failures', () => {
  it.each([
    [40001, 'appid不存在'],
    [40002, '签名错误'],
    [40003, '时间戳已过期'],
    [40004, '店铺未授权'],
    [40005, '参数错误:sign'],
    [40006, '单次最多100条'],
  ])('makes outer code %i a GatewayError on every message: not sent, not retried', async (code, message) => {
    const { doudian, requests } = client(() =>
      jsonResponse({ code, message, data: null, trace_id: 'trace-2' }),
    );
    const results = await doudian.send(documentedRequest);

    expect(requests).toHaveLength(1);
    expect(results.map((result) => result.order_id)).toEqual(['5001789329480019707', '']);
    for (const result of results) {
      expect(result).toMatchObject({
        ok: false,
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
        traceId: 'trace-2',
        maybeSent: false,
      });
    }
  });

  it('counts an outer code the gateway does not document as maybe sent', async () => {
    const { doudian } = client(() => jsonResponse({ code: 50000, message: '系统繁忙' }));
    const [result] = await doudian.send(documentedRequest);
    expect(result).toMatchObject({ ok: false, code: 50000, retryable: false, maybeSent: true });
  });

  it('does not retry a timeout after the request was sent, and says the messages may have gone out', async () => {
    const { doudian, requests } = client(neverAnswers, { timeout: 30 });
    const results = await doudian.send(documentedRequest);
    expect(requests).toHaveLength(1);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: false, maybeSent: true });
      expect(isTransportError(result.ok ? undefined : result.error)).toBe(true);
    }
  });

  it('retries a connection that was refused before anything was written', async () => {
    const { doudian, requests } = client((request, index) => {
      if (index === 0) {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND kf.fw199.com'), { code: 'ENOTFOUND' }),
        });
      }
      return sendsEverything(request);
    });
    const results = await doudian.send(documentedRequest);
    expect(requests).toHaveLength(2);
    expect(results.every((result) => result.ok)).toBe(true);
  });
});

describe('redaction', () => {
  const phone = '13912345678';

  it('masks a phone number that a refused message’s message quotes', async () => {
    const { doudian } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [
          { code: 0, message: '', order_id: '1', message_id: 'm1' },
          { code: 40005, message: `参数错误:post_tel ${phone} 已退订`, order_id: '', message_id: '' },
        ],
      }),
    );
    const results = await doudian.send({
      sign: 's',
      template_id: 't',
      messages: [{ order_id: '1' }, { post_tel: phone }],
    });
    expect(results[1]).toEqual({
      ok: false,
      code: 40005,
      message: '参数错误:post_tel 139****5678 已退订',
      retryable: false,
      maybeSent: false,
      order_id: '',
      post_tel: '139****5678',
    });
    expect(JSON.stringify(results)).not.toContain(phone);
  });

  it('keeps the secret, the signature and plain phone numbers out of hooks, errors and results', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { doudian, requests } = client(
      () => jsonResponse({ code: 40005, message: `参数错误:post_tel ${phone} ${secret}` }),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const results = await doudian.send({
      sign: 's',
      template_id: 't',
      messages: [{ post_tel: phone, template_param: { phone, note: `回电 ${phone}` } }, { order_id: '1' }],
    });
    const error = results[0]?.ok ? undefined : results[0]?.error;
    expect(isGatewayError(error)).toBe(true);
    expect(results[0]?.post_tel).toBe('139****5678');
    const outputs = [
      JSON.stringify(seen),
      JSON.stringify(results),
      JSON.stringify(error),
      String(error),
      error?.stack,
    ].join('\n');
    expect(outputs).toContain('139****5678');
    for (const canary of [secret, phone, requests[0]!.form.sign!]) expect(outputs).not.toContain(canary);
  });

  it.each<[string, DoudianSendRequest['messages'], string]>([
    ['malformed', [{ post_tel: '1391234567' }], 'messages.0.post_tel'],
    ['repeated', [{ post_tel: phone }, { order_id: '1' }, { post_tel: phone }], 'messages.2.post_tel'],
  ])('never echoes a %s phone number in a ValidationError', async (_label, messages, field) => {
    const { doudian, requests } = client();
    const error = await doudian
      .send({ sign: 's', template_id: 't', messages })
      .catch((thrown: unknown) => thrown);
    expect(isValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
    const outputs = [JSON.stringify(error), String(error), (error as Error).stack].join('\n');
    expect(outputs).toContain(field);
    for (const canary of ['1391234567', phone]) expect(outputs).not.toContain(canary);
  });
});
