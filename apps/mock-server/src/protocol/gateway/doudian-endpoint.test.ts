/** The fw199 Douyin send: order ids, phones and ciphertexts, item results, shared fields. */
import { describe, expect, it } from 'vitest';
import {
  ciphertext,
  doudian,
  doudianPath,
  doudianRequest,
  expectCallError,
  setup,
  uuidPattern,
} from '../../test-support/gateway-calls.js';
import { keysOf } from '../../test-support/signed-requests.js';

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
