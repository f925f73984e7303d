import { formatTopTimestamp, signTop } from '@x/signing';
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

const requestIdPattern = /^[0-9a-z]{12,13}$/;
const xmlProlog = '<?xml version="1.0" encoding="utf-8" ?>';

function setup() {
  const app = createMockApp({ clock: createManualClock(fixedNow) });
  const call = async (
    params: Record<string, string>,
    encoding: Parameters<typeof topRequest>[1] = 'form-post',
  ) => {
    const response = await app.request(...topRequest(params, encoding));
    return { response, text: await response.text() };
  };
  return { app, call };
}

async function expectJsonError(params: Record<string, string>, expected: Record<string, unknown>) {
  const { app, call } = setup();
  const { response, text } = await call({ ...params, format: 'json' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  const body = JSON.parse(text);
  expect(keysOf(body)).toEqual(['error_response']);
  const { request_id: requestId, ...rest } = body.error_response;
  expect(rest).toEqual(expected);
  expect(requestId).toMatch(requestIdPattern);
  expect(keysOf(body.error_response)).toEqual([...Object.keys(expected), 'request_id']);
  expect(app.mock.inbox.statistics.recorded).toBe(0);
  return body;
}

/** Re-signs after editing, so only the intended check fails. */
function resign(params: Record<string, string>, secret = topDefaults.secret): Record<string, string> {
  const { sign: _sign, ...rest } = params;
  return { ...rest, sign: signTop(rest, secret, (rest.sign_method as 'md5') ?? 'md5') };
}

function without(params: Record<string, string>, ...names: string[]): Record<string, string> {
  const copy = { ...params };
  for (const name of names) delete copy[name];
  return copy;
}

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

describe('TOP system checks, in docs/protocol.md §1.6 order', () => {
  const valid = () => signedTopParams(jstBusiness());

  it('21 Missing method', async () => {
    await expectJsonError(without(valid(), 'method'), { code: 21, msg: 'Missing method' });
    await expectJsonError({ ...valid(), method: '' }, { code: 21, msg: 'Missing method' });
  });

  it('22 Invalid method', async () => {
    await expectJsonError(resign({ ...valid(), method: 'taobao.item.seller.get' }), {
      code: 22,
      msg: 'Invalid method',
    });
  });

  it('29 Invalid app Key, for a missing and for an unknown key', async () => {
    const expected = { code: 29, msg: 'Invalid app Key', sub_code: 'isv.appkey-not-exists' };
    await expectJsonError(without(valid(), 'app_key'), expected);
    await expectJsonError(resign({ ...valid(), app_key: '87654321' }), expected);
  });

  it('30 Missing timestamp, 31 Invalid timestamp (format, impossible date, more than 10 minutes off)', async () => {
    await expectJsonError(without(valid(), 'timestamp'), { code: 30, msg: 'Missing timestamp' });
    const invalid = { code: 31, msg: 'Invalid timestamp' };
    for (const timestamp of [
      '2024/03/01 12:00:00',
      '2024-02-30 12:00:00',
      'yesterday',
      '2024-03-01T12:00:00+08:00',
    ]) {
      await expectJsonError(resign({ ...valid(), timestamp }), invalid);
    }
    // The classic bug: UTC wall-clock time sent as if it were GMT+8 — 8 hours behind.
    const utcText = new Date(fixedNow).toISOString().slice(0, 19).replace('T', ' ');
    await expectJsonError(resign({ ...valid(), timestamp: utcText }), invalid);
    await expectJsonError(signedTopParams(jstBusiness(), { now: fixedNow + 10 * 60_000 + 1000 }), invalid);
    await expectJsonError(signedTopParams(jstBusiness(), { now: fixedNow - 10 * 60_000 - 1000 }), invalid);
  });

  it('allows exactly 10 minutes of skew either way', async () => {
    const { call } = setup();
    for (const offset of [10 * 60_000, -10 * 60_000]) {
      const { text } = await call(signedTopParams(jstBusiness(), { now: fixedNow + offset }));
      expect(JSON.parse(text).jst_sms_message_send_response?.request_success).toBe(true);
    }
  });

  it('32 Missing version, 33 Invalid version', async () => {
    await expectJsonError(without(valid(), 'v'), { code: 32, msg: 'Missing version' });
    await expectJsonError(resign({ ...valid(), v: '1.0' }), { code: 33, msg: 'Invalid version' });
    await expectJsonError(resign({ ...valid(), v: '2' }), { code: 33, msg: 'Invalid version' });
  });

  it('24 Missing signature', async () => {
    await expectJsonError(without(valid(), 'sign'), { code: 24, msg: 'Missing signature' });
  });

  it('25 Invalid signature: wrong secret, tampered parameter, unknown sign_method, [object Object]', async () => {
    const expected = { code: 25, msg: 'Invalid signature' };
    await expectJsonError(signedTopParams(jstBusiness(), { secret: 'wrong-secret' }), expected);
    await expectJsonError({ ...valid(), send_message_request: JSON.stringify({ tampered: true }) }, expected);
    await expectJsonError({ ...valid(), sign_method: 'sha1' }, expected);
    // The npm client that signs objects as "[object Object]" but sends JSON.
    const objectParams = signedTopParams({ send_message_request: '[object Object]' });
    await expectJsonError(
      {
        ...objectParams,
        send_message_request: JSON.stringify(JSON.parse(jstBusiness().send_message_request as string)),
      },
      expected,
    );
  });

  it('26 Missing session (JST needs one), 27 Invalid session', async () => {
    await expectJsonError(signedTopParams(jstBusiness(), { session: null }), {
      code: 26,
      msg: 'Missing session',
    });
    await expectJsonError(signedTopParams(jstBusiness(), { session: 'someone-elses-session' }), {
      code: 27,
      msg: 'Invalid session',
      sub_code: 'invalid-sessionkey',
      sub_msg: 'SessionKey非法',
    });
    await expectJsonError(signedTopParams(tpnBusiness(), { method: tpnMethodName, session: 'nope' }), {
      code: 27,
      msg: 'Invalid session',
      sub_code: 'invalid-sessionkey',
      sub_msg: 'SessionKey非法',
    });
  });

  it('checks in order: an earlier failure wins over every later one', async () => {
    const broken = { method: 'taobao.nope', app_key: 'nope', timestamp: 'nope', v: '9', sign: 'nope' };
    await expectJsonError({ ...broken, method: '' }, { code: 21, msg: 'Missing method' });
    await expectJsonError(broken, { code: 22, msg: 'Invalid method' });
    await expectJsonError(
      { ...broken, method: 'taobao.jst.sms.message.send' },
      { code: 29, msg: 'Invalid app Key', sub_code: 'isv.appkey-not-exists' },
    );
    await expectJsonError(
      { ...broken, method: 'taobao.jst.sms.message.send', app_key: '12345678' },
      { code: 31, msg: 'Invalid timestamp' },
    );
    await expectJsonError(
      {
        ...broken,
        method: 'taobao.jst.sms.message.send',
        app_key: '12345678',
        timestamp: formatTopTimestamp(new Date(fixedNow)),
      },
      { code: 33, msg: 'Invalid version' },
    );
    await expectJsonError(
      {
        ...broken,
        method: 'taobao.jst.sms.message.send',
        app_key: '12345678',
        timestamp: formatTopTimestamp(new Date(fixedNow)),
        v: '2.0',
      },
      { code: 25, msg: 'Invalid signature' },
    );
    // A bad signature is reported before a missing session and before bad business parameters.
    await expectJsonError(
      { ...signedTopParams({}, { session: null }), sign: 'A'.repeat(32) },
      { code: 25, msg: 'Invalid signature' },
    );
    // A missing session before missing arguments.
    await expectJsonError(signedTopParams({}, { session: null }), { code: 26, msg: 'Missing session' });
  });

  it('renders errors as XML by default', async () => {
    const { call } = setup();
    const { response, text } = await call(without(signedTopParams(jstBusiness(), { format: null }), 'sign'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8" \?><error_response><code>24<\/code><msg>Missing signature<\/msg><request_id>[0-9a-z]{12,13}<\/request_id><\/error_response>$/,
    );
  });

  it('gives every answer a fresh request_id', async () => {
    const { call } = setup();
    const ids = new Set<string>();
    for (let index = 0; index < 50; index++) {
      ids.add(JSON.parse((await call({ format: 'json' })).text).error_response.request_id);
      ids.add(
        JSON.parse((await call(signedTopParams(jstBusiness()))).text).jst_sms_message_send_response
          .request_id,
      );
    }
    expect(ids.size).toBe(100);
  });
});

describe('TOP business parameters', () => {
  it('JST: 40 for a missing send_message_request or a missing required field in it', async () => {
    await expectJsonError(signedTopParams({}), {
      code: 40,
      msg: 'Missing required arguments:send_message_request',
      sub_code: 'isv.missing-parameter:send_message_request',
    });
    for (const field of ['sms_free_sign_name', 'template_code', 'phone_number']) {
      const request = {
        sms_free_sign_name: '签名',
        template_code: 'SMS_1',
        phone_number: '13800138000',
        [field]: '',
      };
      await expectJsonError(signedTopParams({ send_message_request: JSON.stringify(request) }), {
        code: 40,
        msg: `Missing required arguments:send_message_request.${field}`,
        sub_code: `isv.missing-parameter:send_message_request.${field}`,
      });
    }
  });

  it('JST: 41 when send_message_request is not JSON or not a JSON object', async () => {
    const expected = {
      code: 41,
      msg: 'Invalid arguments:send_message_request',
      sub_code: 'isv.invalid-parameter:send_message_request',
    };
    for (const text of ['{not json', '[1,2]', 'null', '"text"', '42']) {
      await expectJsonError(signedTopParams({ send_message_request: text }), expected);
    }
  });

  it('JST: 15 isv.MOBILE_NUMBER_ILLEGAL for a phone number that is not a mobile number', async () => {
    for (const phone_number of ['12345', '+8613800138000', 13800138000]) {
      await expectJsonError(signedTopParams(jstBusiness({ phone_number })), {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isv.MOBILE_NUMBER_ILLEGAL',
        sub_msg: '号码格式错误',
      });
    }
  });

  it("JST: 50 isv.invalid-parameter 非法参数 for any other bad value inside (the seed's error example)", async () => {
    const expected = {
      code: 50,
      msg: 'Remote service error',
      sub_code: 'isv.invalid-parameter',
      sub_msg: '非法参数',
    };
    await expectJsonError(signedTopParams(jstBusiness({ params: '{broken' })), expected);
    await expectJsonError(signedTopParams(jstBusiness({ params: { nested: { deep: true } } })), expected);
    await expectJsonError(signedTopParams(jstBusiness({ url: 'javascript:alert(1)' })), expected);
    await expectJsonError(signedTopParams(jstBusiness({ template_code: 42 })), expected);
  });

  it('JST: params may be a JSON string or an object (docs/protocol.md §1.4)', async () => {
    const { app, call } = setup();
    await call(signedTopParams(jstBusiness({ params: '{"code":"1234"}' })));
    await call(signedTopParams(jstBusiness({ params: { code: '5678' } })));
    expect([...app.mock.inbox.newestFirst()].map((message) => message.variables)).toEqual([
      { code: '5678' },
      { code: '1234' },
    ]);
  });

  it("TPN: 40 for each missing required parameter, in the document's order", async () => {
    for (const name of ['template_key', 'template_id', 'user_id', 'biz_id']) {
      await expectJsonError(signedTopParams(without(tpnBusiness(), name), { method: tpnMethodName }), {
        code: 40,
        msg: `Missing required arguments:${name}`,
        sub_code: `isv.missing-parameter:${name}`,
      });
    }
  });

  it('TPN: 41 for a bad id or a Json parameter that is not a JSON object', async () => {
    const cases: [string, string][] = [
      ['template_id', 'abc'],
      ['user_id', '-1'],
      ['biz_id', '1.5'],
      ['sub_user_id', 'x'],
      ['biz_data', '{oops'],
      ['content_param', '[1]'],
      ['title_param', '"text"'],
    ];
    for (const [name, value] of cases) {
      await expectJsonError(signedTopParams(tpnBusiness({ [name]: value }), { method: tpnMethodName }), {
        code: 41,
        msg: `Invalid arguments:${name}`,
        sub_code: `isv.invalid-parameter:${name}`,
      });
    }
  });

  it('TPN: ids beyond 2^53 stay exact', async () => {
    const { app, call } = setup();
    await call(
      signedTopParams(tpnBusiness({ user_id: '9007199254740993', biz_id: '18446744073709551615' }), {
        method: tpnMethodName,
      }),
    );
    const [message] = [...app.mock.inbox.newestFirst()];
    expect(message?.recipient).toBe('9007199254740993');
    expect(message?.details.biz_id).toBe('18446744073709551615');
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
