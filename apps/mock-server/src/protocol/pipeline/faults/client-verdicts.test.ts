/**
 * Our four clients against the magic values, over loopback: each outcome maps to the right error class
 * (TopPlatformError, GatewayError, TransportError) or per-item failure, with the right retry verdict — and a
 * send that was accepted before the connection dropped is never sent twice. Scripted faults:
 * client-fault-verdicts.test.ts.
 */
import {
  type DoudianSendResult,
  isTransportError as isDoudianTransportError,
  isGatewayError,
} from '@x/doudian-sms';
import { isTopPlatformError, isTransportError } from '@x/taobao-jst';
import type { TidSendResult } from '@x/taobao-tid';
import { describe, expect, it } from 'vitest';
import { eventually, messagesOf, requestsOf } from '../../../test-support/mock-control.js';
import {
  failure,
  ordinaryOrder,
  qianniu,
  sms,
  tidItem,
  useVerdictClients,
} from '../../../test-support/verdict-clients.js';
import { magicCiphertext } from '../magic/magic-recipient.js';

const { url, newNamespace, jst, tpn, tid, doudian } = useVerdictClients();

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
      await eventually(async () => expect(await requestsOf(url(), app)).toHaveLength(1));
      expect(await messagesOf(url(), app)).toHaveLength(testCase.recorded);
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
    expect(await requestsOf(url(), retried)).toHaveLength(3);
    expect(await messagesOf(url(), retried)).toHaveLength(0);
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
        await eventually(async () => expect(await requestsOf(url(), app)).toHaveLength(1));
        expect(await messagesOf(url(), app)).toHaveLength(testCase.recorded);
      }
    },
  );
});
