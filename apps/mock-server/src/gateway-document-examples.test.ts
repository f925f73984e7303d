/**
 * The two fw199 API documents' own examples (Taobao SMS by order id, Douyin shop SMS), reproduced field for
 * field; the examples are quoted here. The TID document's daily-limit item, which the mock does not produce by
 * itself, comes from an interceptor, which is also how faults work.
 */
import { describe, expect, it } from 'vitest';
import type { SendInterceptor } from './protocol/pipeline/call/send-call.js';
import { createMockApp } from './serve/create-mock-app.js';
import { createManualClock } from './state/clock.js';
import { ciphertext, doudianPath, tidPath } from './test-support/gateway-calls.js';
import { fixedNow, formPost, jsonOf, keysOf, signedGatewayFields } from './test-support/signed-requests.js';

describe('the TID document — fw199 TID send', () => {
  // request_data from the document, its // comments removed.
  const documentedItems = [
    {
      extend_name: 'extname-100',
      extend: 'extend200',
      additional_info: true,
      sms_free_sign_name: '迈步鞋城淘宝店',
      params: { mima: 'p282', cardno: '38138124' },
      order_id: '3006925020239565830',
      extend_code: '888',
      template_code: 'SMS_251071470',
    },
    {
      extend_name: 'extname-200',
      extend: 'extend200',
      additional_info: true,
      sms_free_sign_name: '迈步鞋城淘宝店',
      params: { code: '38138125' },
      order_id: '3011187783529034024',
      extend_code: '888',
      template_code: 'SMS_257051849',
    },
  ];
  const dailyLimitMessage = 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。';

  it('answers the documented response: the first item sent, the second over its daily limit', async () => {
    const dailyLimitOnSecond: SendInterceptor = {
      name: 'documented-example',
      intercept: (call) => {
        const index = call.messages.findIndex((message) => message.recipient === '3011187783529034024');
        return { failMessages: new Map([[index, { code: 1, message: dailyLimitMessage }]]) };
      },
    };
    const app = createMockApp({ clock: createManualClock(fixedNow), interceptors: [dailyLimitOnSecond] });
    const body = await jsonOf(
      await app.request(...formPost(tidPath, signedGatewayFields('tb_seller_nick', documentedItems))),
    );
    expect(body).toEqual({
      code: 0,
      message: 'ok',
      data: [
        {
          order_id: '3006925020239565830',
          code: 0,
          message: 'success',
          request_id: body.data[0].request_id,
          module: { code: body.data[0].module.code, nameLen: 3 },
        },
        {
          order_id: '3011187783529034024',
          code: 1,
          message: dailyLimitMessage,
          request_id: '',
          module: { code: '', nameLen: 0 },
        },
      ],
      trace_id: body.trace_id,
    });
    expect(body.data[0].request_id).toMatch(/^[0-9a-z]{12,13}$/);
    expect(body.data[0].module.code).toMatch(/^\d{18}\^0$/);
    expect(app.mock.inbox.statistics.recorded).toBe(1);
  });
});

describe('the Douyin document — fw199 Douyin send', () => {
  // The request_data example (template_param as objects)…
  const documentedObjectForm = {
    sign: '群荐的铺子',
    sms_message_list: [
      {
        biz_type: 1,
        template_param: { name: '顺丰', number: 'sf3813741222' },
        order_id: '5001789329480019707',
      },
      { biz_type: 0, template_param: { name: '中通', number: 'zt381382999' }, post_tel: ciphertext },
    ],
    template_id: 'ST_72dd4e2c',
  };
  // …and the Java example's text, byte for byte (template_param as JSON strings, indented, a trailing space).
  const documentedJavaText =
    '{\n' +
    '    "sign": "群荐的铺子",\n' +
    '    "sms_message_list": [\n' +
    '        {\n' +
    '            "biz_type": 1,\n' +
    '            "template_param": "{\\"name\\":\\"顺丰\\",\\"number\\":\\"sf3813741333\\"}",\n' +
    '            "order_id": "5001789329480019707"\n' +
    '        },\n' +
    '        {\n' +
    '            "biz_type": 0,\n' +
    '            "template_param": "{\\"name\\":\\"圆通\\",\\"number\\":\\"yt3813741888\\"}", \n' +
    `            "post_tel": "${ciphertext}"\n` +
    '        }\n' +
    '    ],\n' +
    '    "template_id": "ST_72dd4e2c" ' +
    '}';

  it.each([
    ['the request_data example', JSON.stringify(documentedObjectForm)],
    ['the Java example text', documentedJavaText],
  ])('answers %s with the documented result items', async (_label, requestData) => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const body = await jsonOf(
      await app.request(...formPost(doudianPath, signedGatewayFields('seller_nick', requestData))),
    );
    expect(keysOf(body)).toEqual(['code', 'message', 'data', 'trace_id']);
    expect(body.code).toBe(0);
    expect(body.message).toBe('ok');
    expect(body.data).toEqual([
      { code: 0, message: '', order_id: '5001789329480019707', message_id: body.data[0].message_id },
      { code: 0, message: '', order_id: '', message_id: body.data[1].message_id },
    ]);
    const variables = [...app.mock.inbox.newestFirst()].reverse().map((message) => message.variables.name);
    expect(variables).toEqual(requestData === documentedJavaText ? ['顺丰', '圆通'] : ['顺丰', '中通']);
  });
});
