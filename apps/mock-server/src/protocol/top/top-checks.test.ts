/** The TOP endpoint's checks: system parameters in the documented order, then the business parameters. */
import { formatTopTimestamp } from '@x/signing';
import { describe, expect, it } from 'vitest';
import {
  fixedNow,
  jstBusiness,
  signedTopParams,
  tpnBusiness,
  tpnMethodName,
} from '../../test-support/signed-requests.js';
import { expectJsonError, resign, setup, without } from '../../test-support/top-calls.js';

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

  it("JST: 50 isv.invalid-parameter 非法参数 for any other bad value inside (the API document's error example)", async () => {
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
