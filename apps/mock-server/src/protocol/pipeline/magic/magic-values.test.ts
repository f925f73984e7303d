/**
 * Every magic value through the real HTTP path (a server on port 0 over loopback), for all four APIs, with
 * the exact body; and what the in-process app does where there is no socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../../serve/create-mock-app.js';
import { type RunningMockServer, startMockServer } from '../../../serve/start-mock-server.js';
import { createManualClock } from '../../../state/clock.js';
import type { RecordedMessage } from '../../../state/recorded-message.js';
import {
  advanceClock,
  connectionFailure,
  eventually,
  getJson,
  requestsOf,
  resetClock,
  stableBody,
  watch,
} from '../../../test-support/mock-control.js';
import {
  fixedNow,
  formPost,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from '../../../test-support/signed-requests.js';
import { magicCiphertext, magicOutcomes } from './magic-catalog.js';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, clock: createManualClock(fixedNow) });
});
afterAll(() => server.close());

const tidPath = '/gateway/taobao/jst/sms/tid/send';
const douyinPath = '/gateway/dd/sms/send';

function send(path: string, init: RequestInit): Promise<Response> {
  return fetch(`${server.url}${path}`, init);
}

async function recorded(recipient: string): Promise<RecordedMessage[]> {
  const body = await getJson<{ messages: RecordedMessage[] }>(
    `${server.url}/__mock/messages?recipient=${encodeURIComponent(recipient)}`,
  );
  return body.messages;
}

const jst = (phone: string, format: 'json' | 'xml' = 'json') =>
  topRequest(signedTopParams(jstBusiness({ phone_number: phone }), { format }));
const tpn = (userId: string) =>
  topRequest(signedTopParams(tpnBusiness({ user_id: userId }), { method: tpnMethodName, session: null }));
const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
const tid = (...orderIds: string[]) =>
  formPost(tidPath, signedGatewayFields('tb_seller_nick', orderIds.map(tidItem)));
const douyin = (...messages: Record<string, unknown>[]) =>
  formPost(
    douyinPath,
    signedGatewayFields('seller_nick', {
      sign: '群荐的铺子',
      template_id: 'ST_72dd4e2c',
      sms_message_list: messages,
    }),
  );
const ordinaryOrder = '3006925020239565830';

const topError = (fields: string) => `{"error_response":{${fields},"request_id":"<id>"}}`;
const jstSuccess =
  '{"jst_sms_message_send_response":{"request_code":"success","request_success":true,"request_id":"<id>","module":"<receipt>","message":"success"}}';
const tpnSuccess =
  '{"tpn_template_message_send_response":{"result":"<result>","is_success":true,"request_id":"<id>"}}';

describe('GET /__mock/magic', () => {
  it('lists every outcome with an example value and each API’s answer', async () => {
    const catalog = await getJson<{ enabled: boolean; pattern: string; outcomes: Record<string, unknown>[] }>(
      `${server.url}/__mock/magic`,
    );
    expect(catalog.enabled).toBe(true);
    expect(catalog.pattern).toBe('1990000XXYY');
    expect(catalog.outcomes.map((outcome) => outcome.outcome)).toEqual(magicOutcomes.map((o) => o.name));
    expect(catalog.outcomes[0]).toEqual({
      digits: '01',
      outcome: 'invalid-number',
      summary: 'the platform refuses the recipient as malformed',
      parameter: 'ignored (any two digits)',
      recorded: false,
      example: '19900000100',
      ciphertextExample: '$19900000100$bW9jaw==*bW9jaw==$1$$',
      answers: {
        'taobao.jst.sms.message.send': '15 Remote service error, isv.MOBILE_NUMBER_ILLEGAL, 号码格式错误',
        'taobao.tpn.template.message.send': '50 Remote service error, isv.invalid-parameter, 非法参数',
        '/gateway/taobao/jst/sms/tid/send': 'item code 1, Remote service error,请求失败,号码格式错误。',
        '/gateway/dd/sms/send': 'item code 1, Remote service error,请求失败,号码格式错误。',
      },
    });
  });
});

describe('magic values on TOP (JST phone_number, TPN user_id)', () => {
  const answers: [string, string, string, string][] = [
    [
      '19900000100',
      'invalid number',
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.MOBILE_NUMBER_ILLEGAL","sub_msg":"号码格式错误"',
      ),
      topError(
        '"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数"',
      ),
    ],
    [
      '19900000299',
      'daily limit',
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.BUSINESS_LIMIT_CONTROL","sub_msg":"触发天级流控Permits:10"',
      ),
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.BUSINESS_LIMIT_CONTROL","sub_msg":"触发天级流控Permits:10"',
      ),
    ],
    [
      '19900000300',
      'transient platform error',
      topError('"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"'),
      topError('"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"'),
    ],
    ['19900000400', 'order not found: not magic on TOP', jstSuccess, tpnSuccess],
    ['19900000500', 'decryption failure: not magic on TOP', jstSuccess, tpnSuccess],
    [
      '19900000600',
      'recipient blocked',
      '{"jst_sms_message_send_response":{"request_code":"isv.BLACK_KEY_CONTROL_LIMIT","request_success":false,"request_id":"<id>","module":null,"message":"黑名单管控"}}',
      '{"tpn_template_message_send_response":{"error_msg":"黑名单管控","is_success":false,"request_id":"<id>"}}',
    ],
    [
      '19900000745',
      'app call limited for 45 seconds',
      topError(
        '"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 45 more seconds"',
      ),
      topError(
        '"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 45 more seconds"',
      ),
    ],
  ];

  it.each(answers)(
    '%s (%s): exact JST and TPN bodies, HTTP 200',
    async (recipient, _what, jstBody, tpnBody) => {
      const jstResponse = await send(...jst(recipient));
      expect(jstResponse.status).toBe(200);
      expect(jstResponse.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(stableBody(await jstResponse.text())).toBe(jstBody);
      const tpnResponse = await send(...tpn(recipient));
      expect(tpnResponse.status).toBe(200);
      expect(stableBody(await tpnResponse.text())).toBe(tpnBody);
      const ordinary = jstBody === jstSuccess;
      expect(await recorded(recipient)).toHaveLength(ordinary ? 2 : 0);
    },
  );

  it('answers in XML when the request asks for it', async () => {
    const response = await send(...jst('19900000200', 'xml'));
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
    expect(stableBody(await response.text())).toBe(
      '<?xml version="1.0" encoding="utf-8" ?><error_response><code>15</code><msg>Remote service error</msg><sub_code>isv.BUSINESS_LIMIT_CONTROL</sub_code><sub_msg>触发天级流控Permits:10</sub_msg><request_id><id></request_id></error_response>',
    );
  });

  it('19900000830 (slow answer): recorded at once, answered once 30 seconds pass on the mock clock', async () => {
    const pending = watch(send(...jst('19900000830')));
    await eventually(async () => expect(await recorded('19900000830')).toHaveLength(1));
    await advanceClock(server.url, 29_000);
    expect(pending.settled).toBe(false);
    await advanceClock(server.url, 1_000);
    const response = await pending.promise;
    expect(stableBody(await response.text())).toBe(jstSuccess);
    await resetClock(server.url);
  });

  it('19900000900 (accepted, then the connection drops): recorded once, no answer at all', async () => {
    expect(await connectionFailure(send(...jst('19900000900')))).toBe('UND_ERR_SOCKET');
    expect(await connectionFailure(send(...tpn('19900000900')))).toBe('UND_ERR_SOCKET');
    const messages = await recorded('19900000900');
    expect(messages.map((message) => message.platform)).toEqual(['qianniu-tpn', 'taobao-jst']);
    const [entry] = await requestsOf(server.url, '12345678');
    expect(entry).toMatchObject({ httpStatus: 0, verdict: { outcome: 'accepted', recorded: 1 } });
    expect(entry?.notes).toContain(
      'magic value 19900000900: the call was processed, then the connection was closed without an answer',
    );
  });

  it('19900001000 (dropped before processing): no answer, nothing recorded', async () => {
    expect(await connectionFailure(send(...jst('19900001000')))).toBe('UND_ERR_SOCKET');
    expect(await recorded('19900001000')).toHaveLength(0);
    const [entry] = await requestsOf(server.url, '12345678');
    expect(entry).toMatchObject({
      httpStatus: 0,
      verdict: { outcome: 'rejected', code: 0, message: 'connection dropped' },
    });
  });

  it('19900001100 (malformed body): recorded, answered HTTP 200 with the first half of the answer', async () => {
    const response = await send(...jst('19900001100'));
    expect(response.status).toBe(200);
    const text = await response.text();
    const [message] = await recorded('19900001100');
    const full = JSON.stringify({
      jst_sms_message_send_response: {
        request_code: 'success',
        request_success: true,
        request_id: message?.requestId,
        module: message?.messageId,
        message: 'success',
      },
    });
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('19900001203 (a proxy in front fails): HTTP 503 with its HTML page, nothing recorded', async () => {
    const response = await send(...jst('19900001203'));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe(
      '<html>\r\n<head><title>503 Service Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(await recorded('19900001203')).toHaveLength(0);
  });
});

describe('magic values on fw199 (TID order ids, Douyin order ids, phones and ciphertexts)', () => {
  const itemFailures: [string, string][] = [
    ['19900000111', 'Remote service error,请求失败,号码格式错误。'],
    ['19900000211', 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。'],
    ['19900000411', 'Remote service error,请求失败,订单不存在。'],
    ['19900000511', 'Remote service error,请求失败,手机号解密失败。'],
    ['19900000611', 'Remote service error,请求失败,黑名单管控。'],
  ];

  it.each(itemFailures)('%s fails its own item inside a successful batch: %s', async (magic, message) => {
    const tidResponse = await send(...tid(ordinaryOrder, magic));
    expect(stableBody(await tidResponse.text())).toBe(
      `{"code":0,"message":"ok","data":[{"order_id":"${ordinaryOrder}","code":0,"message":"success","request_id":"<id>","module":null},{"order_id":"${magic}","code":1,"message":"${message}","request_id":"","module":null}],"trace_id":"<trace>"}`,
    );
    const douyinResponse = await send(
      ...douyin(
        { biz_type: 1, order_id: magic },
        { biz_type: 0, post_tel: magic },
        { biz_type: 0, post_tel: magicCiphertext(magic) },
        { biz_type: 0, post_tel: '13800138000' },
      ),
    );
    const failed = `"code":1,"message":"${message}"`;
    expect(stableBody(await douyinResponse.text())).toBe(
      `{"code":0,"message":"ok","data":[{${failed},"order_id":"${magic}","message_id":""},{${failed},"order_id":"","message_id":""},{${failed},"order_id":"","message_id":""},{"code":0,"message":"","order_id":"","message_id":"<uuid>"}],"trace_id":"<trace>"}`,
    );
    expect(await recorded(magic)).toHaveLength(0);
    expect(await recorded(ordinaryOrder)).not.toHaveLength(0);
  });

  it.each([
    ['19900000300', '{"code":50000,"message":"系统繁忙,请稍后重试","data":null,"trace_id":"<trace>"}'],
    ['19900000712', '{"code":42900,"message":"请求过于频繁,请12秒后重试","data":null,"trace_id":"<trace>"}'],
  ])('%s fails the whole call: %s', async (magic, body) => {
    const before = (await recorded(ordinaryOrder)).length;
    expect(stableBody(await (await send(...tid(ordinaryOrder, magic))).text())).toBe(body);
    expect(stableBody(await (await send(...douyin({ biz_type: 0, post_tel: magic }))).text())).toBe(body);
    expect(await recorded(ordinaryOrder)).toHaveLength(before);
  });

  it('19900000901 in a batch: every item is recorded, then the connection drops', async () => {
    const other = '3006925020239565831';
    expect(await connectionFailure(send(...tid(other, '19900000901')))).toBe('UND_ERR_SOCKET');
    expect(await recorded(other)).toHaveLength(1);
    expect(await recorded('19900000901')).toHaveLength(1);
    expect(
      await connectionFailure(send(...douyin({ biz_type: 0, post_tel: magicCiphertext('19900000901') }))),
    ).toBe('UND_ERR_SOCKET');
  });

  it('19900001001 in a batch: the connection drops and nothing is recorded', async () => {
    const other = '3006925020239565832';
    expect(await connectionFailure(send(...tid(other, '19900001001')))).toBe('UND_ERR_SOCKET');
    expect(await recorded(other)).toHaveLength(0);
  });

  it('19900000830 (slow), 19900001100 (malformed), 19900001202 (proxy) on the gateway', async () => {
    const pending = watch(send(...douyin({ biz_type: 1, order_id: '19900000830' })));
    await eventually(async () => expect(await recorded('19900000830')).toHaveLength(1));
    expect(pending.settled).toBe(false);
    await advanceClock(server.url, 30_000);
    const slow = await pending.promise;
    expect(stableBody(await slow.text())).toBe(
      '{"code":0,"message":"ok","data":[{"code":0,"message":"","order_id":"19900000830","message_id":"<uuid>"}],"trace_id":"<trace>"}',
    );
    await resetClock(server.url);

    const malformed = await send(...tid('19900001100'));
    const text = await malformed.text();
    const [message] = await recorded('19900001100');
    const full = JSON.stringify({
      code: 0,
      message: 'ok',
      data: [
        {
          order_id: '19900001100',
          code: 0,
          message: 'success',
          request_id: message?.messageId,
          module: null,
        },
      ],
      trace_id: message?.requestId,
    });
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));

    const proxy = await send(...tid('19900001202'));
    expect(proxy.status).toBe(502);
    expect(await proxy.text()).toContain('<title>502 Bad Gateway</title>');
    expect(await recorded('19900001202')).toHaveLength(0);
  });
});

describe('in-process (app.request, no socket)', () => {
  it('a dropped connection rejects app.request() with ECONNRESET; recorded or not as over HTTP', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const after = app.request(...jst('19900000900'));
    await expect(after).rejects.toMatchObject({ name: 'MockConnectionDropped', code: 'ECONNRESET' });
    expect([...app.mock.inbox.newestFirst()]).toHaveLength(1);
    await expect(app.request(...jst('19900001000'))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect([...app.mock.inbox.newestFirst()]).toHaveLength(1);
  });

  it('magic values can be turned off: magicValues false makes them ordinary recipients', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow), magicValues: false });
    const response = await app.request(...jst('19900000200'));
    expect(stableBody(await response.text())).toBe(jstSuccess);
    expect(await (await app.request('/__mock/magic')).json()).toMatchObject({ enabled: false });
  });
});
