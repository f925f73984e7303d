import { formatTopTimestamp, type TopSignMethod, verifyTop } from '@x/signing';
import {
  connectionFailure,
  fixtureReader,
  jsonResponse,
  type Responder,
  recordingFetch,
  rejection,
  textResponse,
} from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isTopPlatformError, isTransportError, isValidationError } from './error-guards.js';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import { createTopCaller, type TopCallerOptions, type TopCallRequest } from './top-call.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-top-secret-0c9a';
const session = 'canary-top-session-61f7';
const phone = '13800138000';
const method = 'taobao.jst.sms.message.send';

const jstPayload = z.object({
  request_code: z.string(),
  request_success: z.boolean(),
  request_id: z.string(),
  module: z.string().nullable().optional(),
  message: z.string(),
});

function sendRequest(overrides: Partial<TopCallRequest<z.output<typeof jstPayload>>> = {}) {
  return {
    method,
    params: {
      send_message_request: {
        sms_free_sign_name: '聚石塔官方',
        phone_number: phone,
        params: '{"content":"您好"}',
      },
    },
    response: jstPayload,
    requireSession: true,
    xmlFieldTypes: { request_success: 'boolean', module: 'nullable' },
    ...overrides,
  } as const;
}

function client(respond: Responder, options: Partial<TopCallerOptions> = {}) {
  const recording = recordingFetch(respond);
  const caller = createTopCaller({
    appKey: '12345678',
    appSecret: secret,
    session,
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { caller, requests: recording.requests };
}

const success = () => textResponse(fixture('top-jst-success.json'), 'text/javascript;charset=UTF-8');

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

describe('the TOP answer', () => {
  it.each([
    ['JSON', 'top-jst-success.json', 'application/json;charset=UTF-8'],
    ['XML', 'top-jst-success.xml', 'text/xml;charset=UTF-8'],
  ])('reads a %s success into the payload and its request id', async (_format, name, contentType) => {
    const { caller } = client(() => textResponse(fixture(name), contentType));
    await expect(caller.call(sendRequest())).resolves.toEqual({
      payload: {
        request_code: 'success',
        request_success: true,
        request_id: 'r4lu3uaf87g2',
        module: '341623067818673604^0',
        message: 'success',
      },
      requestId: 'r4lu3uaf87g2',
    });
  });

  it('reads the documented XML example, typing booleans and null', async () => {
    const { caller } = client(() =>
      textResponse(fixture('top-jst-success-seed.xml'), 'text/xml;charset=UTF-8'),
    );
    const { payload } = await caller.call(sendRequest());
    expect(payload).toEqual({
      request_code: 'params_error',
      request_success: true,
      request_id: '1234',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'top-error-response-seed.json'],
    ['XML', 'top-error-response-seed.xml'],
  ])('makes the documented %s error_response a TopPlatformError', async (_format, name) => {
    const { caller, requests } = client(() => textResponse(fixture(name), 'text/xml;charset=UTF-8'));
    const error = await rejection(caller.call(sendRequest()));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      requestId: undefined,
      retryable: false,
      maybeSent: false,
    });
    expect(requests).toHaveLength(1);
  });

  const platformErrors = JSON.parse(fixture('top-platform-errors.json')) as Array<{
    error_response: { code: number; msg: string; sub_code?: string; sub_msg?: string; request_id: string };
  }>;
  // code → [retryable, maybeSent] (top-error-verdict.ts explains each).
  const verdicts: Record<string, [boolean, boolean]> = {
    7: [true, false],
    '15 isp.top-remote-connection-timeout': [false, true],
  };
  it.each(
    platformErrors.map(
      (body) => [body.error_response.code, body.error_response.sub_code ?? '', body] as const,
    ),
  )('reads code %i %s into a TopPlatformError with its retry verdict', async (code, subCode, body) => {
    const { caller, requests } = client(() => jsonResponse(body), { retry: { limit: 0 } });
    const error = await rejection(caller.call(sendRequest()));
    const [retryable, maybeSent] = verdicts[`${code} ${subCode}`] ?? verdicts[code] ?? [false, false];
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code,
      msg: body.error_response.msg,
      subCode: body.error_response.sub_code,
      subMsg: body.error_response.sub_msg,
      requestId: body.error_response.request_id,
      retryable,
      maybeSent,
    });
    expect(requests).toHaveLength(1);
  });

  it('reads the ban length of code 7', async () => {
    const { caller } = client(() => jsonResponse(platformErrors[0]), { retry: { limit: 0 } });
    expect(await rejection(caller.call(sendRequest()))).toMatchObject({ code: 7, retryAfterMs: 12_000 });
  });

  it('counts an unknown code and a code 15 without sub_code as possibly processed', async () => {
    for (const body of [
      { code: 15, msg: 'Remote service error' },
      { code: 9999, msg: 'New' },
    ]) {
      const { caller } = client(() => jsonResponse({ error_response: body }));
      expect(await rejection(caller.call(sendRequest()))).toMatchObject({
        maybeSent: true,
        retryable: false,
      });
    }
  });

  it.each([
    ['an unknown root key', '{"other_response":{}}', 'got root key other_response'],
    [
      'a payload without the documented fields',
      '{"jst_sms_message_send_response":{"request_id":"x"}}',
      'does not match',
    ],
    ['an error_response without a code', '{"error_response":{"msg":"x"}}', 'without a numeric code'],
    ['neither JSON nor XML', 'Service Unavailable', 'neither JSON nor XML'],
    ['malformed XML', '<error_response><code>7</error_response>', 'neither JSON nor XML'],
    ['a JSON array', '[]', 'neither JSON nor XML'],
  ])('makes %s an unparseable-body error that may have been processed', async (_label, body, detail) => {
    const { caller, requests } = client(() => textResponse(body, 'application/json'));
    const error = await rejection(caller.call(sendRequest()));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unparseable-body', maybeSent: true, retryable: false });
    expect((error as { detail: string }).detail).toContain(detail);
    expect(requests).toHaveLength(1);
  });
});

describe('TOP retries', () => {
  it('retries code 7 after its ban, within the limit, each attempt with a fresh timestamp and signature', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    vi.setSystemTime(new Date('2016-01-01T04:00:00Z'));
    const ban = {
      error_response: { code: 7, msg: 'App Call Limited', sub_msg: 'This ban will last for 2 more seconds' },
    };
    const { caller, requests } = client((_request, index) => (index === 0 ? jsonResponse(ban) : success()), {
      retry: { jitter: false },
    });
    const result = caller.call(sendRequest());
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toMatchObject({ requestId: 'r4lu3uaf87g2' });
    expect(requests.map((request) => request.query.timestamp)).toEqual([
      '2016-01-01 12:00:00',
      '2016-01-01 12:00:02',
    ]);
    for (const request of requests)
      expect(verifyTop({ ...request.query, ...request.form }, secret)).toEqual({ ok: true });
  });

  it('stops retrying code 7 at the limit and throws the platform error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const ban = {
      error_response: { code: 7, msg: 'App Call Limited', sub_msg: 'This ban will last for 1 more seconds' },
    };
    const { caller, requests } = client(() => jsonResponse(ban), { retry: { jitter: false, limit: 2 } });
    const result = rejection(caller.call(sendRequest()));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await result).toMatchObject({ code: 7 });
    expect(requests).toHaveLength(3);
  });

  it('does not retry the isp remote timeout: the message may be out', async () => {
    const body = {
      error_response: {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isp.top-remote-connection-timeout',
      },
    };
    const { caller, requests } = client(() => jsonResponse(body));
    expect(await rejection(caller.call(sendRequest()))).toMatchObject({ maybeSent: true });
    expect(requests).toHaveLength(1);
  });
});

describe('redaction', () => {
  it('keeps the secret, the session and the phone number out of every error and hook payload', async () => {
    const answers: Array<() => Response> = [
      () =>
        jsonResponse({
          error_response: { code: 15, msg: `号码 ${phone} 错误`, sub_code: 'isv.x', sub_msg: `${session}` },
        }),
      () => textResponse(`<html>${secret} ${phone}</html>`, 'text/html'),
      () => textResponse('down', 'text/plain', 503),
    ];
    for (const answer of answers) {
      const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
      const { caller } = client(
        (_request, index) => {
          if (index === 0) throw connectionFailure('ECONNREFUSED');
          return answer();
        },
        {
          hooks: {
            beforeRequest: [(info) => void seen.push(info)],
            afterResponse: [(info) => void seen.push(info)],
          },
        },
      );
      const error = (await rejection(caller.call(sendRequest()))) as Error;
      const outputs = [
        error.message,
        String(error),
        JSON.stringify(error),
        error.stack,
        JSON.stringify(seen),
        ...seen.map((info) =>
          'error' in info && info.error ? `${info.error.message} ${JSON.stringify(info.error)}` : '',
        ),
      ].join('\n');
      expect(seen.length).toBeGreaterThanOrEqual(4);
      for (const canary of [secret, session, phone]) expect(outputs).not.toContain(canary);
      expect(outputs).toContain('138****8000');
    }
  });
});
