/**
 * Every scripted fault kind over loopback, answered in the platform's exact shape. The API itself (queueing,
 * validation, scoping, matching): fault-api.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { body, useFaultServer } from '../../../test-support/fault-requests.js';
import {
  advanceClock,
  connectionFailure,
  eventually,
  jstSuccess,
  messagesOf,
  postFault,
  requestsOf,
  watch,
} from '../../../test-support/mock-control.js';

const { url, jst, tpn, tid, douyin } = useFaultServer();

describe('every fault kind, exact answers', () => {
  it('error on the gateway: the outer code and message, data null', async () => {
    await postFault(url(), {
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
    await postFault(url(), {
      kind: 'item-failure',
      message: '号码已停机',
      match: { recipient: '13800138002' },
    });
    expect(await body(await douyin('13800138001', '13800138002'))).toBe(
      '{"code":0,"message":"ok","data":[{"code":0,"message":"","order_id":"","message_id":"<uuid>"},{"code":1,"message":"号码已停机","order_id":"","message_id":""}],"trace_id":"<trace>"}',
    );
    await postFault(url(), {
      kind: 'item-failure',
      code: 7,
      message: '失败',
      match: { recipient: '22' },
    });
    expect(await body(await tid('11', '22'))).toBe(
      '{"code":0,"message":"ok","data":[{"order_id":"11","code":0,"message":"success","request_id":"<id>","module":null},{"order_id":"22","code":7,"message":"失败","request_id":"","module":null}],"trace_id":"<trace>"}',
    );
    await postFault(url(), {
      kind: 'item-failure',
      message: '用户不存在',
      match: { api: 'qianniu-tpn' },
    });
    expect(await body(await tpn())).toBe(
      '{"tpn_template_message_send_response":{"error_msg":"用户不存在","is_success":false,"request_id":"<id>"}}',
    );
  });

  it('delay: the usual answer, once the mock clock passes the delay; delayMs also delays any other fault', async () => {
    await postFault(url(), { kind: 'delay', delayMs: 60_000 }, '?app=worker-9');
    const delayed = watch(jst({}, 'worker-9'));
    await eventually(async () => expect(await requestsOf(url(), 'worker-9')).toHaveLength(1));
    await advanceClock(url(), 59_000);
    expect(delayed.settled).toBe(false);
    await advanceClock(url(), 1_000);
    expect(await body(await delayed.promise)).toBe(jstSuccess);

    await postFault(
      url(),
      { kind: 'error', code: 7, msg: 'App Call Limited', delayMs: 60_000 },
      '?app=worker-9',
    );
    const rejected = watch(jst({}, 'worker-9'));
    await eventually(async () => expect(await requestsOf(url(), 'worker-9')).toHaveLength(2));
    expect(rejected.settled).toBe(false);
    await advanceClock(url(), 60_000);
    expect(await body(await rejected.promise)).toBe(
      '{"error_response":{"code":7,"msg":"App Call Limited","request_id":"<id>"}}',
    );
  });

  it('drop after recording: recorded once, the socket closed without an answer', async () => {
    await postFault(url(), { kind: 'drop', when: 'after-recording' }, '?app=worker-3');
    expect(await connectionFailure(jst({}, 'worker-3'))).toBe('UND_ERR_SOCKET');
    expect(await messagesOf(url(), 'worker-3')).toHaveLength(1);
    const [entry] = await requestsOf(url(), 'worker-3');
    expect(entry).toMatchObject({
      httpStatus: 0,
      verdict: { outcome: 'accepted', recorded: 1, failedItems: 0 },
    });
    expect(entry?.notes.at(-1)).toMatch(/^fault \d+: the call was processed, then the connection was closed/);
  });

  it('drop before recording: nothing recorded', async () => {
    await postFault(url(), { kind: 'drop', when: 'before-recording' }, '?app=worker-4');
    expect(await connectionFailure(jst({}, 'worker-4'))).toBe('UND_ERR_SOCKET');
    expect(await messagesOf(url(), 'worker-4')).toHaveLength(0);
  });

  it('malformed-body: HTTP 200, half the answer; recorded unless recorded is false', async () => {
    await postFault(url(), { kind: 'malformed-body' }, '?app=worker-5');
    const response = await jst({}, 'worker-5');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^\{"jst_sms_message_send_response":\{"request_code":"success"/);
    expect(() => JSON.parse(text)).toThrow();
    expect(await messagesOf(url(), 'worker-5')).toHaveLength(1);
    await postFault(url(), { kind: 'malformed-body', recorded: false }, '?app=worker-5');
    await (await jst({}, 'worker-5')).text();
    expect(await messagesOf(url(), 'worker-5')).toHaveLength(1);
  });

  it('proxy-error: the status and an nginx page; not recorded unless recorded is true', async () => {
    await postFault(url(), { kind: 'proxy-error' }, '?app=worker-6');
    const bad = await jst({}, 'worker-6');
    expect(bad.status).toBe(502);
    expect(await bad.text()).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(await messagesOf(url(), 'worker-6')).toHaveLength(0);
    await postFault(url(), { kind: 'proxy-error', status: 504, recorded: true }, '?app=worker-6');
    const timeout = await jst({}, 'worker-6');
    expect(timeout.status).toBe(504);
    expect(await timeout.text()).toContain('<title>504 Gateway Timeout</title>');
    expect(await messagesOf(url(), 'worker-6')).toHaveLength(1);
  });

  it('outcome: a magic outcome for an ordinary recipient, in the shape of the API it reaches', async () => {
    await postFault(url(), [
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
