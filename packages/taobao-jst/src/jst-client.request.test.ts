/**
 * The request the jst client sends: the TOP system params and send_message_request as compact JSON signed
 * with each method, the optional fields and platform defaults, the document test number, the session, and
 * refusing to send without one.
 */
import { type TopSignMethod, verifyTop } from '@x/signing';
import { rejection } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isValidationError } from './index.js';
import { client, phone, request, secret, session } from './test-support/jst-test-client.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it.each<TopSignMethod>(['md5', 'hmac', 'hmac-sha256'])(
    'sends the TOP system params and send_message_request as compact JSON, signed with %s',
    async (signMethod) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-25T13:14:53Z'));
      const { jst, requests } = client(undefined, { signMethod });
      await jst.send(request);

      expect(requests).toHaveLength(1);
      const [sent] = requests;
      expect(sent?.method).toBe('POST');
      expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe('https://eco.taobao.com/router/rest');
      expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
      expect(sent?.query).toEqual({
        method: 'taobao.jst.sms.message.send',
        app_key: '12345678',
        sign_method: signMethod,
        timestamp: '2026-11-25 21:14:53',
        v: '2.0',
        format: 'json',
        session,
        sign: expect.stringMatching(/^[0-9A-F]+$/),
      });
      // params travels as a JSON string inside the JSON (`docs/protocol.md` §1.4).
      expect(sent?.form).toEqual({
        send_message_request:
          '{"sms_free_sign_name":"聚石塔官方","template_code":"SMS_12345","phone_number":"13800138000","params":"{\\"content\\":\\"您好! ${url}\\",\\"code\\":1234}"}',
      });
      expect(verifyTop({ ...sent!.query, ...sent!.form }, secret)).toEqual({ ok: true });
    },
  );

  it('sends every documented optional field that is given, and none that is empty', async () => {
    const { jst, requests } = client();
    await jst.send({
      ...request,
      params: {},
      url: 'https://m.taobao.com',
      extend_name: '123',
      extend_code: '',
      extend: '123',
      tag: '123',
      batch_number: '1',
      channel_type: '2',
      sms_type: 'normal',
      tool_flag: undefined,
    });
    expect(JSON.parse(requests[0]!.form.send_message_request!)).toEqual({
      sms_free_sign_name: '聚石塔官方',
      template_code: 'SMS_12345',
      phone_number: phone,
      url: 'https://m.taobao.com',
      extend_name: '123',
      extend: '123',
      tag: '123',
      batch_number: '1',
      channel_type: '2',
      sms_type: 'normal',
    });
  });

  it('does not send the platform defaults unless given', async () => {
    const { jst, requests } = client();
    await jst.send({ sms_free_sign_name: 's', template_code: 't', phone_number: phone });
    expect(requests[0]?.form.send_message_request).toBe(
      '{"sms_free_sign_name":"s","template_code":"t","phone_number":"13800138000"}',
    );
  });

  it('accepts the document test number 1234567890', async () => {
    const { jst, requests } = client();
    await jst.send({ ...request, phone_number: '1234567890' });
    expect(requests).toHaveLength(1);
  });

  it('uses the session given to send() over the client one', async () => {
    const { jst, requests } = client();
    await jst.send(request, { session: 'other-seller-session' });
    expect(requests[0]?.query.session).toBe('other-seller-session');
  });

  it('refuses to send without a session, naming the field', async () => {
    const { jst, requests } = client(undefined, { session: undefined });
    const error = await rejection(jst.send(request));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'session' });
    expect(requests).toHaveLength(0);
  });
});
