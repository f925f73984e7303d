/**
 * Fuzz: hostile bytes at every endpoint — random and broken bodies, wrong and random content
 * types, truncated multipart, empty and oversized bodies, random JSON in `send_message_request` and
 * `request_data`, random methods and query strings. Whatever arrives, the mock answers with one of its
 * documented shapes, never a 5xx, never a crash, and records nothing for a rejected request.
 * In-process (`app.request`) so thousands of cases stay well under a minute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { fixedNow, formBody, signedGatewayFields, signedTopParams } from '../test-support/signed-requests.js';

const bodyLimitBytes = 64 * 1024;
const app = createMockApp({ clock: createManualClock(fixedNow), inboxSize: 50, bodyLimitBytes });
const recorded = () => app.mock.inbox.statistics.recorded;

const paths = ['/router/rest', '/gateway/taobao/jst/sms/tid/send', '/gateway/dd/sms/send'] as const;
const topErrorPattern =
  /^<\?xml version="1\.0" encoding="utf-8" \?><error_response><code>\d+<\/code><msg>[^<]+<\/msg>(<sub_code>[^<]*<\/sub_code><sub_msg>[^<]*<\/sub_msg>)?<request_id>[0-9a-z]{12,13}<\/request_id><\/error_response>$/;

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded;charset=GBK',
    'multipart/form-data; boundary=XYZ',
    'multipart/form-data',
    'application/json',
    'text/plain',
    'application/octet-stream',
    'multipart/mixed; boundary=',
  ),
  fc.string({ maxLength: 40 }),
);

/** A body that is mostly well-formed on the outside and broken inside, or plain noise. */
const hostileBody = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ unit: 'binary', maxLength: 512 }).map((text) => new TextEncoder().encode(text)),
  fc.constantFrom(
    new Uint8Array([0xe4, 0xb8]), // a cut UTF-8 sequence
    new Uint8Array([0xff, 0xfe, 0x00, 0x61]),
    new TextEncoder().encode('%E4%B8%ZZ=%%%&&=&a==b'),
    new TextEncoder().encode('--XYZ\r\nContent-Disposition: form-data; name="method"\r\n\r\ntaobao.jst'), // truncated
    new TextEncoder().encode('--XYZ--\r\n'),
    new Uint8Array(bodyLimitBytes + 1), // one byte over the limit
    new Uint8Array(0),
  ),
  // Signed requests with random JSON where the business payload goes: past the signature check.
  fc.jsonValue().map((value) => {
    const params = signedTopParams({ send_message_request: JSON.stringify(value) });
    return new TextEncoder().encode(formBody(params));
  }),
  fc
    .jsonValue()
    .map((value) => new TextEncoder().encode(formBody(signedGatewayFields('tb_seller_nick', value)))),
  fc
    .jsonValue()
    .map((value) => new TextEncoder().encode(formBody(signedGatewayFields('seller_nick', value)))),
);

const hostileRequest = fc.record({
  path: fc.constantFrom(...paths),
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  query: fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 80 }),
    fc.constantFrom('format=json', 'format=json&simplify=true', '%zz=1&a'),
  ),
  contentType,
  body: hostileBody,
});

/** One of the answers docs/protocol.md and the mock's README document, for the path it was sent to. */
function assertDocumentedShape(path: string, status: number, type: string, text: string): void {
  expect(status, text).toBeLessThan(500);
  if (status === 405) {
    expect(text).toBe('');
    return;
  }
  if (path === '/router/rest') {
    if (type.startsWith('text/xml')) {
      // Errors only: nothing in this fuzz is a valid send (a valid one would be recorded, checked below).
      if (!topErrorPattern.test(text))
        expect(text).toMatch(/^<\?xml version="1\.0" encoding="utf-8" \?><\w+_response>/);
      return;
    }
    expect(type).toMatch(/^application\/json;charset=UTF-8/);
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error_response as Record<string, unknown> | undefined;
    if (error) {
      expect(typeof error.code).toBe('number');
      expect(typeof error.msg).toBe('string');
      expect(error.request_id).toMatch(/^[0-9a-z]{12,13}$/);
    } else {
      expect(Object.keys(body)).toHaveLength(1);
      expect(Object.keys(body)[0]).toMatch(/_response$/);
    }
    return;
  }
  expect(type).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['code', 'message', 'data', 'trace_id']);
  expect(typeof body.code).toBe('number');
  expect(body.trace_id).toMatch(/^[0-9a-f]{32}$/);
  if (body.code !== 0) expect(body.data).toBeNull();
}

describe('hostile bytes at every endpoint', () => {
  it('never a 5xx, always a documented shape, and only accepted messages are recorded', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (request) => {
        const before = recorded();
        const headers: Record<string, string> = {};
        if (request.contentType !== undefined) headers['content-type'] = request.contentType;
        const hasBody = request.method !== 'GET' && request.body.length > 0;
        const response = await app.request(`${request.path}${request.query ? `?${request.query}` : ''}`, {
          method: request.method,
          headers,
          ...(hasBody ? { body: request.body } : {}),
        });
        const text = await response.text();
        assertDocumentedShape(
          request.path,
          response.status,
          response.headers.get('content-type') ?? '',
          text,
        );
        const added = recorded() - before;
        if (request.path === '/router/rest') {
          // A TOP call records at most its one message, and only when it answered a success.
          expect(added).toBe(text.includes('error_response') || response.status !== 200 ? 0 : added);
          expect(added).toBeLessThanOrEqual(1);
        } else if (response.status === 200) {
          const body = JSON.parse(text) as { code: number; data: { code: number }[] | null };
          const sent = body.code === 0 ? (body.data ?? []).filter((item) => item.code === 0).length : 0;
          expect(added).toBe(sent);
        } else {
          expect(added).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('answers an oversized body with 413 and the documented error, without recording', async () => {
    const before = recorded();
    const big = new Uint8Array(bodyLimitBytes * 10).fill(0x61);
    for (const path of paths) {
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: big,
      });
      expect(response.status).toBe(413);
      const text = await response.text();
      assertDocumentedShape(path, 413, response.headers.get('content-type') ?? '', text);
    }
    expect(recorded()).toBe(before);
  });
});
