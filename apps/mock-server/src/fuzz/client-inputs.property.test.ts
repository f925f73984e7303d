/**
 * Property: what our clients let through, the mock accepts — random valid field values always
 * produce a request the mock answers as sent — and what they refuse, they refuse before any fetch, with a
 * ValidationError naming a field. The clients talk to the in-process app through an injected fetch.
 */
import { createJstClient } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countingMockFetch,
  mobileNumber as mobile,
  orderIdNumber,
  templateVariables as variables,
  visibleText,
} from './client-arbitraries.js';

const mock = countingMockFetch();

const jst = createJstClient({
  appKey: '12345678',
  appSecret: 'test-secret',
  session: 'test-session',
  baseUrl: 'http://mock.test/router/rest',
  fetch: mock.fetch,
});
const tid = createTidClient({
  appId: 'test-appid',
  appSecret: 'test-secret',
  sellerNick: 'test-seller',
  baseUrl: 'http://mock.test',
  fetch: mock.fetch,
});

const validJstRequest = fc.record(
  {
    sms_free_sign_name: visibleText,
    template_code: visibleText,
    phone_number: mobile,
    params: variables,
    url: fc.webUrl({ validSchemes: ['http', 'https'] }),
    extend: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['sms_free_sign_name', 'template_code', 'phone_number'] },
);

describe('our clients and the mock agree', () => {
  it('a JST request the client accepts is answered as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validJstRequest, async (request) => {
        const sent = await jst.send(request);
        expect(sent.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a TID batch the client accepts is answered item by item as sent', async () => {
    const item = fc.record({
      order_id: orderIdNumber.map(String),
      sms_free_sign_name: visibleText,
      template_code: visibleText,
      params: variables,
      additional_info: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(item, { minLength: 1, maxLength: 12, selector: (value) => value.order_id }),
        async (items) => {
          const results = await tid.send(items);
          for (const result of results) expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a malformed field is refused by the client, naming it, before any fetch', async () => {
    const breakage = fc.constantFrom(
      ['phone_number', '2380013800'],
      ['phone_number', '1380013800a'],
      ['sms_free_sign_name', '   '],
      ['template_code', ''],
      ['url', 'ftp://example.com'],
      ['params', { code: { nested: true } }],
    );
    await fc.assert(
      fc.asyncProperty(validJstRequest, breakage, async (request, [field, value]) => {
        const named = await mock.refusedField(() =>
          jst.send({ ...request, [field as string]: value } as typeof request),
        );
        expect(named.startsWith(field as string)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
