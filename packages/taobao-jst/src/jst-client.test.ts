import { type TopSignMethod, verifyTop } from '@x/signing';
import {
  fixtureReader,
  jsonResponse,
  neverAnswers,
  type RecordedRequest,
  recordingFetch,
  rejection,
  textResponse,
} from '@x/test-support';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  createJstClient,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  type JstClientOptions,
  type JstSendMessageRequest,
  type JstSendResult,
  type RequestHookInfo,
  type ResponseHookInfo,
} from './index.js';
import type { jstSendMessageRequestSchema } from './jst-schemas.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-jst-secret-3b7d';
const session = 'canary-jst-session-a4c2';
const phone = '13800138000';

const request: JstSendMessageRequest = {
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: phone,
  params: { content: '您好! ${url}', code: 1234 },
};

function client(
  respond: (recorded: RecordedRequest, index: number) => Response | Promise<Response> = () =>
    jsonResponse(fixture('jst-success.json')),
  options: Partial<JstClientOptions> = {},
) {
  const recording = recordingFetch(respond);
  const jst = createJstClient({
    appKey: '12345678',
    appSecret: secret,
    session,
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { jst, requests: recording.requests };
}

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

describe('validation before sending', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['sms_free_sign_name missing', { sms_free_sign_name: undefined }, 'sms_free_sign_name'],
    ['sms_free_sign_name empty', { sms_free_sign_name: '' }, 'sms_free_sign_name'],
    ['sms_free_sign_name blank', { sms_free_sign_name: '  ' }, 'sms_free_sign_name'],
    ['template_code missing', { template_code: undefined }, 'template_code'],
    ['template_code empty', { template_code: '' }, 'template_code'],
    ['phone_number missing', { phone_number: undefined }, 'phone_number'],
    ['phone_number empty', { phone_number: '' }, 'phone_number'],
    ['phone_number too short', { phone_number: '1380013800' }, 'phone_number'],
    ['phone_number too long', { phone_number: '138001380001' }, 'phone_number'],
    ['phone_number not starting with 1', { phone_number: '23800138000' }, 'phone_number'],
    ['phone_number with a country code', { phone_number: '+8613800138000' }, 'phone_number'],
    ['phone_number a number', { phone_number: 13800138000 }, 'phone_number'],
    ['url not http', { url: 'ftp://m.taobao.com' }, 'url'],
    ['url not a URL', { url: 'm.taobao.com' }, 'url'],
    ['params not an object', { params: '{"content":"x"}' }, 'params'],
    ['a params value that is neither string nor number', { params: { content: true } }, 'params.content'],
    ['an optional field that is not a string', { tag: 1 }, 'tag'],
    ['an unknown field', { phone: phone }, 'request'],
  ];

  it.each(cases)('rejects %s, naming %s, and sends nothing', async (_label, change, field) => {
    const { jst, requests } = client();
    const error = await rejection(jst.send({ ...request, ...change } as unknown as JstSendMessageRequest));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      field,
      api: 'taobao.jst.sms.message.send',
      retryable: false,
      maybeSent: false,
    });
    expect(requests).toHaveLength(0);
  });

  it('never echoes the rejected phone number', async () => {
    const { jst } = client();
    const error = await rejection(jst.send({ ...request, phone_number: '138001380009' }));
    expect(JSON.stringify(error) + String(error)).not.toContain('138001380009');
  });
});

describe('the answer', () => {
  it.each([
    ['JSON', 'jst-success.json'],
    ['XML', 'jst-success.xml'],
  ])('a %s success resolves ok with the receipt', async (_format, name) => {
    const { jst } = client(() => textResponse(fixture(name), 'text/javascript;charset=UTF-8'));
    await expect(jst.send(request)).resolves.toEqual({
      ok: true,
      request_success: true,
      request_code: 'success',
      request_id: 'r4lu3uaf87g2',
      module: '341623067818673604^0',
      message: 'success',
    });
  });

  it.each([
    ['JSON', 'jst-success-seed.json'],
    ['XML', 'jst-success-seed.xml'],
  ])('the documented %s example reads as documented', async (_format, name) => {
    const { jst } = client(() => textResponse(fixture(name), 'text/xml;charset=UTF-8'));
    await expect(jst.send(request)).resolves.toEqual({
      ok: true,
      request_success: true,
      request_code: 'params_error',
      request_id: '1234',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'jst-rejected.json'],
    ['XML', 'jst-rejected.xml'],
  ])('a %s business rejection resolves with ok: false', async (_format, name) => {
    const { jst } = client(() => jsonResponse(fixture(name)));
    await expect(jst.send(request)).resolves.toEqual({
      ok: false,
      request_success: false,
      request_code: 'params_error',
      request_id: 'r4lu3uaf87g3',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'error-response-seed.json'],
    ['XML', 'error-response-seed.xml'],
  ])('the documented %s error_response rejects with a TopPlatformError', async (_format, name) => {
    const { jst } = client(() => jsonResponse(fixture(name)));
    const error = await rejection(jst.send(request));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      retryable: false,
      maybeSent: false,
    });
  });

  it('an illegal number rejected by the SMS service is not processed and not retried', async () => {
    const { jst, requests } = client(() => jsonResponse(fixture('error-invalid-phone.json')));
    const error = await rejection(jst.send(request));
    expect(error).toMatchObject({
      code: 15,
      subCode: 'isv.MOBILE_NUMBER_ILLEGAL',
      requestId: 'r4lu3uaf87g4',
    });
    expect(requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('does not retry a send that timed out after it was written', async () => {
    const { jst, requests } = client(neverAnswers, { timeout: 40 });
    const error = await rejection(jst.send(request));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', maybeSent: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('retries code 7 once its ban is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const ban =
      '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 3 more seconds"}}';
    const { jst, requests } = client((_recorded, index) =>
      jsonResponse(index === 0 ? ban : fixture('jst-success.json')),
    );
    const result = jst.send(request);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(requests).toHaveLength(2);
  });
});

describe('redaction', () => {
  it('keeps the canary secret, session and phone number out of errors and hook payloads', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { jst } = client(
      () =>
        jsonResponse(
          `{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.x","sub_msg":"${phone} ${session}"}}`,
        ),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const error = (await rejection(jst.send(request))) as Error;
    const outputs = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack,
      JSON.stringify(seen),
    ].join('\n');
    expect(seen).toHaveLength(2);
    for (const canary of [secret, session, phone]) expect(outputs).not.toContain(canary);
  });
});

describe('types', () => {
  it('make a rejection impossible to read as a success without narrowing', () => {
    expectTypeOf<Extract<JstSendResult, { ok: true }>['request_success']>().toEqualTypeOf<true>();
    expectTypeOf<Extract<JstSendResult, { ok: false }>['request_success']>().toEqualTypeOf<false>();
  });

  it('keep the hand-written request type in step with the wire schema', () => {
    expectTypeOf<JstSendMessageRequest>().toExtend<z.input<typeof jstSendMessageRequestSchema>>();
    expectTypeOf<z.input<typeof jstSendMessageRequestSchema>>().toExtend<JstSendMessageRequest>();
  });
});
