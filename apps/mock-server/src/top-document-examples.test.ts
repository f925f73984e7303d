/**
 * The two TOP API documents' own examples (JST and Qianniu TPN), reproduced field for field; the examples are
 * quoted here. Where an example shows an outcome the mock does not produce by itself — a business rejection,
 * the documented error — an interceptor produces it, which is also how faults work. The fw199 documents'
 * examples: gateway-document-examples.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { SendInterceptor } from './protocol/pipeline/call/send-call.js';
import { createMockApp } from './serve/create-mock-app.js';
import { createManualClock } from './state/clock.js';
import {
  fixedNow,
  jsonOf,
  keysOf,
  signedTopParams,
  topRequest,
  tpnMethodName,
} from './test-support/signed-requests.js';
import { xmlProlog } from './test-support/top-calls.js';

/** The documents' XML examples are indented; the wire has no whitespace between elements. */
function compactXml(text: string): string {
  return text.replace(/>\s+</g, '><').trim();
}

/** The error example of both TOP documents. */
const documentedTopErrorXml = compactXml(`
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
    expect(text).toBe(xmlProlog + withRequestId(documentedTopErrorXml, requestId));
    expect(app.mock.inbox.statistics.recorded).toBe(0);
  });

  it('renders the documented business-rejection fields (request_code params_error, module null, 参数错误)', async () => {
    const rejectAll: SendInterceptor = {
      name: 'documented-example',
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
      name: 'documented-example',
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
    expect(text).toBe(xmlProlog + withRequestId(documentedTopErrorXml, requestId));
    expect(app.mock.inbox.statistics.recorded).toBe(0);
    expect([...app.mock.journal.newestFirst()][0]?.verdict).toMatchObject({
      reason: 'rejected by documented-example',
    });
  });

  it('renders a TPN business rejection as is_success false with error_msg', async () => {
    const fail: SendInterceptor = {
      name: 'documented-example',
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
