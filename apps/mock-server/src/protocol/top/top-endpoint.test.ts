/** The TOP endpoint's answers: each method's success as the platform renders it, and the HTTP details. */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import {
  fixedNow,
  jstBusiness,
  keysOf,
  signedTopParams,
  topDefaults,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from '../../test-support/signed-requests.js';
import { requestIdPattern, setup, xmlProlog } from '../../test-support/top-calls.js';

describe('TOP success: taobao.jst.sms.message.send', () => {
  it('answers JSON with the documented fields in the documented order and records the message', async () => {
    const { app, call } = setup();
    const { response, text } = await call(signedTopParams(jstBusiness()));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.headers.get('content-encoding')).toBeNull();
    const body = JSON.parse(text);
    expect(keysOf(body)).toEqual(['jst_sms_message_send_response']);
    const fields = body.jst_sms_message_send_response;
    expect(keysOf(fields)).toEqual(['request_code', 'request_success', 'request_id', 'module', 'message']);
    expect(fields).toMatchObject({ request_code: 'success', request_success: true, message: 'success' });
    expect(fields.request_id).toMatch(requestIdPattern);
    expect(fields.module).toMatch(/^[1-9]\d{17}\^0$/);

    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message).toMatchObject({
      id: 1,
      receivedAt: new Date(fixedNow).toISOString(),
      platform: 'taobao-jst',
      api: 'taobao.jst.sms.message.send',
      appKey: '12345678',
      seller: 'test-seller',
      recipient: '13800138000',
      recipientKind: 'phone',
      signName: '聚石塔官方',
      template: 'SMS_12345',
      variables: { content: '您好' },
      text: null,
      requestId: fields.request_id,
      messageId: fields.module,
    });
  });

  it('answers XML with the prolog when format is absent or xml', async () => {
    for (const format of [null, 'xml'] as const) {
      const { call } = setup();
      const { response, text } = await call(signedTopParams(jstBusiness(), { format }));
      expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
      expect(text).toMatch(
        /^<\?xml version="1\.0" encoding="utf-8" \?><jst_sms_message_send_response><request_code>success<\/request_code><request_success>true<\/request_success><request_id>[0-9a-z]{12,13}<\/request_id><module>\d{18}\^0<\/module><message>success<\/message><\/jst_sms_message_send_response>$/,
      );
    }
  });

  it('drops the wrapper of a JSON success with simplify=true, but not of XML or of errors', async () => {
    const { call } = setup();
    const simplified = JSON.parse(
      (await call(signedTopParams(jstBusiness(), { extra: { simplify: 'true' } }))).text,
    );
    expect(keysOf(simplified)).toEqual([
      'request_code',
      'request_success',
      'request_id',
      'module',
      'message',
    ]);

    const xml = (await call(signedTopParams(jstBusiness(), { format: 'xml', extra: { simplify: 'true' } })))
      .text;
    expect(xml.startsWith(`${xmlProlog}<jst_sms_message_send_response>`)).toBe(true);

    const error = JSON.parse(
      (await call(signedTopParams(jstBusiness(), { extra: { simplify: 'true' }, session: 'nope' }))).text,
    );
    expect(keysOf(error)).toEqual(['error_response']);
  });

  it('accepts all three signature methods, a lower-case sign, and the bare-key empty-value variant', async () => {
    const { app, call } = setup();
    for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) {
      const body = JSON.parse((await call(signedTopParams(jstBusiness(), { signMethod }))).text);
      expect(body.jst_sms_message_send_response?.request_success).toBe(true);
    }
    const lower = signedTopParams(jstBusiness());
    lower.sign = (lower.sign as string).toLowerCase();
    expect(JSON.parse((await call(lower)).text).jst_sms_message_send_response?.request_success).toBe(true);

    // A client that signs an empty value as the bare key (docs/protocol.md §1.3): accepted too.
    const withEmpty = signedTopParams(jstBusiness(), { extra: { partner_id: '' } });
    const { sign: _sign, ...unsigned } = withEmpty;
    const bareKeyCanonical = Object.keys(unsigned)
      .sort()
      .map((key) => key + unsigned[key])
      .join('');
    const { createHash } = await import('node:crypto');
    withEmpty.sign = createHash('md5')
      .update(`${topDefaults.secret}${bareKeyCanonical}${topDefaults.secret}`)
      .digest('hex')
      .toUpperCase();
    expect(JSON.parse((await call(withEmpty)).text).jst_sms_message_send_response?.request_success).toBe(
      true,
    );
    expect(app.mock.inbox.statistics.recorded).toBe(5);
  });

  it('accepts an absent sign_method as md5 and an epoch-milliseconds timestamp (the Python SDK)', async () => {
    const { call } = setup();
    const noMethod = signedTopParams(jstBusiness(), { signMethodParameter: null });
    expect(JSON.parse((await call(noMethod)).text).jst_sms_message_send_response?.request_success).toBe(true);
    const epoch = signedTopParams(jstBusiness(), { timestamp: String(fixedNow) });
    expect(JSON.parse((await call(epoch)).text).jst_sms_message_send_response?.request_success).toBe(true);
  });

  it('renders the text of a configured template, ${url} from the url field', async () => {
    const app = createMockApp({
      clock: createManualClock(fixedNow),
      templates: { sms: [{ code: 'SMS_12345', text: '${content}! 详情 ${url} ${missing}' }] },
    });
    await app.request(
      ...topRequest(
        signedTopParams(jstBusiness({ url: 'https://m.taobao.com', params: { content: '您好' } })),
      ),
    );
    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message?.text).toBe('您好! 详情 https://m.taobao.com ${missing}');
    expect(message?.variables).toEqual({ content: '您好' });
    expect(message?.details).toEqual({ url: 'https://m.taobao.com' });
  });
});

describe('TOP success: taobao.tpn.template.message.send', () => {
  it('answers result, is_success, request_id — without a session', async () => {
    const { app, call } = setup();
    const { text } = await call(signedTopParams(tpnBusiness(), { method: tpnMethodName, session: null }));
    const body = JSON.parse(text);
    expect(keysOf(body)).toEqual(['tpn_template_message_send_response']);
    const fields = body.tpn_template_message_send_response;
    expect(keysOf(fields)).toEqual(['result', 'is_success', 'request_id']);
    expect(fields.result).toMatch(/^\d{16}$/);
    expect(fields.is_success).toBe(true);
    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message).toMatchObject({
      platform: 'qianniu-tpn',
      recipient: '12345',
      recipientKind: 'qianniu-user',
      template: 'xxxx',
      seller: null,
      signName: null,
      variables: { key1: 'value', key2: 123 },
      messageId: fields.result,
    });
    expect(message?.details).toMatchObject({ template_id: '101', biz_id: '122323434545' });
  });

  it('answers XML and records the seller of a given session', async () => {
    const { app, call } = setup();
    const { text } = await call(signedTopParams(tpnBusiness(), { method: tpnMethodName, format: 'xml' }));
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8" \?><tpn_template_message_send_response><result>\d{16}<\/result><is_success>true<\/is_success><request_id>[0-9a-z]{12,13}<\/request_id><\/tpn_template_message_send_response>$/,
    );
    expect([...app.mock.inbox.newestFirst()][0]?.seller).toBe('test-seller');
  });

  it('renders title and content of a configured Qianniu template', async () => {
    const app = createMockApp({
      clock: createManualClock(fixedNow),
      templates: { qianniu: [{ key: 'xxxx', title: '新订单 ${order}', content: '买家 ${buyer} 下单' }] },
    });
    await app.request(
      ...topRequest(
        signedTopParams(tpnBusiness({ title_param: '{"order":"123"}', content_param: '{"buyer":"张三"}' }), {
          method: tpnMethodName,
        }),
      ),
    );
    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message?.title).toBe('新订单 123');
    expect(message?.text).toBe('买家 张三 下单');
  });
});

describe('TOP HTTP details', () => {
  it('gzips only when the request accepts gzip', async () => {
    const { app } = setup();
    const { gunzipSync } = await import('node:zlib');
    const params = signedTopParams(jstBusiness());
    const gzipped = await app.request(
      ...topRequest(params, 'form-post', { 'accept-encoding': 'gzip, deflate' }),
    );
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8'));
    expect(body.jst_sms_message_send_response.request_success).toBe(true);

    for (const acceptEncoding of ['identity', 'deflate, br', 'gzip;q=0', '*']) {
      const plain = await app.request(
        ...topRequest(params, 'form-post', { 'accept-encoding': acceptEncoding }),
      );
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(await plain.text()).jst_sms_message_send_response.request_success).toBe(true);
    }
  });

  it('answers 405 to methods other than GET and POST', async () => {
    const { app } = setup();
    for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD']) {
      const response = await app.request(
        `/router/rest?${new URLSearchParams(signedTopParams(jstBusiness()))}`,
        { method },
      );
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST');
    }
    expect(app.mock.inbox.statistics.recorded).toBe(0);
  });
});
