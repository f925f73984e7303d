/**
 * The template registry: every rejection in each API's shape, the rendered text, its length and SMS segment
 * count (`【签名】` included; ≤ 70 is one, else one per 67), and no checks at all without a registry.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../../serve/create-mock-app.js';
import { createManualClock } from '../../../state/clock.js';
import type { RecordedMessage } from '../../../state/recorded-message.js';
import { jstSuccess as jstSent, stableBody } from '../../../test-support/mock-control.js';
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
import { smsLength, smsSegments } from './sms-text.js';

const registryConfig = {
  clock: createManualClock(fixedNow),
  templates: {
    registry: true,
    signatures: [
      '聚石塔官方',
      { name: '审核中签名', status: 'pending' as const },
      { name: '驳回签名', status: 'rejected' as const },
    ],
    sms: [
      { code: 'SMS_CODE', text: '您的验证码是${code},5分钟内有效' },
      { code: 'SMS_PENDING', text: '待审核', status: 'pending' as const },
      { code: 'SMS_REJECTED', text: '已驳回', status: 'rejected' as const },
      { code: 'SMS_FREE', text: '${content}' },
      { code: 'SMS_URL', text: '物流详情 ${url}' },
    ],
    qianniu: [
      { key: 'new-order', title: '新订单 ${order}', content: '买家 ${buyer} 下单' },
      { key: 'draft', content: '草稿', status: 'pending' as const },
    ],
  },
};

function newApp(options: Parameters<typeof createMockApp>[0] = registryConfig) {
  const app = createMockApp(options);
  const newest = () => app.mock.inbox.newestFirst().next().value as RecordedMessage | undefined;
  const jst = async (fields: Record<string, unknown>) =>
    stableBody(await (await app.request(...topRequest(signedTopParams(jstBusiness(fields))))).text());
  const tpn = async (fields: Record<string, string>) =>
    stableBody(
      await (
        await app.request(
          ...topRequest(signedTopParams(tpnBusiness(fields), { method: tpnMethodName, session: null })),
        )
      ).text(),
    );
  const tid = async (items: Record<string, unknown>[]) =>
    JSON.parse(
      await (
        await app.request(
          ...formPost('/gateway/taobao/jst/sms/tid/send', signedGatewayFields('tb_seller_nick', items)),
        )
      ).text(),
    ) as { data: { code: number; message: string }[] };
  const douyin = async (request: Record<string, unknown>) =>
    JSON.parse(
      await (
        await app.request(...formPost('/gateway/dd/sms/send', signedGatewayFields('seller_nick', request)))
      ).text(),
    ) as { data: { code: number; message: string }[] };
  return { app, newest, jst, tpn, tid, douyin };
}

const refused = (subCode: string, subMessage: string) =>
  `{"error_response":{"code":15,"msg":"Remote service error","sub_code":"${subCode}","sub_msg":"${subMessage}","request_id":"<id>"}}`;

const smsCases: [string, Record<string, unknown>, string, string][] = [
  [
    'an unknown signature',
    { sms_free_sign_name: '无名签名' },
    'isv.SMS_SIGNATURE_ILLEGAL',
    '签名不合法(不存在或被拉黑)',
  ],
  ['a pending signature', { sms_free_sign_name: '审核中签名' }, 'isv.SMS_SIGNATURE_ILLEGAL', '签名审核中'],
  ['a rejected signature', { sms_free_sign_name: '驳回签名' }, 'isv.SMS_SIGNATURE_ILLEGAL', '签名审核未通过'],
  [
    'an unknown template',
    { template_code: 'SMS_NONE' },
    'isv.SMS_TEMPLATE_ILLEGAL',
    '模板不合法(不存在或被拉黑)',
  ],
  [
    'a pending template',
    { template_code: 'SMS_PENDING', params: {} },
    'isv.SMS_TEMPLATE_ILLEGAL',
    '模板审核中',
  ],
  [
    'a rejected template',
    { template_code: 'SMS_REJECTED', params: {} },
    'isv.SMS_TEMPLATE_ILLEGAL',
    '模板审核未通过',
  ],
  ['a missing variable', { params: {} }, 'isv.TEMPLATE_MISSING_PARAMETERS', '模板缺少变量'],
  [
    'an extra variable',
    { params: { code: '1234', name: '张三' } },
    'isv.TEMPLATE_PARAMS_ILLEGAL',
    '模板变量不合法',
  ],
];
const good = { sms_free_sign_name: '聚石塔官方', template_code: 'SMS_CODE', params: { code: '1234' } };

describe('the template registry (templates.registry: true)', () => {
  it.each(smsCases)(
    'JST refuses %s: 15 Remote service error, %s',
    async (_what, fields, subCode, subMessage) => {
      const { app, jst } = newApp();
      expect(await jst({ ...good, ...fields })).toBe(refused(subCode, subMessage));
      expect([...app.mock.inbox.newestFirst()]).toHaveLength(0);
      expect(app.mock.journal.newestFirst().next().value?.verdict).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringMatching(/^rejected by template registry: (signature|template) /),
      });
    },
  );

  it.each(smsCases)(
    'TID and Douyin fail the item for %s, in the TID document’s wording',
    async (_what, fields, _code, subMessage) => {
      const { tid, douyin } = newApp();
      const item = { order_id: '1', ...good, ...fields };
      const expected = { code: 1, message: `Remote service error,请求失败,${subMessage}。` };
      const tidAnswer = await tid([
        {
          ...item,
          order_id: '2',
          params: { code: '1' },
          sms_free_sign_name: '聚石塔官方',
          template_code: 'SMS_CODE',
        },
        item,
      ]);
      expect(tidAnswer.data[0]).toMatchObject({ code: 0 });
      expect(tidAnswer.data[1]).toMatchObject(expected);
      const douyinAnswer = await douyin({
        sign: item.sms_free_sign_name,
        template_id: item.template_code,
        sms_message_list: [{ biz_type: 1, order_id: '3', template_param: item.params }],
      });
      expect(douyinAnswer.data[0]).toMatchObject(expected);
    },
  );

  it('sends an approved message, rendering its text; ${url} comes from the url field', async () => {
    const { jst, newest } = newApp();
    expect(await jst(good)).toBe(jstSent);
    expect(newest()).toMatchObject({ text: '您的验证码是1234,5分钟内有效', length: 24, segments: 1 });
    expect(await jst({ ...good, template_code: 'SMS_URL', params: {}, url: 'https://m.tb.cn/x' })).toBe(
      jstSent,
    );
    expect(newest()).toMatchObject({ text: '物流详情 https://m.tb.cn/x' });
  });

  it('TPN: a refusal in the success envelope, is_success false with error_msg', async () => {
    const { app, tpn, newest } = newApp();
    const refusal = (message: string) =>
      `{"tpn_template_message_send_response":{"error_msg":"${message}","is_success":false,"request_id":"<id>"}}`;
    expect(await tpn({ template_key: 'unknown' })).toBe(refusal('模板不存在'));
    expect(await tpn({ template_key: 'draft', content_param: '{}' })).toBe(refusal('模板审核中'));
    expect(
      await tpn({ template_key: 'new-order', title_param: '{}', content_param: '{"buyer":"张三"}' }),
    ).toBe(refusal('模板缺少变量'));
    expect(
      await tpn({
        template_key: 'new-order',
        title_param: '{"order":"1"}',
        content_param: '{"buyer":"张三","x":1}',
      }),
    ).toBe(refusal('模板变量不合法'));
    expect([...app.mock.inbox.newestFirst()]).toHaveLength(0);
    expect(
      await tpn({
        template_key: 'new-order',
        title_param: '{"order":"1"}',
        content_param: '{"buyer":"张三"}',
      }),
    ).toMatch(/"is_success":true/);
    expect(newest()).toMatchObject({
      title: '新订单 1',
      text: '买家 张三 下单',
      length: null,
      segments: null,
    });
  });
});

describe('length and segments (docs/protocol.md §3: 【签名】 included, ≤ 70 one, else per 67)', () => {
  // 【聚石塔官方】 is 7 characters.
  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])('%i characters make %i segment(s)', async (total, segments) => {
    const { jst, newest } = newApp();
    // An emoji is one character on a phone.
    const content = `${'短'.repeat(total - 8)}😀`;
    expect(await jst({ ...good, template_code: 'SMS_FREE', params: { content } })).toBe(jstSent);
    expect(newest()).toMatchObject({ text: content, length: total, segments });
  });

  it('counts code points and bills by 67', () => {
    expect(smsLength('签名', 'a'.repeat(66))).toBe(70);
    expect([1, 70, 71, 134, 135, 201, 202].map(smsSegments)).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });
});

describe('without a registry', () => {
  it('accepts any signature, template and variables; text, length and segments when the template is known', async () => {
    const { jst, newest } = newApp({
      clock: createManualClock(fixedNow),
      templates: { sms: [{ code: 'SMS_CODE', text: '验证码${code}', status: 'pending' }] },
    });
    expect(await jst({ sms_free_sign_name: '无名签名', template_code: 'SMS_NONE', params: { x: 1 } })).toBe(
      jstSent,
    );
    expect(newest()).toMatchObject({ text: null, length: null, segments: null });
    expect(
      await jst({ sms_free_sign_name: '无名签名', template_code: 'SMS_CODE', params: { code: '12' } }),
    ).toBe(jstSent);
    expect(newest()).toMatchObject({ text: '验证码12', length: 11, segments: 1 });
  });
});
