/**
 * The TOP request the caller builds: system params in the query and business params in the body, signed with
 * each method, the GMT+8 timestamp, value encoding, the session and baseUrl, and what it refuses before
 * sending (a missing session, a business param named like a system one, malformed client options).
 */
import { formatTopTimestamp, type TopSignMethod, verifyTop } from '@x/signing';
import { jsonResponse, rejection } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isValidationError } from './error-guards.js';
import { client, method, phone, secret, sendRequest, session, success } from './test-support/top-caller.js';
import { createTopCaller } from './top-call.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the TOP request', () => {
  it.each<TopSignMethod>(['md5', 'hmac', 'hmac-sha256'])(
    'puts system params in the query, business params in the body, signed with %s',
    async (signMethod) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2016-01-01T04:00:00Z'));
      const { caller, requests } = client(success, { signMethod });
      await caller.call(sendRequest());

      const [request] = requests;
      expect(request?.url.origin + request!.url.pathname).toBe('https://eco.taobao.com/router/rest');
      expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
      expect(request?.query).toEqual({
        method,
        app_key: '12345678',
        sign_method: signMethod,
        timestamp: '2016-01-01 12:00:00',
        v: '2.0',
        format: 'json',
        session,
        sign: expect.stringMatching(signMethod === 'hmac-sha256' ? /^[0-9A-F]{64}$/ : /^[0-9A-F]{32}$/),
      });
      expect(request?.form).toEqual({
        send_message_request: `{"sms_free_sign_name":"聚石塔官方","phone_number":"${phone}","params":"{\\"content\\":\\"您好\\"}"}`,
      });
      expect(verifyTop({ ...request!.query, ...request!.form }, secret)).toEqual({ ok: true });
    },
  );

  it('signs with hmac-sha256 by default and sends a GMT+8 timestamp wherever it runs', async () => {
    const { caller, requests } = client(success);
    const before = Date.now();
    await caller.call(sendRequest());
    const query = requests[0]!.query;
    expect(query.sign_method).toBe('hmac-sha256');
    expect(query.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const window = [
      formatTopTimestamp(new Date(before - 1000)),
      formatTopTimestamp(new Date(Date.now() + 1000)),
    ];
    expect(query.timestamp! >= window[0]! && query.timestamp! <= window[1]!).toBe(true);
  });

  it('encodes values as the wire wants and never sends empty ones', async () => {
    const { caller, requests } = client(() => jsonResponse({ tpn_template_message_send_response: {} }));
    await caller.call({
      method: 'taobao.tpn.template.message.send',
      params: {
        template_key: 'xxxx',
        template_id: 101,
        biz_id: 12345678901234567890n,
        flag: false,
        biz_data: { key1: 'value', key2: 123, gone: null },
        picture: '',
        pict: undefined,
        sub_user_id: null,
      },
      response: z.object({}),
      session: undefined,
    });
    expect(requests[0]?.form).toEqual({
      template_key: 'xxxx',
      template_id: '101',
      biz_id: '12345678901234567890',
      flag: 'false',
      biz_data: '{"key1":"value","key2":123}',
    });
    expect(verifyTop({ ...requests[0]!.query, ...requests[0]!.form }, secret)).toEqual({ ok: true });
  });

  it('sends no session when none is known and the API needs none', async () => {
    const { caller, requests } = client(() => jsonResponse({ tpn_template_message_send_response: {} }), {
      session: undefined,
    });
    await caller.call({ method: 'taobao.tpn.template.message.send', params: {}, response: z.object({}) });
    expect(requests[0]?.query).not.toHaveProperty('session');
  });

  it('uses the session given to the call over the client one', async () => {
    const { caller, requests } = client(success);
    await caller.call(sendRequest({ session: 'other-session' }));
    expect(requests[0]?.query.session).toBe('other-session');
  });

  it('posts to the given baseUrl', async () => {
    const { caller, requests } = client(success, { baseUrl: 'http://127.0.0.1:8787/router/rest' });
    await caller.call(sendRequest());
    expect(requests[0]?.url.origin + requests[0]!.url.pathname).toBe('http://127.0.0.1:8787/router/rest');
  });

  it('rejects a call that needs a session and has none, before sending', async () => {
    const { caller, requests } = client(success, { session: undefined });
    const error = await rejection(caller.call(sendRequest()));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'session', api: method });
    expect(requests).toHaveLength(0);
  });

  it('rejects a business parameter named like a system one, before sending', async () => {
    const { caller, requests } = client(success);
    const error = await rejection(caller.call(sendRequest({ params: { timestamp: 'x' } })));
    expect(error).toMatchObject({ name: 'ValidationError', field: 'timestamp' });
    expect(requests).toHaveLength(0);
  });

  it('names every missing or malformed client option', () => {
    let caught: unknown;
    try {
      createTopCaller({
        appKey: '',
        appSecret: '',
        signMethod: 'sha1' as TopSignMethod,
        baseUrl: 'eco.taobao.com',
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field)).toEqual([
      'appKey',
      'appSecret',
      'baseUrl',
      'signMethod',
    ]);
  });
});
