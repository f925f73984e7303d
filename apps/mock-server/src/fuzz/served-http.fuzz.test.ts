/**
 * Fuzz over real sockets: the served path — Node's HTTP parser, the Node listener, the raw body
 * reader — which the in-process fuzz (hostile-bytes.fuzz.test.ts) never reaches. Random methods, paths, query
 * strings, content types and bodies, sent with a Content-Length or chunked; some signed and valid, so the
 * business checks answer too. Never a 5xx, always a documented shape, only accepted messages recorded, and the
 * server healthy afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';
import { createManualClock } from '../state/clock.js';
import { type RawResponse, rawHttp } from '../test-support/raw-http.js';
import {
  fixedNow,
  formBody,
  jstBusiness,
  multipartBody,
  signedGatewayFields,
  signedTopParams,
} from '../test-support/signed-requests.js';

const bodyLimitBytes = 16 * 1024;
let server: RunningMockServer;

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    clock: createManualClock(fixedNow),
    inboxSize: 50,
    journalSize: 50,
    bodyLimitBytes,
  });
});
afterAll(() => server.close());

const recorded = () => server.app.mock.inbox.statistics.recorded;
const protocolPaths = ['/router/rest', '/gateway/taobao/jst/sms/tid/send', '/gateway/dd/sms/send'];
const encoder = new TextEncoder();

/** Query text Node's parser takes (printable ASCII, no space or `#`), rich in what form parsing trips on. */
const queryText = fc.string({
  unit: fc.constantFrom(..."abcXYZ019_-.~%&=+?/:;,@!$'()*[]".split(''), '%E4', '%B8', '%zz', '%2'),
  maxLength: 60,
});

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded;charset=UTF-8',
    'APPLICATION/X-WWW-FORM-URLENCODED; charset=GBK',
    'multipart/form-data; boundary=XYZ',
    'application/json',
    'text/plain',
  ),
  fc.string({ unit: fc.constantFrom(...'abc/;=-+ xyz'.split('')), maxLength: 30 }),
);

async function multipartBytes(params: Record<string, string>): Promise<{ type: string; bytes: Uint8Array }> {
  const request = new Request('http://x/', { method: 'POST', body: multipartBody(params) });
  return {
    type: request.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await request.arrayBuffer()),
  };
}

/** A body and, for bodies built for one, the content type that goes with it. */
const body: fc.Arbitrary<
  { bytes: Uint8Array; type?: string } | (() => Promise<{ bytes: Uint8Array; type: string }>)
> = fc.oneof(
  fc.uint8Array({ maxLength: 1024 }).map((bytes) => ({ bytes })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ bytes: encoder.encode(text) })),
  fc.constantFrom(
    { bytes: new Uint8Array(0) },
    { bytes: new Uint8Array(bodyLimitBytes + 1).fill(0x61) },
    { bytes: encoder.encode('a&'.repeat(4096)) },
    {
      bytes: encoder.encode('--XYZ\r\nContent-Disposition: form-data; name="method"\r\n\r\ntaobao.jst'),
      type: 'multipart/form-data; boundary=XYZ',
    },
  ),
  // Signed, with random JSON where the business payload goes: past the signature check.
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    bytes: encoder.encode(formBody(signedTopParams({ send_message_request: JSON.stringify(value) }))),
    type: 'application/x-www-form-urlencoded',
  })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    bytes: encoder.encode(formBody(signedGatewayFields('tb_seller_nick', value))),
    type: 'application/x-www-form-urlencoded',
  })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    bytes: encoder.encode(formBody(signedGatewayFields('seller_nick', value))),
    type: 'application/x-www-form-urlencoded',
  })),
  // Valid sends with random values, urlencoded or multipart: many are accepted and recorded.
  {
    arbitrary: fc
      .record({
        content: fc.string({ maxLength: 20 }),
        phone: fc.constantFrom('13800138000', '13800138000', '1380013800'),
        multipart: fc.boolean(),
      })
      .map(({ content, phone, multipart }) => {
        const params = signedTopParams(
          jstBusiness({ phone_number: phone, params: JSON.stringify({ content }) }),
        );
        return multipart
          ? () => multipartBytes(params)
          : { bytes: encoder.encode(formBody(params)), type: 'application/x-www-form-urlencoded' };
      }),
    weight: 4,
  },
  {
    arbitrary: fc
      .array(
        fc.record({
          order_id: fc.oneof(
            fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String),
            fc.string({ maxLength: 5 }),
          ),
          sms_free_sign_name: fc.constantFrom('签名', ''),
          template_code: fc.constantFrom('SMS_1', 'T'),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((items) => ({
        bytes: encoder.encode(formBody(signedGatewayFields('tb_seller_nick', items))),
        type: 'application/x-www-form-urlencoded',
      })),
    weight: 2,
  },
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.oneof(
    { arbitrary: fc.constantFrom(...protocolPaths), weight: 6 },
    fc.constantFrom('/__mock/messages', '/__mock/requests', '/__mock/health', '/router/rest/', '/nope'),
  ),
  // Mostly none: a query parameter joins the signed ones, so a signed body then fails its signature check.
  query: fc.oneof(
    { arbitrary: fc.constant(''), weight: 4 },
    queryText,
    fc.constantFrom('format=json', 'format=json&simplify=true'),
  ),
  contentType,
  chunked: fc.boolean(),
  body,
});

function chunkedBytes(bytes: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 700) {
    const chunk = bytes.subarray(offset, offset + 700);
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), Buffer.from(chunk), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** The shapes docs/protocol.md and the mock's README document for a protocol path. */
function expectDocumentedAnswer(path: string, response: RawResponse, text: string): void {
  if (response.status === 405) {
    expect(text).toBe('');
    return;
  }
  const type = response.headers['content-type'] ?? '';
  if (path === '/router/rest') {
    if (type.startsWith('text/xml')) {
      expect(text).toMatch(
        /^<\?xml version="1\.0" encoding="utf-8" \?><(\w+)>(?:<(\w+)>[^<]*<\/\2>)+<\/\1>$/,
      );
      return;
    }
    expect(type).toBe('application/json;charset=UTF-8');
    const parsed = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed)).toHaveLength(1);
    const error = parsed.error_response;
    if (error !== undefined) {
      expect(typeof error.code).toBe('number');
      expect(typeof error.msg).toBe('string');
      expect(error.request_id).toMatch(/^[0-9a-z]{12,13}$/);
    } else {
      expect(Object.keys(parsed)[0]).toMatch(/_response$/);
    }
    return;
  }
  expect(type).toBe('application/json;charset=UTF-8');
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual(['code', 'message', 'data', 'trace_id']);
  expect(parsed.trace_id).toMatch(/^[0-9a-f]{32}$/);
  if (parsed.code !== 0) expect(parsed.data).toBeNull();
}

/** Messages an answer says were sent. */
function sentBy(path: string, response: RawResponse, text: string): number {
  if (response.status !== 200) return 0;
  if (path === '/router/rest') {
    if (text.includes('error_response')) return 0;
    // A business rejection (request_success / is_success false) is answered but records nothing.
    return /"request_success":false|"is_success":false|<request_success>false|<is_success>false/.test(text)
      ? 0
      : 1;
  }
  const parsed = JSON.parse(text) as { code: number; data: { code: number }[] | null };
  return parsed.code === 0 ? (parsed.data ?? []).filter((item) => item.code === 0).length : 0;
}

describe('hostile requests over real sockets', () => {
  it('never a 5xx, always a documented shape, only accepted messages recorded', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(request, async (sample) => {
        const built = typeof sample.body === 'function' ? await sample.body() : sample.body;
        const type = built.type ?? sample.contentType;
        const hasBody = sample.method !== 'GET' && built.bytes.length > 0;
        const lines = [
          `${sample.method} ${sample.path}${sample.query ? `?${sample.query}` : ''} HTTP/1.1`,
          'Host: 127.0.0.1',
        ];
        if (type !== undefined) lines.push(`Content-Type: ${type}`);
        let payload: Buffer = Buffer.alloc(0);
        if (hasBody && sample.chunked) {
          lines.push('Transfer-Encoding: chunked');
          payload = chunkedBytes(built.bytes);
        } else if (hasBody) {
          lines.push(`Content-Length: ${built.bytes.length}`);
          payload = Buffer.from(built.bytes);
        }
        const before = recorded();
        const response = await rawHttp(server.url, lines.join('\r\n'), payload);
        const text = response.body.toString('utf8');
        expect(response.status, text).toBeLessThan(500);
        const protocol = protocolPaths.includes(sample.path);
        if (response.status === 413) {
          expect(protocol).toBe(true);
          expect(built.bytes.length).toBeGreaterThan(bodyLimitBytes);
        }
        if (protocol) expectDocumentedAnswer(sample.path, response, text);
        const sent = protocol ? sentBy(sample.path, response, text) : 0;
        expect(recorded() - before).toBe(sent);
        accepted += sent;
      }),
      { numRuns: 300 },
    );
    // The generators must reach past the checks, or the property proves little.
    expect(accepted).toBeGreaterThan(0);
    const health = await fetch(`${server.url}/__mock/health`);
    expect(health.status).toBe(200);
  });
});
