import { signGateway } from '@x/signing';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import {
  fixedNow,
  formPost,
  gatewayDefaults,
  keysOf,
  multipartBody,
  signedGatewayFields,
} from '../../test-support/signed-requests.js';

const tidPath = '/gateway/taobao/jst/sms/tid/send';
const doudianPath = '/gateway/dd/sms/send';
const traceIdPattern = /^[0-9a-f]{32}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function tidItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: '3006925020239565830',
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: '38138124' },
    ...overrides,
  };
}

function doudianRequest(list: unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sign: '群荐的铺子', template_id: 'ST_72dd4e2c', sms_message_list: list, ...overrides };
}

const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

function setup(options: Parameters<typeof createMockApp>[0] = {}) {
  const app = createMockApp({ clock: createManualClock(fixedNow), ...options });
  const post = async (path: string, fields: Record<string, string>) => {
    const response = await app.request(...formPost(path, fields));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const body = JSON.parse(await response.text());
    expect(keysOf(body)).toEqual(['code', 'message', 'data', 'trace_id']);
    expect(body.trace_id).toMatch(traceIdPattern);
    return body;
  };
  return { app, post };
}

async function expectCallError(path: string, fields: Record<string, string>, code: number, message: string) {
  const { app, post } = setup();
  const body = await post(path, fields);
  expect(body).toEqual({ code, message, data: null, trace_id: body.trace_id });
  expect(app.mock.inbox.statistics.recorded).toBe(0);
}

const tid = (requestData: unknown, options?: Parameters<typeof signedGatewayFields>[2]) =>
  signedGatewayFields('tb_seller_nick', requestData, options);
const doudian = (requestData: unknown, options?: Parameters<typeof signedGatewayFields>[2]) =>
  signedGatewayFields('seller_nick', requestData, options);

function resigned(fields: Record<string, string>): Record<string, string> {
  const { sign: _sign, ...rest } = fields;
  return { ...rest, sign: signGateway(rest, gatewayDefaults.secret) };
}

describe('fw199 TID send', () => {
  it('sends every item, module only with additional_info, and records each one', async () => {
    const { app, post } = setup();
    const body = await post(
      tidPath,
      tid([
        tidItem({ additional_info: true, extend_code: '888' }),
        tidItem({ order_id: '3011187783529034024', additional_info: false }),
      ]),
    );
    expect(body.code).toBe(0);
    expect(body.message).toBe('ok');
    const [first, second] = body.data;
    expect(keysOf(first)).toEqual(['order_id', 'code', 'message', 'request_id', 'module']);
    expect(first).toMatchObject({ order_id: '3006925020239565830', code: 0, message: 'success' });
    expect(first.request_id).toMatch(/^[0-9a-z]{12,13}$/);
    expect(keysOf(first.module)).toEqual(['code', 'nameLen']);
    expect(first.module.code).toMatch(/^\d{18}\^0$/);
    expect(first.module.nameLen).toBe(3);
    expect(second).toMatchObject({ order_id: '3011187783529034024', code: 0, module: null });

    const messages = [...app.mock.inbox.newestFirst()];
    expect(messages.map((message) => message.recipient)).toEqual([
      '3011187783529034024',
      '3006925020239565830',
    ]);
    expect(messages[1]).toMatchObject({
      platform: 'taobao-tid',
      appKey: 'test-appid',
      seller: 'test-seller',
      recipientKind: 'order',
      signName: '迈步鞋城淘宝店',
      template: 'SMS_251071470',
      variables: { code: '38138124' },
      requestId: body.trace_id,
      messageId: first.request_id,
      details: { extend_code: '888', additional_info: true, receipt: first.module.code },
    });
  });

  it('answers a bad item with an item result and sends the others', async () => {
    const { app, post } = setup();
    const body = await post(
      tidPath,
      tid([
        tidItem({ order_id: 'abc', additional_info: true }),
        tidItem(),
        tidItem({ order_id: undefined }),
        tidItem({ template_code: '' }),
        tidItem({ params: '{not json' }),
        'not an item',
        tidItem({ order_id: 12345 }),
        tidItem({ additional_info: 'yes' }),
      ]),
    );
    expect(body.code).toBe(0);
    expect(body.data).toHaveLength(8);
    expect(body.data[0]).toEqual({
      order_id: 'abc',
      code: 40005,
      message: '参数错误:order_id',
      request_id: '',
      module: { code: '', nameLen: 0 },
    });
    expect(body.data[1]).toMatchObject({ code: 0, message: 'success' });
    expect(body.data[2]).toEqual({
      order_id: '',
      code: 40005,
      message: '参数错误:order_id',
      request_id: '',
      module: null,
    });
    expect(body.data[3]).toMatchObject({ code: 40005, message: '参数错误:template_code' });
    expect(body.data[4]).toMatchObject({ code: 40005, message: '参数错误:params' });
    expect(body.data[5]).toEqual({
      order_id: '',
      code: 40005,
      message: '参数错误:item',
      request_id: '',
      module: null,
    });
    expect(body.data[6]).toMatchObject({ order_id: '12345', code: 40005, message: '参数错误:order_id' });
    expect(body.data[7]).toMatchObject({ code: 40005, message: '参数错误:additional_info' });
    expect(app.mock.inbox.statistics.recorded).toBe(1);
  });

  it('takes 100 items, refuses 101 with 40006', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => tidItem({ order_id: String(1_000_000 + index) }));
    const { post } = setup();
    const body = await post(tidPath, tid(items(100)));
    expect(body.data).toHaveLength(100);
    expect(body.data.every((item: { code: number }) => item.code === 0)).toBe(true);
    await expectCallError(tidPath, tid(items(101)), 40006, '单次最多100条');
  });

  it('40005 参数错误:request_data for missing, non-JSON, non-array or empty request_data', async () => {
    const fields = tid([tidItem()]);
    const { request_data: _data, ...withoutData } = fields;
    await expectCallError(tidPath, resigned(withoutData), 40005, '参数错误:request_data');
    for (const requestData of ['{not json', '{"order_id":"1"}', '[]', 'null']) {
      await expectCallError(tidPath, tid(requestData), 40005, '参数错误:request_data');
    }
  });
});

describe('fw199 call-level checks, in the decided order', () => {
  const valid = () => tid([tidItem()]);

  it('40001 appid不存在 for a missing or unknown appid', async () => {
    const { appid: _appid, ...withoutAppId } = valid();
    await expectCallError(tidPath, resigned(withoutAppId), 40001, 'appid不存在');
    await expectCallError(tidPath, tid([tidItem()], { appId: 'other-appid' }), 40001, 'appid不存在');
  });

  it('40003 时间戳已过期 for a missing, non-numeric, millisecond or skewed timestamp', async () => {
    for (const timestamp of [
      '',
      '2024-03-01 12:00:00',
      String(fixedNow),
      String(fixedNow / 1000 - 601),
      String(fixedNow / 1000 + 601),
    ]) {
      await expectCallError(tidPath, tid([tidItem()], { timestamp }), 40003, '时间戳已过期');
    }
    const { post } = setup();
    expect((await post(tidPath, tid([tidItem()], { timestamp: String(fixedNow / 1000 - 600) }))).code).toBe(
      0,
    );
  });

  it('40002 签名错误 for a missing or wrong sign', async () => {
    const { sign: _sign, ...unsigned } = valid();
    await expectCallError(tidPath, unsigned, 40002, '签名错误');
    await expectCallError(tidPath, tid([tidItem()], { secret: 'wrong' }), 40002, '签名错误');
    // request_data is signed as the exact text sent: re-serialising it breaks the signature.
    const fields = valid();
    await expectCallError(
      tidPath,
      { ...fields, request_data: JSON.stringify(JSON.parse(fields.request_data as string), null, 2) },
      40002,
      '签名错误',
    );
  });

  it('40004 店铺未授权 for a seller the appid does not serve; 40005 when the seller field is missing', async () => {
    await expectCallError(tidPath, tid([tidItem()], { seller: 'someone-else' }), 40004, '店铺未授权');
    const { tb_seller_nick: _seller, ...withoutSeller } = valid();
    await expectCallError(tidPath, resigned(withoutSeller), 40005, '参数错误:tb_seller_nick');
    // The Douyin endpoint names its own seller field.
    await expectCallError(doudianPath, resigned(valid()), 40005, '参数错误:seller_nick');
  });

  it('checks appid, then timestamp, then sign, then seller, then request_data', async () => {
    await expectCallError(
      tidPath,
      tid('[]', { appId: 'nope', timestamp: 'x', secret: 'bad', seller: 'x' }),
      40001,
      'appid不存在',
    );
    await expectCallError(
      tidPath,
      tid('[]', { timestamp: 'x', secret: 'bad', seller: 'x' }),
      40003,
      '时间戳已过期',
    );
    await expectCallError(tidPath, tid('[]', { secret: 'bad', seller: 'x' }), 40002, '签名错误');
    await expectCallError(tidPath, tid('[]', { seller: 'x' }), 40004, '店铺未授权');
    await expectCallError(tidPath, tid('[]'), 40005, '参数错误:request_data');
  });

  it('accepts a multipart form (the vendor PHP SDK)', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const response = await app.request(tidPath, { method: 'POST', body: multipartBody(valid()) });
    const body = JSON.parse(await response.text());
    expect(body.code).toBe(0);
    expect(body.data[0].code).toBe(0);
  });

  it('answers 405 to anything but POST', async () => {
    const app = createMockApp();
    for (const path of [tidPath, doudianPath]) {
      const response = await app.request(path, { method: 'GET' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });

  it('journals a bad signature with the string signed and the sign expected', async () => {
    const { app } = setup();
    const fields = tid([tidItem()], { secret: 'wrong' });
    await app.request(...formPost(tidPath, fields));
    const [entry] = [...app.mock.journal.newestFirst()];
    const { sign: _sign, ...unsigned } = fields;
    const canonical = Object.keys(unsigned)
      .sort()
      .map((key) => key + unsigned[key])
      .join('');
    expect(entry?.signature).toEqual({
      signMethod: 'md5',
      received: `${fields.sign?.slice(0, 3)}***${fields.sign?.slice(-3)}`,
      expected: signGateway(unsigned, gatewayDefaults.secret),
      signedString: `{secret}${canonical}{secret}`,
    });
    expect(entry?.verdict).toMatchObject({ outcome: 'rejected', code: 40002, message: '签名错误' });
    expect(JSON.stringify(entry)).not.toContain(gatewayDefaults.secret);
  });
});

describe('fw199 Douyin send', () => {
  it('sends by order id and by phone (ciphertext or plain), template_param as object or JSON string', async () => {
    const { app, post } = setup();
    const body = await post(
      doudianPath,
      doudian(
        doudianRequest(
          [
            {
              biz_type: 1,
              template_param: { name: '顺丰', number: 'sf3813741222' },
              order_id: '5001789329480019707',
            },
            { biz_type: 0, template_param: '{"name":"中通","number":"zt381382999"}', post_tel: ciphertext },
            { biz_type: 0, post_tel: '13800138000' },
          ],
          { tag: 'campaign-7' },
        ),
      ),
    );
    expect(body.code).toBe(0);
    expect(body.data.map(keysOf)).toEqual(Array(3).fill(['code', 'message', 'order_id', 'message_id']));
    expect(body.data[0]).toMatchObject({ code: 0, message: '', order_id: '5001789329480019707' });
    expect(body.data[1]).toMatchObject({ code: 0, message: '', order_id: '' });
    for (const item of body.data) expect(item.message_id).toMatch(uuidPattern);

    const messages = [...app.mock.inbox.newestFirst()].reverse();
    expect(messages.map((message) => [message.recipientKind, message.recipient])).toEqual([
      ['order', '5001789329480019707'],
      ['douyin-ciphertext', ciphertext],
      ['phone', '13800138000'],
    ]);
    expect(messages[1]).toMatchObject({
      platform: 'doudian-sms',
      signName: '群荐的铺子',
      template: 'ST_72dd4e2c',
      variables: { name: '中通', number: 'zt381382999' },
      seller: 'test-seller',
      details: { biz_type: 0, tag: 'campaign-7' },
      messageId: body.data[1].message_id,
    });
  });

  it('answers bad items with item results', async () => {
    const { app, post } = setup();
    const body = await post(
      doudianPath,
      doudian(
        doudianRequest([
          { biz_type: 2, order_id: '1' },
          { biz_type: 1 },
          { biz_type: 1, order_id: 'x1' },
          { biz_type: 0, post_tel: '12345' },
          { biz_type: 0, post_tel: '13800138000', template_param: '[1]' },
          { biz_type: 1, order_id: '5001789329480019707' },
        ]),
      ),
    );
    expect(body.data.slice(0, 5)).toEqual([
      { code: 40005, message: '参数错误:biz_type', order_id: '', message_id: '' },
      { code: 40005, message: '参数错误:order_id', order_id: '', message_id: '' },
      { code: 40005, message: '参数错误:order_id', order_id: 'x1', message_id: '' },
      { code: 40005, message: '参数错误:post_tel', order_id: '', message_id: '' },
      { code: 40005, message: '参数错误:template_param', order_id: '', message_id: '' },
    ]);
    expect(body.data[5]).toMatchObject({ code: 0, order_id: '5001789329480019707' });
    expect(app.mock.inbox.statistics.recorded).toBe(1);
  });

  it('fails the call for bad shared fields and batch sizes', async () => {
    const one = [{ biz_type: 0, post_tel: '13800138000' }];
    await expectCallError(doudianPath, doudian('[1]'), 40005, '参数错误:request_data');
    await expectCallError(doudianPath, doudian(doudianRequest(one, { sign: '' })), 40005, '参数错误:sign');
    await expectCallError(
      doudianPath,
      doudian(doudianRequest(one, { template_id: undefined })),
      40005,
      '参数错误:template_id',
    );
    await expectCallError(
      doudianPath,
      doudian(doudianRequest(one, { sms_message_list: 'x' })),
      40005,
      '参数错误:sms_message_list',
    );
    await expectCallError(doudianPath, doudian(doudianRequest([])), 40005, '参数错误:sms_message_list');
    await expectCallError(
      doudianPath,
      doudian(doudianRequest(one, { tag: 'x'.repeat(513) })),
      40005,
      '参数错误:tag',
    );
    await expectCallError(
      doudianPath,
      doudian(doudianRequest(Array(101).fill(one[0]))),
      40006,
      '单次最多100条',
    );
    const { post } = setup();
    expect((await post(doudianPath, doudian(doudianRequest(one, { tag: 'x'.repeat(512) })))).code).toBe(0);
  });
});
