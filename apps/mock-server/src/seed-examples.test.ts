/**
 * The four seed documents' own examples, reproduced field for field. The examples are quoted here (the seeds live
 * outside the repository). Where a seed example shows an outcome the mock does not produce by itself — the daily
 * limit of the TID document, a business rejection — an interceptor produces it, which is also how faults work.
 */
import { describe, expect, it } from 'vitest';
import type { SendInterceptor } from './protocol/pipeline/call/send-call.js';
import { createMockApp } from './serve/create-mock-app.js';
import { createManualClock } from './state/clock.js';
import {
  fixedNow,
  formPost,
  jsonOf,
  keysOf,
  signedGatewayFields,
  signedTopParams,
  topRequest,
  tpnMethodName,
} from './test-support/signed-requests.js';

const xmlProlog = '<?xml version="1.0" encoding="utf-8" ?>';

/** Seed XML examples are indented; the wire has no whitespace between elements. */
function compactXml(text: string): string {
  return text.replace(/>\s+</g, '><').trim();
}

/** The seed error example of both TOP documents. */
const seedTopErrorXml = compactXml(`
<error_response>
    <code>50</code>
    <msg>Remote service error</msg>
    <sub_code>isv.invalid-parameter</sub_code>
    <sub_msg>非法参数</sub_msg>
</error_response>`);

function withRequestId(xml: string, requestId: string): string {
  return xml.replace('</error_response>', `<request_id>${requestId}</request_id></error_response>`);
}

describe('the JST document — taobao.jst.sms.message.send', () => {
  // The Java request example, every field set (params is documented as {"content":"您好! ${url}"}).
  const documentedRequest = {
    extend_name: '123',
    extend_code: '123',
    sms_free_sign_name: '聚石塔官方',
    channel_type: '2',
    template_code: 'SMS_12345',
    params: '{"content":"您好! ${url}"}',
    url: 'https://m.taobao.com',
    extend: '123',
    phone_number: '1234567890',
    tag: '123',
    batch_number: '1',
    sms_type: 'normal',
    tool_flag: '0',
  };

  it('accepts the documented request and answers the documented response fields, in order', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = { send_message_request: JSON.stringify(documentedRequest) };
    const json = await jsonOf(await app.request(...topRequest(signedTopParams(params))));
    // 响应参数: request_code String, request_success Boolean, request_id String, module String, message String.
    const fields = json.jst_sms_message_send_response;
    expect(keysOf(fields)).toEqual(['request_code', 'request_success', 'request_id', 'module', 'message']);
    expect([
      typeof fields.request_code,
      typeof fields.request_success,
      typeof fields.request_id,
      typeof fields.module,
      typeof fields.message,
    ]).toEqual(['string', 'boolean', 'string', 'string', 'string']);

    const xml = await (await app.request(...topRequest(signedTopParams(params, { format: 'xml' })))).text();
    const elements = [...xml.matchAll(/<(\w+)>[^<]*<\/\1>/g)].map((match) => match[1]);
    expect(elements).toEqual(['request_code', 'request_success', 'request_id', 'module', 'message']);

    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message?.recipient).toBe('1234567890');
    expect(message?.variables).toEqual({ content: '您好! ${url}' });
    const { sms_free_sign_name, template_code, phone_number, params: _params, ...rest } = documentedRequest;
    expect(message?.details).toEqual(rest);
  });

  it('reproduces the documented error example (code 50, isv.invalid-parameter, 非法参数)', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = { send_message_request: JSON.stringify({ ...documentedRequest, channel_type: 2 }) };
    const response = await app.request(...topRequest(signedTopParams(params, { format: 'xml' })));
    const text = await response.text();
    const requestId = /<request_id>(\w+)<\/request_id>/.exec(text)?.[1] ?? '';
    expect(text).toBe(xmlProlog + withRequestId(seedTopErrorXml, requestId));
    expect(app.mock.inbox.statistics.recorded).toBe(0);
  });

  it('renders the documented business-rejection fields (request_code params_error, module null, 参数错误)', async () => {
    const rejectAll: SendInterceptor = {
      name: 'seed-example',
      intercept: () => ({ failMessages: new Map([[0, { code: 'params_error', message: '参数错误' }]]) }),
    };
    const app = createMockApp({ clock: createManualClock(fixedNow), interceptors: [rejectAll] });
    const params = { send_message_request: JSON.stringify(documentedRequest) };
    const json = await jsonOf(await app.request(...topRequest(signedTopParams(params))));
    expect(json).toEqual({
      jst_sms_message_send_response: {
        request_code: 'params_error',
        request_success: false,
        request_id: json.jst_sms_message_send_response.request_id,
        module: null,
        message: '参数错误',
      },
    });
    expect(app.mock.inbox.statistics.recorded).toBe(0);
  });
});

describe('the TPN document — taobao.tpn.template.message.send', () => {
  // The Java request example.
  const documentedParams = {
    template_key: 'xxxx',
    mobile_biz_data: '{"key1":"value","key2":123}',
    biz_data: '{"key1":"value","key2":123}',
    template_id: '101',
    picture: 'http://xxx',
    pict: 'http://xxx',
    user_id: '12345',
    sub_user_id: '123456',
    title_param: '{"key1":"value","key2":123}',
    biz_id: '122323434545',
    content_param: '{"key1":"value","key2":123}',
  };

  it('accepts the documented request (no session) and answers result, is_success in order', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const xml = await (
      await app.request(
        ...topRequest(
          signedTopParams(documentedParams, { method: tpnMethodName, session: null, format: 'xml' }),
        ),
      )
    ).text();
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8" \?><tpn_template_message_send_response><result>\d+<\/result><is_success>true<\/is_success><request_id>\w+<\/request_id><\/tpn_template_message_send_response>$/,
    );
    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message?.details).toEqual({
      template_id: '101',
      sub_user_id: '123456',
      biz_id: '122323434545',
      biz_data: { key1: 'value', key2: 123 },
      mobile_biz_data: { key1: 'value', key2: 123 },
      title_param: { key1: 'value', key2: 123 },
      content_param: { key1: 'value', key2: 123 },
      picture: 'http://xxx',
      pict: 'http://xxx',
    });
  });

  it('renders the documented error example when an interceptor rejects the call', async () => {
    const reject: SendInterceptor = {
      name: 'seed-example',
      intercept: () => ({
        reject: {
          code: 50,
          message: 'Remote service error',
          subCode: 'isv.invalid-parameter',
          subMessage: '非法参数',
        },
      }),
    };
    const app = createMockApp({ clock: createManualClock(fixedNow), interceptors: [reject] });
    const text = await (
      await app.request(
        ...topRequest(signedTopParams(documentedParams, { method: tpnMethodName, format: 'xml' })),
      )
    ).text();
    const requestId = /<request_id>(\w+)<\/request_id>/.exec(text)?.[1] ?? '';
    expect(text).toBe(xmlProlog + withRequestId(seedTopErrorXml, requestId));
    expect(app.mock.inbox.statistics.recorded).toBe(0);
    expect([...app.mock.journal.newestFirst()][0]?.verdict).toMatchObject({
      reason: 'rejected by seed-example',
    });
  });

  it('renders a TPN business rejection as is_success false with error_msg', async () => {
    const fail: SendInterceptor = {
      name: 'seed-example',
      intercept: () => ({ failMessages: new Map([[0, { code: 'x', message: 'Invalid-parameter' }]]) }),
    };
    const app = createMockApp({ clock: createManualClock(fixedNow), interceptors: [fail] });
    const json = await jsonOf(
      await app.request(...topRequest(signedTopParams(documentedParams, { method: tpnMethodName }))),
    );
    const fields = json.tpn_template_message_send_response;
    expect(fields).toEqual({
      error_msg: 'Invalid-parameter',
      is_success: false,
      request_id: fields.request_id,
    });
  });
});

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
      name: 'seed-example',
      intercept: (call) => {
        const index = call.messages.findIndex((message) => message.recipient === '3011187783529034024');
        return { failMessages: new Map([[index, { code: 1, message: dailyLimitMessage }]]) };
      },
    };
    const app = createMockApp({ clock: createManualClock(fixedNow), interceptors: [dailyLimitOnSecond] });
    const body = await jsonOf(
      await app.request(
        ...formPost(
          '/gateway/taobao/jst/sms/tid/send',
          signedGatewayFields('tb_seller_nick', documentedItems),
        ),
      ),
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
  const ciphertext =
    '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';
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
      await app.request(...formPost('/gateway/dd/sms/send', signedGatewayFields('seller_nick', requestData))),
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
