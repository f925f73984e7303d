/** The fw199 TID send: item results, batch size, request_data. */
import { describe, expect, it } from 'vitest';
import { expectCallError, resigned, setup, tid, tidItem, tidPath } from '../../test-support/gateway-calls.js';
import { keysOf } from '../../test-support/signed-requests.js';

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
