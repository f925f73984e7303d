/**
 * Every magic value on fw199 through the real HTTP path (a server on port 0 over loopback), TID and Douyin,
 * with the exact body; and what the in-process app does where there is no socket.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../../serve/create-mock-app.js';
import { createManualClock } from '../../../state/clock.js';
import { douyin, jst, ordinaryOrder, tid, useMagicServer } from '../../../test-support/magic-requests.js';
import {
  advanceClock,
  connectionFailure,
  eventually,
  jstSuccess,
  resetClock,
  stableBody,
  watch,
} from '../../../test-support/mock-control.js';
import { fixedNow } from '../../../test-support/signed-requests.js';
import { magicCiphertext } from './magic-recipient.js';

const { url, send, recorded } = useMagicServer();

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
    await advanceClock(url(), 30_000);
    const slow = await pending.promise;
    expect(stableBody(await slow.text())).toBe(
      '{"code":0,"message":"ok","data":[{"code":0,"message":"","order_id":"19900000830","message_id":"<uuid>"}],"trace_id":"<trace>"}',
    );
    await resetClock(url());

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
