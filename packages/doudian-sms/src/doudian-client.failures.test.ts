/**
 * Call-level failures of the Douyin client: documented outer codes fail every message as not sent, an
 * undocumented one as maybe sent, a timeout is not retried, and a refused connection is.
 */

import { jsonResponse, neverAnswers } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { client, documentedRequest, path, sendsEverything } from './doudian-test-gateway.js';
import { isGatewayError, isTransportError } from './index.js';

describe('call-level failures', () => {
  it.each([
    [40001, 'appid不存在'],
    [40002, '签名错误'],
    [40003, '时间戳已过期'],
    [40004, '店铺未授权'],
    [40005, '参数错误:sign'],
    [40006, '单次最多100条'],
  ])('makes outer code %i a GatewayError on every message: not sent, not retried', async (code, message) => {
    const { doudian, requests } = client(() =>
      jsonResponse({ code, message, data: null, trace_id: 'trace-2' }),
    );
    const results = await doudian.send(documentedRequest);

    expect(requests).toHaveLength(1);
    expect(results.map((result) => result.order_id)).toEqual(['5001789329480019707', '']);
    for (const result of results) {
      expect(result).toMatchObject({
        ok: false,
        code,
        message: `${path} failed on the fw199 gateway: [${code}] ${message}; nothing was sent`,
        retryable: false,
        maybeSent: false,
      });
      const error = result.ok ? undefined : result.error;
      expect(isGatewayError(error)).toBe(true);
      expect(error).toMatchObject({
        code,
        gatewayMessage: message,
        traceId: 'trace-2',
        maybeSent: false,
      });
    }
  });

  it('counts an outer code the gateway does not document as maybe sent', async () => {
    const { doudian } = client(() => jsonResponse({ code: 50000, message: '系统繁忙' }));
    const [result] = await doudian.send(documentedRequest);
    expect(result).toMatchObject({ ok: false, code: 50000, retryable: false, maybeSent: true });
  });

  it('does not retry a timeout after the request was sent, and says the messages may have gone out', async () => {
    const { doudian, requests } = client(neverAnswers, { timeout: 30 });
    const results = await doudian.send(documentedRequest);
    expect(requests).toHaveLength(1);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: false, maybeSent: true });
      expect(isTransportError(result.ok ? undefined : result.error)).toBe(true);
    }
  });

  it('retries a connection that was refused before anything was written', async () => {
    const { doudian, requests } = client((request, index) => {
      if (index === 0) {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND kf.fw199.com'), { code: 'ENOTFOUND' }),
        });
      }
      return sendsEverything(request);
    });
    const results = await doudian.send(documentedRequest);
    expect(requests).toHaveLength(2);
    expect(results.every((result) => result.ok)).toBe(true);
  });
});
