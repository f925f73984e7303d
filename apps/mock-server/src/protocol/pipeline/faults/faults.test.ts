/**
 * Scripted faults over loopback: the API (`POST|GET|DELETE /__mock/faults`, validation, scoping), and every
 * fault kind answered in the platform's exact shape.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../../../serve/start-mock-server.js';
import { createManualClock } from '../../../state/clock.js';
import {
  advanceClock,
  connectionFailure,
  eventually,
  getJson,
  messagesOf,
  postFault,
  requestsOf,
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

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    clock: createManualClock(fixedNow),
    top: {
      apps: [
        { appKey: '12345678', secret: 'test-secret' },
        { appKeyPattern: 'worker-\\d+', secret: 'test-secret', sessions: [{ session: '*', seller: 'ci' }] },
      ],
    },
  });
});
afterAll(() => server.close());
afterEach(async () => {
  // What a suite does after each test: nothing queued is left to trip the next one.
  await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
});

const send = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);
const jst = (overrides: Record<string, unknown> = {}, appKey = '12345678') =>
  send(...topRequest(signedTopParams(jstBusiness(overrides), { appKey })));
const tpn = () =>
  send(...topRequest(signedTopParams(tpnBusiness(), { method: tpnMethodName, session: null })));
const tid = (...orderIds: string[]) =>
  send(
    ...formPost(
      '/gateway/taobao/jst/sms/tid/send',
      signedGatewayFields(
        'tb_seller_nick',
        orderIds.map((orderId) => ({
          order_id: orderId,
          sms_free_sign_name: '迈步鞋城淘宝店',
          template_code: 'SMS_1',
        })),
      ),
    ),
  );
const douyin = (...phones: string[]) =>
  send(
    ...formPost(
      '/gateway/dd/sms/send',
      signedGatewayFields('seller_nick', {
        sign: '群荐的铺子',
        template_id: 'ST_1',
        sms_message_list: phones.map((phone) => ({ biz_type: 0, post_tel: phone })),
      }),
    ),
  );
const body = async (response: Response) => stableBody(await response.text());
const jstSuccess =
  '{"jst_sms_message_send_response":{"request_code":"success","request_success":true,"request_id":"<id>","module":"<receipt>","message":"success"}}';

describe('POST|GET|DELETE /__mock/faults', () => {
  it('queues a fault, lists it with its remaining count, and forgets it once used up', async () => {
    const created = await postFault(server.url, {
      kind: 'error',
      code: 11,
      msg: 'Insufficient isv permissions',
      sub_code: 'isv.permission-api-package-limit',
      times: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      count: 1,
      faults: [
        {
          id: expect.any(Number),
          kind: 'error',
          match: {},
          times: 2,
          remaining: 2,
          code: 11,
          msg: 'Insufficient isv permissions',
          sub_code: 'isv.permission-api-package-limit',
          createdAt: '2024-03-01T04:00:00.000Z',
        },
      ],
    });
    const expected =
      '{"error_response":{"code":11,"msg":"Insufficient isv permissions","sub_code":"isv.permission-api-package-limit","request_id":"<id>"}}';
    expect(await body(await jst())).toBe(expected);
    expect((await getJson(`${server.url}/__mock/faults`)).faults).toMatchObject([{ remaining: 1 }]);
    expect(await body(await tpn())).toBe(expected);
    expect(await getJson(`${server.url}/__mock/faults`)).toEqual({ count: 0, faults: [] });
    expect(await body(await jst())).toBe(jstSuccess);
  });

  it('refuses what could never fire, naming the field', async () => {
    const problems = async (fault: unknown, query = '') => {
      const response = await postFault(server.url, fault as never, query);
      expect(response.status).toBe(400);
      return response.body.problems;
    };
    expect(await problems({ kind: 'boom' })).toEqual([
      'kind: kind must be one of error, item-failure, delay, drop, malformed-body, proxy-error, outcome, tmc-refuse-connect, tmc-drop, tmc-delay, tmc-duplicate',
    ]);
    expect(await problems({ kind: 'error', code: 15 })).toEqual([
      'msg: needs msg (TOP) or message (gateway)',
    ]);
    expect(await problems({ kind: 'drop', when: 'later' })).toEqual([
      'when: must be before-recording or after-recording',
    ]);
    expect(await problems({ kind: 'delay', delayMs: 5, match: { recipent: '1' } })).toEqual([
      'unknown field: recipent (in match)',
    ]);
    expect(await problems({ kind: 'delay', delayMs: 5, match: { app: 'nobody' } })).toEqual([
      'match.app: no TOP app_key or gateway appid "nobody" is configured',
    ]);
    expect(
      await problems({ kind: 'delay', delayMs: 5, match: { app: 'worker-1' } }, '?app=worker-2'),
    ).toEqual(['match.app: "worker-1" contradicts ?app=worker-2']);
    expect(
      await problems({
        kind: 'outcome',
        outcome: 'order-not-found',
        match: { api: 'taobao.jst.sms.message.send' },
      }),
    ).toEqual(['outcome: order-not-found does not exist for taobao.jst.sms.message.send']);
    const notJson = await fetch(`${server.url}/__mock/faults`, { method: 'POST', body: '{' });
    expect(await notJson.json()).toEqual({ error: 'invalid body', problems: ['the body must be JSON'] });
    expect(await getJson(`${server.url}/__mock/faults`)).toEqual({ count: 0, faults: [] });
  });

  it('scopes faults to a namespace with ?app=, lists and clears one namespace, or one fault by id', async () => {
    const scoped = await postFault(
      server.url,
      [
        { kind: 'delay', delayMs: 5 },
        { kind: 'delay', delayMs: 6 },
      ],
      '?app=worker-1',
    );
    expect(scoped.body.faults.map((fault) => fault.match.app)).toEqual(['worker-1', 'worker-1']);
    await postFault(server.url, { kind: 'delay', delayMs: 7, match: { app: 'worker-2' } });
    expect((await getJson(`${server.url}/__mock/faults?app=worker-1`)).count).toBe(2);
    // A call in another namespace does not touch worker-1's faults.
    expect(await body(await jst({}, 'worker-2'))).toBe(jstSuccess);
    expect((await getJson(`${server.url}/__mock/faults`)).count).toBe(2);
    const id = scoped.body.faults[1]?.id;
    expect(await getJson(`${server.url}/__mock/faults?app=worker-1&id=${id}`, { method: 'DELETE' })).toEqual({
      cleared: 1,
    });
    expect(await getJson(`${server.url}/__mock/faults?app=worker-1`, { method: 'DELETE' })).toEqual({
      cleared: 1,
    });
    expect(await getJson(`${server.url}/__mock/faults`, { method: 'DELETE' })).toEqual({ cleared: 0 });
  });

  it('matches on api, app, recipient and template; one fault per call, oldest first', async () => {
    await postFault(server.url, [
      {
        kind: 'item-failure',
        code: 'isv.X',
        message: 'first',
        match: { api: 'taobao-jst', template: 'SMS_9' },
      },
      {
        kind: 'item-failure',
        code: 'isv.Y',
        message: 'second',
        match: { recipient: ['13800138001', '13800138002'] },
      },
      {
        kind: 'error',
        code: 40004,
        message: '店铺未授权',
        match: { api: '/gateway/taobao/jst/sms/tid/send' },
      },
    ]);
    // Neither the template nor the recipient matches: untouched.
    expect(await body(await jst())).toBe(jstSuccess);
    expect(await body(await jst({ template_code: 'SMS_9', phone_number: '13800138001' }))).toContain(
      '"request_code":"isv.X","request_success":false,',
    );
    expect(await body(await jst({ phone_number: '13800138002' }))).toContain('"request_code":"isv.Y"');
    expect(await body(await tid('1'))).toBe(
      '{"code":40004,"message":"店铺未授权","data":null,"trace_id":"<trace>"}',
    );
    expect((await getJson(`${server.url}/__mock/faults`)).count).toBe(0);
  });
});

describe('every fault kind, exact answers', () => {
  it('error on the gateway: the outer code and message, data null', async () => {
    await postFault(server.url, {
      kind: 'error',
      code: 50001,
      message: '上游超时',
      match: { api: 'doudian-sms' },
    });
    expect(await body(await douyin('13800138000'))).toBe(
      '{"code":50001,"message":"上游超时","data":null,"trace_id":"<trace>"}',
    );
  });

  it('item-failure: only the matching items fail, in the API’s item shape; the others are sent', async () => {
    await postFault(server.url, {
      kind: 'item-failure',
      message: '号码已停机',
      match: { recipient: '13800138002' },
    });
    expect(await body(await douyin('13800138001', '13800138002'))).toBe(
      '{"code":0,"message":"ok","data":[{"code":0,"message":"","order_id":"","message_id":"<uuid>"},{"code":1,"message":"号码已停机","order_id":"","message_id":""}],"trace_id":"<trace>"}',
    );
    await postFault(server.url, {
      kind: 'item-failure',
      code: 7,
      message: '失败',
      match: { recipient: '22' },
    });
    expect(await body(await tid('11', '22'))).toBe(
      '{"code":0,"message":"ok","data":[{"order_id":"11","code":0,"message":"success","request_id":"<id>","module":null},{"order_id":"22","code":7,"message":"失败","request_id":"","module":null}],"trace_id":"<trace>"}',
    );
    await postFault(server.url, {
      kind: 'item-failure',
      message: '用户不存在',
      match: { api: 'qianniu-tpn' },
    });
    expect(await body(await tpn())).toBe(
      '{"tpn_template_message_send_response":{"error_msg":"用户不存在","is_success":false,"request_id":"<id>"}}',
    );
  });

  it('delay: the usual answer, once the mock clock passes the delay; delayMs also delays any other fault', async () => {
    await postFault(server.url, { kind: 'delay', delayMs: 60_000 }, '?app=worker-9');
    const delayed = watch(jst({}, 'worker-9'));
    await eventually(async () => expect(await requestsOf(server.url, 'worker-9')).toHaveLength(1));
    await advanceClock(server.url, 59_000);
    expect(delayed.settled).toBe(false);
    await advanceClock(server.url, 1_000);
    expect(await body(await delayed.promise)).toBe(jstSuccess);

    await postFault(
      server.url,
      { kind: 'error', code: 7, msg: 'App Call Limited', delayMs: 60_000 },
      '?app=worker-9',
    );
    const rejected = watch(jst({}, 'worker-9'));
    await eventually(async () => expect(await requestsOf(server.url, 'worker-9')).toHaveLength(2));
    expect(rejected.settled).toBe(false);
    await advanceClock(server.url, 60_000);
    expect(await body(await rejected.promise)).toBe(
      '{"error_response":{"code":7,"msg":"App Call Limited","request_id":"<id>"}}',
    );
  });

  it('drop after recording: recorded once, the socket closed without an answer', async () => {
    await postFault(server.url, { kind: 'drop', when: 'after-recording' }, '?app=worker-3');
    expect(await connectionFailure(jst({}, 'worker-3'))).toBe('UND_ERR_SOCKET');
    expect(await messagesOf(server.url, 'worker-3')).toHaveLength(1);
    const [entry] = await requestsOf(server.url, 'worker-3');
    expect(entry).toMatchObject({
      httpStatus: 0,
      verdict: { outcome: 'accepted', recorded: 1, failedItems: 0 },
    });
    expect(entry?.notes.at(-1)).toMatch(/^fault \d+: the call was processed, then the connection was closed/);
  });

  it('drop before recording: nothing recorded', async () => {
    await postFault(server.url, { kind: 'drop', when: 'before-recording' }, '?app=worker-4');
    expect(await connectionFailure(jst({}, 'worker-4'))).toBe('UND_ERR_SOCKET');
    expect(await messagesOf(server.url, 'worker-4')).toHaveLength(0);
  });

  it('malformed-body: HTTP 200, half the answer; recorded unless recorded is false', async () => {
    await postFault(server.url, { kind: 'malformed-body' }, '?app=worker-5');
    const response = await jst({}, 'worker-5');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^\{"jst_sms_message_send_response":\{"request_code":"success"/);
    expect(() => JSON.parse(text)).toThrow();
    expect(await messagesOf(server.url, 'worker-5')).toHaveLength(1);
    await postFault(server.url, { kind: 'malformed-body', recorded: false }, '?app=worker-5');
    await (await jst({}, 'worker-5')).text();
    expect(await messagesOf(server.url, 'worker-5')).toHaveLength(1);
  });

  it('proxy-error: the status and an nginx page; not recorded unless recorded is true', async () => {
    await postFault(server.url, { kind: 'proxy-error' }, '?app=worker-6');
    const bad = await jst({}, 'worker-6');
    expect(bad.status).toBe(502);
    expect(await bad.text()).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(await messagesOf(server.url, 'worker-6')).toHaveLength(0);
    await postFault(server.url, { kind: 'proxy-error', status: 504, recorded: true }, '?app=worker-6');
    const timeout = await jst({}, 'worker-6');
    expect(timeout.status).toBe(504);
    expect(await timeout.text()).toContain('<title>504 Gateway Timeout</title>');
    expect(await messagesOf(server.url, 'worker-6')).toHaveLength(1);
  });

  it('outcome: a magic outcome for an ordinary recipient, in the shape of the API it reaches', async () => {
    await postFault(server.url, [
      { kind: 'outcome', outcome: 'app-call-limited', parameter: 3, match: { api: 'taobao-jst' } },
      { kind: 'outcome', outcome: 'daily-limit', match: { api: 'taobao-tid', recipient: '22' } },
    ]);
    expect(await body(await jst())).toBe(
      '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 3 more seconds","request_id":"<id>"}}',
    );
    expect(await body(await tid('11', '22'))).toBe(
      '{"code":0,"message":"ok","data":[{"order_id":"11","code":0,"message":"success","request_id":"<id>","module":null},{"order_id":"22","code":1,"message":"Remote service error,请求失败,当前号码的短信发送次数超过当天限制。","request_id":"","module":null}],"trace_id":"<trace>"}',
    );
  });
});
