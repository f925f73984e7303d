/**
 * Property tests of the fw199 gateway's input handling: for random request_data, items, extra fields and
 * broken credentials, the answer is always `{code, message, data, trace_id}` with a documented code, and the
 * inbox grows by exactly the items answered code 0.
 */
import { signGateway } from '@x/signing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp } from './serve/create-mock-app.js';
import { createManualClock } from './state/clock.js';
import { doudianPath, tidPath } from './test-support/gateway-calls.js';
import { jsonText, mostly, text } from './test-support/input-arbitraries.js';
import {
  fixedNow,
  formBody,
  gatewayDefaults,
  jsonOf,
  keysOf,
  signedGatewayFields,
} from './test-support/signed-requests.js';

const app = createMockApp({ clock: createManualClock(fixedNow), inboxSize: 100 });
const recorded = () => app.mock.inbox.statistics.recorded;

const gatewayCodes = new Set([0, 40001, 40002, 40003, 40004, 40005, 40006]);

const tidItem = fc.oneof(
  {
    arbitrary: fc.record(
      {
        order_id: mostly('3006925020239565830', fc.oneof(text, fc.integer())),
        sms_free_sign_name: mostly('签名', text),
        template_code: mostly('SMS_1', text),
        params: mostly(
          { code: '1' },
          fc.oneof(fc.dictionary(fc.string(), fc.string()), jsonText, fc.jsonValue()),
        ),
        additional_info: fc.oneof(fc.boolean(), fc.jsonValue()),
      },
      { requiredKeys: ['order_id', 'sms_free_sign_name', 'template_code'] },
    ),
    weight: 4,
  },
  fc.jsonValue(),
);
const douyinItem = fc.oneof(
  {
    arbitrary: fc.record(
      {
        biz_type: fc.constantFrom(0, 1, 2, '1'),
        order_id: mostly('5001789329480019707', text),
        post_tel: mostly('13800138000', text),
        template_param: fc.oneof(fc.dictionary(fc.string(), fc.string()), jsonText),
      },
      { requiredKeys: ['biz_type'] },
    ),
    weight: 4,
  },
  fc.jsonValue(),
);

const gatewayCase = fc.oneof(
  fc.record({
    path: fc.constant(tidPath),
    sellerField: fc.constant('tb_seller_nick' as const),
    requestData: fc.oneof(
      { arbitrary: fc.array(tidItem, { maxLength: 8 }), weight: 4 },
      jsonText,
      fc.jsonValue(),
    ),
  }),
  fc.record({
    path: fc.constant(doudianPath),
    sellerField: fc.constant('seller_nick' as const),
    requestData: fc.oneof(
      fc.record(
        {
          sign: mostly('签名', text),
          template_id: mostly('ST_1', text),
          sms_message_list: fc.oneof(
            { arbitrary: fc.array(douyinItem, { maxLength: 8 }), weight: 4 },
            fc.jsonValue(),
          ),
          tag: text,
        },
        { requiredKeys: ['sign', 'template_id', 'sms_message_list'] },
      ),
      jsonText,
      fc.jsonValue(),
    ),
  }),
);

describe('fw199 input handling (property)', () => {
  it('always answers {code, message, data, trace_id}, and records exactly the items answered code 0', async () => {
    let sentItems = 0;
    await fc.assert(
      fc.asyncProperty(
        gatewayCase,
        mostly('valid', fc.constantFrom('bad-sign', 'bad-appid', 'bad-seller', 'bad-timestamp')),
        fc.dictionary(text, text, { maxKeys: 3 }),
        async (testCase, variant, extra) => {
          const fields = {
            ...extra,
            ...signedGatewayFields(testCase.sellerField, testCase.requestData, {
              ...(variant === 'bad-appid' ? { appId: 'nope' } : {}),
              ...(variant === 'bad-seller' ? { seller: 'nope' } : {}),
              ...(variant === 'bad-timestamp' ? { timestamp: 'nope' } : {}),
            }),
          };
          const { sign: _sign, ...unsigned } = fields;
          fields.sign =
            variant === 'bad-sign' ? '0'.repeat(32) : signGateway(unsigned, gatewayDefaults.secret);
          const before = recorded();
          const response = await app.request(testCase.path, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: formBody(fields),
          });
          expect(response.status).toBe(200);
          const body = await jsonOf(response);
          expect(keysOf(body)).toEqual(['code', 'message', 'data', 'trace_id']);
          expect(gatewayCodes.has(body.code)).toBe(true);
          if (body.code !== 0) {
            expect(body.data).toBeNull();
            expect(recorded()).toBe(before);
            return;
          }
          const itemKeys =
            testCase.sellerField === 'tb_seller_nick'
              ? ['order_id', 'code', 'message', 'request_id', 'module']
              : ['code', 'message', 'order_id', 'message_id'];
          for (const item of body.data) expect(keysOf(item)).toEqual(itemKeys);
          const sent = body.data.filter((item: { code: number }) => item.code === 0).length;
          expect(recorded()).toBe(before + sent);
          sentItems += sent;
        },
      ),
      { numRuns: 400 },
    );
    expect(sentItems).toBeGreaterThan(10);
  });
});
