/**
 * Our four clients against the magic values and scripted faults, over loopback: each outcome maps to the
 * right error class (TopPlatformError, GatewayError, TransportError) or per-item failure, with the right retry
 * verdict — and a send that was accepted before the connection dropped is never sent twice.
 */
import {
  createDoudianClient,
  type DoudianSendResult,
  isTransportError as isDoudianTransportError,
  isGatewayError,
} from '@x/doudian-sms';
import { createTpnClient } from '@x/qianniu-tpn';
import { createJstClient, isTopPlatformError, isTransportError } from '@x/taobao-jst';
import { createTidClient, type TidSendResult } from '@x/taobao-tid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../../serve/start-mock-server.js';
import { eventually, messagesOf, postFault, requestsOf } from '../../../test-support/mock-control.js';
import { magicCiphertext } from '../magic/magic-catalog.js';

let server: RunningMockServer;
beforeAll(async () => {
  // Each test sends with its own app key (`client-<n>`, one shared secret), so its inbox and journal are its own.
  server = await startMockServer({
    port: 0,
    top: { apps: [{ appKeyPattern: 'client-\\d+', secret: 'test-secret', sessions: [{ session: '*' }] }] },
    gateway: { apps: [{ appIdPattern: 'client-\\d+', secret: 'test-secret', sellers: ['test-seller'] }] },
  });
});
afterAll(() => server.close());

let namespaceCounter = 0;
const newNamespace = () => `client-${++namespaceCounter}`;
/** No waiting in tests: retries (when they happen) start at once. */
const quickRetry = { delay: () => 1, jitter: false };

function jst(app: string, options: { timeout?: number; retry?: object } = {}) {
  return createJstClient({
    appKey: app,
    appSecret: 'test-secret',
    session: 'test-session',
    baseUrl: `${server.url}/router/rest`,
    retry: { ...quickRetry, ...options.retry },
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}
function tpn(app: string, options: { timeout?: number; retry?: object } = {}) {
  return createTpnClient({
    appKey: app,
    appSecret: 'test-secret',
    baseUrl: `${server.url}/router/rest`,
    retry: { ...quickRetry, ...options.retry },
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}
function tid(app: string, timeout?: number) {
  return createTidClient({
    appId: app,
    appSecret: 'test-secret',
    sellerNick: 'test-seller',
    baseUrl: server.url,
    retry: quickRetry,
    ...(timeout === undefined ? {} : { timeout }),
  });
}
function doudian(app: string, timeout?: number) {
  return createDoudianClient({
    appId: app,
    appSecret: 'test-secret',
    sellerNick: 'test-seller',
    baseUrl: server.url,
    retry: quickRetry,
    ...(timeout === undefined ? {} : { timeout }),
  });
}

const sms = (phone: string) => ({
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: phone,
  params: { content: '您好' },
});
const qianniu = (userId: string) => ({
  template_key: 'xxxx',
  template_id: 101,
  user_id: userId,
  biz_id: '122323434545',
});
const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
const ordinaryOrder = '3006925020239565830';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (result) => expect.fail(`expected a rejection, got ${JSON.stringify(result)}`),
    (error: unknown) => error,
  );
}

/** What each TOP magic value becomes in a client: the error's class and fields, and what the mock recorded. */
const topCases: {
  value: string;
  what: string;
  error: 'platform' | 'transport';
  jst: Record<string, unknown>;
  tpn?: Record<string, unknown>;
  recorded: number;
  timeout?: number;
}[] = [
  {
    value: '19900000100',
    what: 'invalid number',
    error: 'platform',
    jst: {
      code: 15,
      subCode: 'isv.MOBILE_NUMBER_ILLEGAL',
      subMsg: '号码格式错误',
      retryable: false,
      maybeSent: false,
    },
    tpn: { code: 50, subCode: 'isv.invalid-parameter', retryable: false, maybeSent: false },
    recorded: 0,
  },
  {
    value: '19900000200',
    what: 'daily limit',
    error: 'platform',
    jst: {
      code: 15,
      subCode: 'isv.BUSINESS_LIMIT_CONTROL',
      subMsg: '触发天级流控Permits:10',
      retryable: false,
      maybeSent: false,
    },
    recorded: 0,
  },
  {
    value: '19900000300',
    what: 'transient platform error (may have been sent)',
    error: 'platform',
    jst: { code: 15, subCode: 'isp.top-remote-connection-timeout', retryable: false, maybeSent: true },
    recorded: 0,
  },
  {
    value: '19900000801',
    what: 'slow answer past the client timeout',
    error: 'transport',
    jst: { kind: 'timeout', retryable: false, maybeSent: true },
    recorded: 1,
    timeout: 300,
  },
  {
    value: '19900000900',
    what: 'accepted, then the connection drops',
    error: 'transport',
    jst: { kind: 'network', retryable: false, maybeSent: true },
    recorded: 1,
  },
  {
    value: '19900001000',
    what: 'dropped before processing',
    error: 'transport',
    jst: { kind: 'network', retryable: false, maybeSent: true },
    recorded: 0,
  },
  {
    value: '19900001100',
    what: 'malformed body',
    error: 'transport',
    jst: { kind: 'unparseable-body', retryable: false, maybeSent: true },
    recorded: 1,
  },
  {
    value: '19900001202',
    what: 'proxy 502',
    error: 'transport',
    jst: { kind: 'http-status', status: 502, retryable: false, maybeSent: true },
    recorded: 0,
  },
];

describe('TOP clients (@x/taobao-jst, @x/qianniu-tpn) and the magic values', () => {
  it.each(topCases)('$value ($what)', async (testCase) => {
    const guard = testCase.error === 'platform' ? isTopPlatformError : isTransportError;
    const jstApp = newNamespace();
    const jstError = await failure(jst(jstApp, { timeout: testCase.timeout }).send(sms(testCase.value)));
    expect(guard(jstError)).toBe(true);
    expect(jstError).toMatchObject(testCase.jst);
    const tpnApp = newNamespace();
    const tpnError = await failure(tpn(tpnApp, { timeout: testCase.timeout }).send(qianniu(testCase.value)));
    expect(guard(tpnError)).toBe(true);
    expect(tpnError).toMatchObject(testCase.tpn ?? testCase.jst);
    for (const app of [jstApp, tpnApp]) {
      // Not retried: one request each; recorded exactly as often as the platform processed it. A client that
      // timed out may return before the mock journals its request (the journal is written after recording).
      await eventually(async () => expect(await requestsOf(server.url, app)).toHaveLength(1));
      expect(await messagesOf(server.url, app)).toHaveLength(testCase.recorded);
    }
  });

  it('19900000600 (recipient blocked): an answer, not an exception — ok false', async () => {
    expect(await jst(newNamespace()).send(sms('19900000600'))).toMatchObject({
      ok: false,
      request_success: false,
      request_code: 'isv.BLACK_KEY_CONTROL_LIMIT',
      message: '黑名单管控',
      module: null,
    });
    expect(await tpn(newNamespace()).send(qianniu('19900000600'))).toMatchObject({
      ok: false,
      is_success: false,
      error_msg: '黑名单管控',
    });
  });

  it('19900000703 (app call limited): retryable, with the ban as retryAfterMs; retried while it lasts', async () => {
    const app = newNamespace();
    const error = await failure(jst(app, { retry: { limit: 0 } }).send(sms('19900000703')));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({ code: 7, retryable: true, maybeSent: false, retryAfterMs: 3000 });
    // A ban of 1 s is waited out, twice (the default limit), then thrown: three requests, nothing sent.
    const retried = newNamespace();
    const last = await failure(jst(retried).send(sms('19900000701')));
    expect(last).toMatchObject({ code: 7, retryAfterMs: 1000 });
    expect(await requestsOf(server.url, retried)).toHaveLength(3);
    expect(await messagesOf(server.url, retried)).toHaveLength(0);
  }, 10_000);
});

describe('gateway clients (@x/taobao-tid, @x/doudian-sms) and the magic values', () => {
  it.each([
    ['19900000111', 'Remote service error,请求失败,号码格式错误。'],
    ['19900000211', 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。'],
    ['19900000411', 'Remote service error,请求失败,订单不存在。'],
    ['19900000511', 'Remote service error,请求失败,手机号解密失败。'],
    ['19900000611', 'Remote service error,请求失败,黑名单管控。'],
  ])(
    '%s: a per-item failure result, not sent, not retryable; the other items are sent',
    async (value, message) => {
      const itemFailure = { ok: false, code: 1, message, retryable: false, maybeSent: false };
      const tidResults = await tid(newNamespace()).send([tidItem(ordinaryOrder), tidItem(value)]);
      expect(tidResults).toEqual([
        expect.objectContaining({ ok: true, order_id: ordinaryOrder }),
        { ...itemFailure, order_id: value },
      ]);
      const douyinResults = await doudian(newNamespace()).send({
        sign: '群荐的铺子',
        template_id: 'ST_72dd4e2c',
        messages: [{ order_id: value }, { post_tel: magicCiphertext(value) }, { post_tel: '13800138000' }],
      });
      expect(douyinResults[0]).toEqual({ ...itemFailure, order_id: value });
      expect(douyinResults[1]).toMatchObject(itemFailure);
      expect(douyinResults[2]).toMatchObject({ ok: true });
    },
  );

  const callCases: {
    value: string;
    what: string;
    code: number | string;
    error: 'gateway' | 'transport';
    recorded: number;
    timeout?: number;
  }[] = [
    { value: '19900000300', what: 'platform error', code: 50000, error: 'gateway', recorded: 0 },
    { value: '19900000705', what: 'rate limited', code: 42900, error: 'gateway', recorded: 0 },
    {
      value: '19900000801',
      what: 'slow answer',
      code: 'timeout',
      error: 'transport',
      recorded: 2,
      timeout: 300,
    },
    {
      value: '19900000900',
      what: 'accepted, then dropped',
      code: 'network',
      error: 'transport',
      recorded: 2,
    },
    {
      value: '19900001000',
      what: 'dropped before processing',
      code: 'network',
      error: 'transport',
      recorded: 0,
    },
    {
      value: '19900001100',
      what: 'malformed body',
      code: 'unparseable-body',
      error: 'transport',
      recorded: 2,
    },
    { value: '19900001203', what: 'proxy 503', code: 'http-status', error: 'transport', recorded: 0 },
  ];

  it.each(callCases)(
    '$value ($what): every item of the call fails, maybe sent, not retried',
    async (testCase) => {
      const guard = testCase.error === 'gateway' ? isGatewayError : isDoudianTransportError;
      const expectItem = (result: TidSendResult | DoudianSendResult | undefined) => {
        expect(result).toMatchObject({ ok: false, code: testCase.code, retryable: false, maybeSent: true });
        expect(guard((result as { error?: unknown }).error)).toBe(true);
      };
      const tidApp = newNamespace();
      const tidResults = await tid(tidApp, testCase.timeout).send([
        tidItem(ordinaryOrder),
        tidItem(testCase.value),
      ]);
      tidResults.forEach(expectItem);
      const douyinApp = newNamespace();
      const douyinResults = await doudian(douyinApp, testCase.timeout).send({
        sign: '群荐的铺子',
        template_id: 'ST_72dd4e2c',
        messages: [{ post_tel: '13800138000' }, { post_tel: testCase.value }],
      });
      douyinResults.forEach(expectItem);
      for (const app of [tidApp, douyinApp]) {
        await eventually(async () => expect(await requestsOf(server.url, app)).toHaveLength(1));
        expect(await messagesOf(server.url, app)).toHaveLength(testCase.recorded);
      }
    },
  );
});

describe('our clients and scripted faults', () => {
  it('code 7 with a 1-second ban, once: retried after the ban, then sent — one message, two requests', async () => {
    const app = newNamespace();
    await postFault(
      server.url,
      {
        kind: 'error',
        code: 7,
        msg: 'App Call Limited',
        sub_code: 'accesscontrol.limited-by-app-access-count',
        sub_msg: 'This ban will last for 1 more seconds',
      },
      `?app=${app}`,
    );
    const sent = await jst(app).send(sms('13800138000'));
    expect(sent).toMatchObject({ ok: true, request_success: true });
    const requests = await requestsOf(server.url, app);
    expect(requests.map((entry) => entry.verdict.outcome)).toEqual(['accepted', 'rejected']);
    // The ban the client waited out (the wait itself is @x/core's, tested with fake timers in call-runner.test.ts).
    expect(requests[1]?.verdict).toMatchObject({
      code: 7,
      subMessage: 'This ban will last for 1 more seconds',
    });
    expect(await messagesOf(server.url, app)).toHaveLength(1);
  });

  it('accepted then dropped: the client reports maybe-processed and does not send again', async () => {
    const jstApp = newNamespace();
    await postFault(server.url, { kind: 'drop', when: 'after-recording' }, `?app=${jstApp}`);
    const error = await failure(jst(jstApp).send(sms('13800138000')));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'network', retryable: false, maybeSent: true });
    expect(await messagesOf(server.url, jstApp)).toHaveLength(1);
    expect(await requestsOf(server.url, jstApp)).toHaveLength(1);

    const tidApp = newNamespace();
    await postFault(server.url, { kind: 'drop', when: 'after-recording' }, `?app=${tidApp}`);
    const results = await tid(tidApp).send([tidItem(ordinaryOrder)]);
    expect(results).toMatchObject([{ ok: false, code: 'network', maybeSent: true, retryable: false }]);
    expect(await messagesOf(server.url, tidApp)).toHaveLength(1);
    expect(await requestsOf(server.url, tidApp)).toHaveLength(1);
  });

  it.each([
    [
      {
        kind: 'error',
        code: 11,
        msg: 'Insufficient isv permissions',
        sub_code: 'isv.permission-api-package-limit',
      },
      'platform',
      { code: 11, retryable: false, maybeSent: false },
      0,
    ],
    [
      { kind: 'delay', delayMs: 1000 },
      'transport',
      { kind: 'timeout', maybeSent: true, retryable: false },
      1,
    ],
    [
      { kind: 'drop', when: 'before-recording' },
      'transport',
      { kind: 'network', maybeSent: true, retryable: false },
      0,
    ],
    [{ kind: 'malformed-body' }, 'transport', { kind: 'unparseable-body', maybeSent: true }, 1],
    [
      { kind: 'proxy-error', status: 503 },
      'transport',
      { kind: 'http-status', status: 503, maybeSent: true, retryable: false },
      0,
    ],
  ] as const)('JST and fault %j', async (fault, error, fields, recorded) => {
    const app = newNamespace();
    await postFault(server.url, fault, `?app=${app}`);
    const thrown = await failure(jst(app, { timeout: 300 }).send(sms('13800138000')));
    expect((error === 'platform' ? isTopPlatformError : isTransportError)(thrown)).toBe(true);
    expect(thrown).toMatchObject(fields);
    await eventually(async () => expect(await requestsOf(server.url, app)).toHaveLength(1));
    expect(await messagesOf(server.url, app)).toHaveLength(recorded);
  });

  it('item-failure: JST ok false; TID and Douyin a failed item beside a sent one', async () => {
    const jstApp = newNamespace();
    await postFault(
      server.url,
      { kind: 'item-failure', code: 'isv.OUT_OF_SERVICE', message: '业务停机' },
      `?app=${jstApp}`,
    );
    expect(await jst(jstApp).send(sms('13800138000'))).toMatchObject({
      ok: false,
      request_code: 'isv.OUT_OF_SERVICE',
      message: '业务停机',
    });
    const tidApp = newNamespace();
    await postFault(
      server.url,
      { kind: 'item-failure', message: '订单已关闭', match: { recipient: '22' } },
      `?app=${tidApp}`,
    );
    expect(await tid(tidApp).send([tidItem('11'), tidItem('22')])).toMatchObject([
      { ok: true, order_id: '11' },
      { ok: false, order_id: '22', code: 1, message: '订单已关闭', maybeSent: false, retryable: false },
    ]);
    const douyinApp = newNamespace();
    await postFault(server.url, { kind: 'error', code: 40004, message: '店铺未授权' }, `?app=${douyinApp}`);
    const results = await doudian(douyinApp).send({
      sign: '群荐的铺子',
      template_id: 'ST_1',
      messages: [{ order_id: '5' }],
    });
    expect(results).toMatchObject([{ ok: false, code: 40004, maybeSent: false, retryable: false }]);
    expect(isGatewayError((results[0] as { error?: unknown }).error)).toBe(true);
  });
});
