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
  createTpnClient,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  type RequestHookInfo,
  type ResponseHookInfo,
  type TpnClientOptions,
  type TpnSendRequest,
  type TpnSendResult,
} from './index.js';
import type { tpnSendRequestSchema } from './tpn-schemas.js';

const fixture = fixtureReader(import.meta.url);

const secret = 'canary-tpn-secret-77e1';

const request: TpnSendRequest = {
  template_key: 'xxxx',
  template_id: 101,
  user_id: 12345n,
  sub_user_id: '123456',
  biz_id: 9_007_199_254_740_993n,
  biz_data: {
    page: '{ "url": "qap://detail.js", "capability": "questionDetail"}',
    extraData: '{"id":"123"}',
  },
  mobile_biz_data: { key1: 'value', key2: 123 },
  title_param: { key1: '标题' },
  content_param: { key1: 'value', key2: 123, nested: { big: 12345678901234567890n } },
  picture: 'http://xxx',
  pict: 'http://xxx',
};

function client(
  respond: (recorded: RecordedRequest, index: number) => Response | Promise<Response> = () =>
    jsonResponse(fixture('tpn-success.json')),
  options: Partial<TpnClientOptions> = {},
) {
  const recording = recordingFetch(respond);
  const tpn = createTpnClient({
    appKey: '12345678',
    appSecret: secret,
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { tpn, requests: recording.requests };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it.each<TopSignMethod>(['md5', 'hmac', 'hmac-sha256'])(
    'sends exact decimal ids, JSON text for Json params and no session, signed with %s',
    async (signMethod) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-25T16:30:00Z'));
      const { tpn, requests } = client(undefined, { signMethod });
      await tpn.send(request);

      const [sent] = requests;
      expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe('https://eco.taobao.com/router/rest');
      expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
      expect(sent?.query).toEqual({
        method: 'taobao.tpn.template.message.send',
        app_key: '12345678',
        sign_method: signMethod,
        timestamp: '2026-11-26 00:30:00',
        v: '2.0',
        format: 'json',
        sign: expect.stringMatching(/^[0-9A-F]+$/),
      });
      expect(sent?.form).toEqual({
        template_key: 'xxxx',
        template_id: '101',
        user_id: '12345',
        sub_user_id: '123456',
        biz_id: '9007199254740993',
        biz_data:
          '{"page":"{ \\"url\\": \\"qap://detail.js\\", \\"capability\\": \\"questionDetail\\"}","extraData":"{\\"id\\":\\"123\\"}"}',
        mobile_biz_data: '{"key1":"value","key2":123}',
        title_param: '{"key1":"标题"}',
        content_param: '{"key1":"value","key2":123,"nested":{"big":12345678901234567890}}',
        picture: 'http://xxx',
        pict: 'http://xxx',
      });
      expect(verifyTop({ ...sent!.query, ...sent!.form }, secret)).toEqual({ ok: true });
    },
  );

  it('sends only the required fields when nothing else is given', async () => {
    const { tpn, requests } = client();
    await tpn.send({
      template_key: 'k',
      template_id: '101',
      user_id: 1,
      biz_id: '122323434545',
      picture: '',
    });
    expect(requests[0]?.form).toEqual({
      template_key: 'k',
      template_id: '101',
      user_id: '1',
      biz_id: '122323434545',
    });
  });
});

describe('validation before sending', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['template_key missing', { template_key: undefined }, 'template_key'],
    ['template_key empty', { template_key: '' }, 'template_key'],
    ['template_id missing', { template_id: undefined }, 'template_id'],
    ['user_id missing', { user_id: undefined }, 'user_id'],
    ['biz_id missing', { biz_id: undefined }, 'biz_id'],
    ['biz_id an unsafe number', { biz_id: 2 ** 53 + 2 }, 'biz_id'],
    ['biz_id negative', { biz_id: -1n }, 'biz_id'],
    ['user_id not decimal', { user_id: '12a' }, 'user_id'],
    ['template_id fractional', { template_id: 1.5 }, 'template_id'],
    ['sub_user_id not decimal', { sub_user_id: '1e5' }, 'sub_user_id'],
    ['biz_data JSON text instead of an object', { biz_data: '{"a":1}' }, 'biz_data'],
    ['content_param an array', { content_param: [1] }, 'content_param'],
    ['a Json param holding NaN', { title_param: { n: Number.NaN } }, 'title_param.n'],
    ['picture not a string', { picture: 1 }, 'picture'],
    ['an unknown field', { session: 'x' }, 'request'],
  ];

  it.each(cases)('rejects %s, naming %s, and sends nothing', async (_label, change, field) => {
    const { tpn, requests } = client();
    const error = await rejection(tpn.send({ ...request, ...change } as unknown as TpnSendRequest));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field, api: 'taobao.tpn.template.message.send' });
    expect(requests).toHaveLength(0);
  });
});

describe('the answer', () => {
  it.each([
    ['JSON', 'tpn-success.json'],
    ['XML', 'tpn-success.xml'],
  ])('a %s success resolves ok with the message id and request id', async (_format, name) => {
    const { tpn } = client(() => jsonResponse(fixture(name)));
    await expect(tpn.send(request)).resolves.toEqual({
      ok: true,
      is_success: true,
      result: '1234567890',
      request_id: 'r4lu3uaf87g5',
    });
  });

  it.each([
    ['JSON', 'tpn-success-seed.json'],
    ['XML', 'tpn-success-seed.xml'],
  ])('the documented %s example reads as documented', async (_format, name) => {
    const { tpn } = client(() => textResponse(fixture(name), 'text/xml;charset=UTF-8'));
    await expect(tpn.send(request)).resolves.toEqual({
      ok: true,
      is_success: true,
      result: '1234567890',
      error_msg: 'Invalid-parameter',
    });
  });

  it('is_success false resolves with ok: false and the platform hint', async () => {
    const { tpn } = client(() => jsonResponse(fixture('tpn-rejected.json')));
    await expect(tpn.send(request)).resolves.toEqual({
      ok: false,
      is_success: false,
      error_msg: 'Invalid-parameter',
      request_id: 'r4lu3uaf87g6',
    });
  });

  it.each([
    ['JSON', 'error-response-seed.json'],
    ['XML', 'error-response-seed.xml'],
  ])('the documented %s error_response rejects with a TopPlatformError', async (_format, name) => {
    const { tpn } = client(() => jsonResponse(fixture(name)));
    const error = await rejection(tpn.send(request));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 50,
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      retryable: false,
    });
  });
});

describe('retries', () => {
  it('does not retry a send that timed out after it was written', async () => {
    const { tpn, requests } = client(neverAnswers, { timeout: 40 });
    const error = await rejection(tpn.send(request));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', maybeSent: true });
    expect(requests).toHaveLength(1);
  });

  it('can be told to retry timeouts, since a resend with the same biz_id overwrites', async () => {
    const { tpn, requests } = client(
      (recorded, index) => (index === 0 ? neverAnswers(recorded) : jsonResponse(fixture('tpn-success.json'))),
      {
        timeout: 40,
        retry: {
          jitter: false,
          delay: () => 1,
          shouldRetry: ({ error }) => error.name === 'TransportError' || undefined,
        },
      },
    );
    await expect(tpn.send(request)).resolves.toMatchObject({ ok: true });
    expect(requests.map((sent) => sent.form.biz_id)).toEqual(['9007199254740993', '9007199254740993']);
  });
});

describe('redaction', () => {
  it('keeps the canary secret out of errors and hook payloads', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { tpn } = client(() => textResponse(`<html>${secret}</html>`, 'text/html'), {
      hooks: {
        beforeRequest: [(info) => void seen.push(info)],
        afterResponse: [(info) => void seen.push(info)],
      },
    });
    const error = (await rejection(tpn.send(request))) as Error;
    const outputs = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack,
      JSON.stringify(seen),
    ].join('\n');
    expect(seen).toHaveLength(2);
    expect(outputs).not.toContain(secret);
  });
});

describe('types', () => {
  it('make a refusal impossible to read as a success without narrowing', () => {
    expectTypeOf<Extract<TpnSendResult, { ok: true }>['is_success']>().toEqualTypeOf<true>();
    expectTypeOf<Extract<TpnSendResult, { ok: false }>['is_success']>().toEqualTypeOf<false>();
  });

  it('keep the hand-written request type in step with the wire schema', () => {
    expectTypeOf<TpnSendRequest>().toExtend<z.input<typeof tpnSendRequestSchema>>();
    expectTypeOf<z.input<typeof tpnSendRequestSchema>>().toExtend<TpnSendRequest>();
  });
});
