/**
 * Property, for the two clients client-inputs.property.test.ts leaves out — Qianniu TPN and Douyin
 * SMS — and with random breakage rather than a fixed list: what the client lets through, the mock answers as
 * sent; a request with one field given a random wrong value is refused by the client, with a ValidationError
 * naming that field, before any fetch.
 */
import { createDoudianClient } from '@x/doudian-sms';
import { createTpnClient } from '@x/qianniu-tpn';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countingMockFetch,
  mobileNumber as mobile,
  orderIdNumber as orderId,
  templateVariables as variables,
  visibleText,
} from './client-arbitraries.js';

const mock = countingMockFetch();

const tpn = createTpnClient({
  appKey: '12345678',
  appSecret: 'test-secret',
  baseUrl: 'http://mock.test/router/rest',
  fetch: mock.fetch,
});
const douyin = createDoudianClient({
  appId: 'test-appid',
  appSecret: 'test-secret',
  sellerNick: 'test-seller',
  baseUrl: 'http://mock.test',
  fetch: mock.fetch,
});

const decimalId = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 70n }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
);
const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });

const validTpnRequest = fc.record(
  {
    template_key: visibleText,
    template_id: decimalId,
    user_id: decimalId,
    biz_id: decimalId,
    sub_user_id: decimalId,
    biz_data: jsonObject,
    content_param: jsonObject,
    title_param: jsonObject,
    picture: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['template_key', 'template_id', 'user_id', 'biz_id'] },
);

const douyinMessage = fc.oneof(
  fc.record({ order_id: fc.oneof(orderId, orderId.map(String)), template_param: variables }),
  fc.record({ post_tel: mobile, template_param: variables }),
);
const validDouyinRequest = fc.record(
  {
    sign: visibleText,
    template_id: visibleText,
    messages: fc.uniqueArray(douyinMessage, {
      minLength: 1,
      maxLength: 8,
      selector: (message) => String('order_id' in message ? message.order_id : message.post_tel),
    }),
    tag: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: ['sign', 'template_id', 'messages'] },
);

/** Values of the wrong kind for any field: the client must refuse every one of them. */
const wrongKind = fc.oneof(
  fc.constantFrom(null, true, Symbol.for('x'), () => 1, [], Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY),
  fc.constantFrom('', '   ', 'abc', '-1', '1e3', '12 34'),
  fc.object({ maxDepth: 1 }),
);

describe('Qianniu TPN and Douyin clients agree with the mock', () => {
  it('a TPN request the client accepts is answered as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validTpnRequest, async (request) => {
        const sent = await tpn.send(request);
        expect(sent.ok).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('a Douyin batch the client accepts is answered message by message as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validDouyinRequest, async (request) => {
        const results = await douyin.send(request);
        expect(results).toHaveLength(request.messages.length);
        for (const result of results) expect(result.ok).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('a TPN id, key or JSON field of the wrong kind is refused before any fetch, naming the field', async () => {
    const field = fc.constantFrom(
      'template_key',
      'template_id',
      'user_id',
      'biz_id',
      'biz_data',
      'content_param',
    );
    await fc.assert(
      fc.asyncProperty(validTpnRequest, field, wrongKind, async (request, name, value) => {
        // Some wrong-kind values are right for some fields ('abc' is a fine template_key): skip those.
        fc.pre(!(name === 'template_key' && typeof value === 'string' && value.trim() !== ''));
        fc.pre(
          !(name.endsWith('_data') || name.endsWith('_param')) ||
            typeof value !== 'object' ||
            value === null ||
            Array.isArray(value),
        );
        const named = await mock.refusedField(() =>
          tpn.send({ ...request, [name]: value } as typeof request),
        );
        expect(named.startsWith(name)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a Douyin field or message of the wrong kind is refused before any fetch, naming the field', async () => {
    const field = fc.constantFrom('sign', 'template_id', 'order_id', 'post_tel');
    await fc.assert(
      fc.asyncProperty(validDouyinRequest, field, wrongKind, async (request, name, value) => {
        fc.pre(
          !((name === 'sign' || name === 'template_id') && typeof value === 'string' && value.trim() !== ''),
        );
        const broken =
          name === 'order_id' || name === 'post_tel'
            ? { ...request, messages: [...request.messages.slice(1), { [name]: value }] }
            : { ...request, [name]: value };
        const named = await mock.refusedField(() => douyin.send(broken as typeof request));
        expect(named).toContain(name === 'order_id' || name === 'post_tel' ? 'messages' : name);
      }),
      { numRuns: 150 },
    );
  });
});
