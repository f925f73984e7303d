/**
 * Our clients against scripted faults, over loopback: each fault maps to the right error class or per-item
 * failure and retry verdict, a ban is waited out, and a send accepted before the connection dropped is never
 * sent twice. The magic values: client-verdicts.test.ts.
 */
import { isGatewayError } from '@x/doudian-sms';
import { isTopPlatformError, isTransportError } from '@x/taobao-jst';
import { describe, expect, it } from 'vitest';
import { eventually, messagesOf, postFault, requestsOf } from '../../../test-support/mock-control.js';
import {
  failure,
  ordinaryOrder,
  sms,
  tidItem,
  useVerdictClients,
} from '../../../test-support/verdict-clients.js';

const { url, newNamespace, jst, tid, doudian } = useVerdictClients();

describe('our clients and scripted faults', () => {
  it('code 7 with a 1-second ban, once: retried after the ban, then sent — one message, two requests', async () => {
    const app = newNamespace();
    await postFault(
      url(),
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
    const requests = await requestsOf(url(), app);
    expect(requests.map((entry) => entry.verdict.outcome)).toEqual(['accepted', 'rejected']);
    // The ban the client waited out (the wait itself is @x/core's, tested with fake timers in call-runner.test.ts).
    expect(requests[1]?.verdict).toMatchObject({
      code: 7,
      subMessage: 'This ban will last for 1 more seconds',
    });
    expect(await messagesOf(url(), app)).toHaveLength(1);
  });

  it('accepted then dropped: the client reports maybe-processed and does not send again', async () => {
    const jstApp = newNamespace();
    await postFault(url(), { kind: 'drop', when: 'after-recording' }, `?app=${jstApp}`);
    const error = await failure(jst(jstApp).send(sms('13800138000')));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'network', retryable: false, maybeSent: true });
    expect(await messagesOf(url(), jstApp)).toHaveLength(1);
    expect(await requestsOf(url(), jstApp)).toHaveLength(1);

    const tidApp = newNamespace();
    await postFault(url(), { kind: 'drop', when: 'after-recording' }, `?app=${tidApp}`);
    const results = await tid(tidApp).send([tidItem(ordinaryOrder)]);
    expect(results).toMatchObject([{ ok: false, code: 'network', maybeSent: true, retryable: false }]);
    expect(await messagesOf(url(), tidApp)).toHaveLength(1);
    expect(await requestsOf(url(), tidApp)).toHaveLength(1);
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
    await postFault(url(), fault, `?app=${app}`);
    const thrown = await failure(jst(app, { timeout: 300 }).send(sms('13800138000')));
    expect((error === 'platform' ? isTopPlatformError : isTransportError)(thrown)).toBe(true);
    expect(thrown).toMatchObject(fields);
    await eventually(async () => expect(await requestsOf(url(), app)).toHaveLength(1));
    expect(await messagesOf(url(), app)).toHaveLength(recorded);
  });

  it('item-failure: JST ok false; TID and Douyin a failed item beside a sent one', async () => {
    const jstApp = newNamespace();
    await postFault(
      url(),
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
      url(),
      { kind: 'item-failure', message: '订单已关闭', match: { recipient: '22' } },
      `?app=${tidApp}`,
    );
    expect(await tid(tidApp).send([tidItem('11'), tidItem('22')])).toMatchObject([
      { ok: true, order_id: '11' },
      { ok: false, order_id: '22', code: 1, message: '订单已关闭', maybeSent: false, retryable: false },
    ]);
    const douyinApp = newNamespace();
    await postFault(url(), { kind: 'error', code: 40004, message: '店铺未授权' }, `?app=${douyinApp}`);
    const results = await doudian(douyinApp).send({
      sign: '群荐的铺子',
      template_id: 'ST_1',
      messages: [{ order_id: '5' }],
    });
    expect(results).toMatchObject([{ ok: false, code: 40004, maybeSent: false, retryable: false }]);
    expect(isGatewayError((results[0] as { error?: unknown }).error)).toBe(true);
  });
});
