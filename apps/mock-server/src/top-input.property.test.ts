/**
 * Property tests of the TOP endpoint's input handling: for random parameters, values, encodings and JSON —
 * mostly well-signed, so the business checks are reached too — the answer is never a 5xx, always one of the
 * documented shapes, and the inbox grows by exactly the messages answered as sent (nothing for a rejected
 * request). The fw199 gateway: gateway-input.property.test.ts.
 */
import { signTop, type TopSignMethod } from '@x/signing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp } from './serve/create-mock-app.js';
import { createManualClock } from './state/clock.js';
import { jsonText, mostly, text } from './test-support/input-arbitraries.js';
import { fixedNow, formBody, keysOf, multipartBody, topDefaults } from './test-support/signed-requests.js';

const app = createMockApp({ clock: createManualClock(fixedNow), inboxSize: 100 });
const recorded = () => app.mock.inbox.statistics.recorded;

const topErrorCodes = new Set([7, 11, 15, 21, 22, 24, 25, 26, 27, 29, 30, 31, 32, 33, 40, 41, 50]);

const jstRequest = fc
  .record(
    {
      sms_free_sign_name: mostly('签名', text),
      template_code: mostly('SMS_1', text),
      phone_number: mostly('13800138000', fc.oneof(fc.constantFrom('1234567890', '12345'), text)),
      params: mostly(
        '{"code":"1234"}',
        fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), jsonText, fc.jsonValue()),
      ),
      url: mostly('https://m.taobao.com', text),
      extend: text,
    },
    { requiredKeys: ['sms_free_sign_name', 'template_code', 'phone_number'] },
  )
  .map((request) => JSON.stringify(request));

const tpnParams = fc.record(
  {
    template_key: mostly('key', text),
    template_id: mostly('101', text),
    user_id: mostly('12345', text),
    biz_id: mostly('9007199254740993', text),
    content_param: mostly('{"a":1}', jsonText),
    biz_data: jsonText,
  },
  { requiredKeys: ['template_key', 'template_id', 'user_id', 'biz_id'] },
);

const topCase = fc
  .record({
    api: fc.constantFrom('jst', 'tpn', 'other'),
    appKey: mostly(topDefaults.appKey, fc.constantFrom(undefined, 'other')),
    timestamp: mostly(
      '2024-03-01 12:00:00',
      fc.constantFrom(String(fixedNow), '2024-03-01 13:00:00', 'bad', undefined),
    ),
    v: mostly('2.0', fc.constantFrom('1.0', undefined)),
    session: mostly(topDefaults.session, fc.constantFrom('other', undefined)),
    format: fc.constantFrom('json', 'xml', undefined, 'yaml'),
    signMethod: fc.constantFrom<TopSignMethod | 'sha1' | undefined>(
      'md5',
      'hmac',
      'hmac-sha256',
      'sha1',
      undefined,
    ),
    signCorrectly: mostly(true, fc.constant(false)),
    jst: fc.oneof(jstRequest, jsonText),
    tpn: tpnParams,
    extra: fc.dictionary(text, text, { maxKeys: 3 }),
    encoding: fc.constantFrom('query', 'form', 'multipart'),
  })
  .map(({ api, jst, tpn, ...rest }) => ({
    ...rest,
    method:
      api === 'jst'
        ? 'taobao.jst.sms.message.send'
        : api === 'tpn'
          ? 'taobao.tpn.template.message.send'
          : 'taobao.other',
    business: api === 'jst' ? { send_message_request: jst } : api === 'tpn' ? tpn : {},
  }));

function buildTopParams(testCase: TopCase): Record<string, string> {
  const params: Record<string, string> = { ...testCase.extra };
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) params[name] = value;
  };
  set('method', testCase.method);
  set('app_key', testCase.appKey);
  set('timestamp', testCase.timestamp);
  set('v', testCase.v);
  set('session', testCase.session);
  set('format', testCase.format);
  set('sign_method', testCase.signMethod);
  for (const [name, value] of Object.entries(testCase.business))
    if (typeof value === 'string') params[name] = value;
  delete params.sign;
  const signMethod =
    testCase.signMethod === undefined || testCase.signMethod === 'sha1' ? 'md5' : testCase.signMethod;
  params.sign = testCase.signCorrectly ? signTop(params, topDefaults.secret, signMethod) : 'F'.repeat(32);
  return params;
}
type TopCase = typeof topCase extends fc.Arbitrary<infer Value> ? Value : never;

function requestInit(params: Record<string, string>, encoding: string): [string, RequestInit] {
  if (encoding === 'query') return [`/router/rest?${formBody(params)}`, { method: 'GET' }];
  if (encoding === 'multipart') return ['/router/rest', { method: 'POST', body: multipartBody(params) }];
  return [
    '/router/rest',
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(params),
    },
  ];
}

describe('TOP input handling (property)', () => {
  it('always answers a documented shape, and records exactly the successes', async () => {
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(topCase, async (testCase) => {
        const params = buildTopParams(testCase);
        const before = recorded();
        const response = await app.request(...requestInit(params, testCase.encoding));
        expect(response.status).toBe(200);
        const body = await response.text();
        // The format actually received: the first `format`, which may be an `extra` one.
        const json = response.headers.get('content-type') === 'application/json;charset=UTF-8';
        let root: string;
        let success: boolean;
        if (json) {
          const parsed = JSON.parse(body);
          expect(keysOf(parsed)).toHaveLength(1);
          root = keysOf(parsed)[0] as string;
          success = root !== 'error_response';
          if (!success) {
            const error = parsed.error_response;
            expect(topErrorCodes.has(error.code)).toBe(true);
            const keys = keysOf(error);
            expect(keys.slice(0, 2)).toEqual(['code', 'msg']);
            expect(keys.at(-1)).toBe('request_id');
            expect(
              keys.every((key) => ['code', 'msg', 'sub_code', 'sub_msg', 'request_id'].includes(key)),
            ).toBe(true);
          }
        } else {
          expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
          const match =
            /^<\?xml version="1\.0" encoding="utf-8" \?><(\w+)>(?:<(\w+)>[^<]*<\/\2>)+<\/\1>$/.exec(body);
          expect(match).not.toBeNull();
          root = match?.[1] as string;
          success = root !== 'error_response';
        }
        if (success) {
          expect(['jst_sms_message_send_response', 'tpn_template_message_send_response']).toContain(root);
          expect(recorded()).toBe(before + 1);
          successes++;
        } else {
          expect(recorded()).toBe(before);
        }
      }),
      { numRuns: 400 },
    );
    // The generators must reach past the checks, or the property proves little.
    expect(successes).toBeGreaterThan(10);
  });
});
