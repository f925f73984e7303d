/**
 * The scripted-fault API over loopback: `POST|GET|DELETE /__mock/faults`, validation, scoping and matching.
 * Every fault kind: faults.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { body, useFaultServer } from '../../../test-support/fault-requests.js';
import { getJson, jstSuccess, postFault } from '../../../test-support/mock-control.js';

const { url, jst, tpn, tid } = useFaultServer();

describe('POST|GET|DELETE /__mock/faults', () => {
  it('queues a fault, lists it with its remaining count, and forgets it once used up', async () => {
    const created = await postFault(url(), {
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
    expect((await getJson(`${url()}/__mock/faults`)).faults).toMatchObject([{ remaining: 1 }]);
    expect(await body(await tpn())).toBe(expected);
    expect(await getJson(`${url()}/__mock/faults`)).toEqual({ count: 0, faults: [] });
    expect(await body(await jst())).toBe(jstSuccess);
  });

  it('refuses what could never fire, naming the field', async () => {
    const problems = async (fault: unknown, query = '') => {
      const response = await postFault(url(), fault as never, query);
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
    const notJson = await fetch(`${url()}/__mock/faults`, { method: 'POST', body: '{' });
    expect(await notJson.json()).toEqual({ error: 'invalid body', problems: ['the body must be JSON'] });
    expect(await getJson(`${url()}/__mock/faults`)).toEqual({ count: 0, faults: [] });
  });

  it('scopes faults to a namespace with ?app=, lists and clears one namespace, or one fault by id', async () => {
    const scoped = await postFault(
      url(),
      [
        { kind: 'delay', delayMs: 5 },
        { kind: 'delay', delayMs: 6 },
      ],
      '?app=worker-1',
    );
    expect(scoped.body.faults.map((fault) => fault.match.app)).toEqual(['worker-1', 'worker-1']);
    await postFault(url(), { kind: 'delay', delayMs: 7, match: { app: 'worker-2' } });
    expect((await getJson(`${url()}/__mock/faults?app=worker-1`)).count).toBe(2);
    // A call in another namespace does not touch worker-1's faults.
    expect(await body(await jst({}, 'worker-2'))).toBe(jstSuccess);
    expect((await getJson(`${url()}/__mock/faults`)).count).toBe(2);
    const id = scoped.body.faults[1]?.id;
    expect(await getJson(`${url()}/__mock/faults?app=worker-1&id=${id}`, { method: 'DELETE' })).toEqual({
      cleared: 1,
    });
    expect(await getJson(`${url()}/__mock/faults?app=worker-1`, { method: 'DELETE' })).toEqual({
      cleared: 1,
    });
    expect(await getJson(`${url()}/__mock/faults`, { method: 'DELETE' })).toEqual({ cleared: 0 });
  });

  it('matches on api, app, recipient and template; one fault per call, oldest first', async () => {
    await postFault(url(), [
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
    expect((await getJson(`${url()}/__mock/faults`)).count).toBe(0);
  });
});
