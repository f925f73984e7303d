/**
 * How the call runner classifies transport failures: which connection errors it retries because nothing was
 * written, which it does not because the body may have been sent, timeouts, HTTP statuses, 429 with Retry-
 * After, unreadable answers, and maybeSent carried over from an earlier attempt.
 */
import { connectionFailure, jsonResponse, neverAnswers, textResponse } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCall } from './call-runner.js';
import { TopPlatformError } from './errors.js';
import { failure, plan } from './test-support/call-plan.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('transport failures', () => {
  it('retries a connection refused before anything was written, then succeeds', async () => {
    const { callPlan, requests } = plan((_request, index) => {
      if (index === 0) throw connectionFailure('ECONNREFUSED');
      return jsonResponse({ ok: 'second' });
    });
    await expect(runCall(callPlan)).resolves.toBe('second');
    expect(requests).toHaveLength(2);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    'retries %s up to the limit',
    async (code) => {
      const { callPlan, requests } = plan(() => {
        throw connectionFailure(code);
      });
      const error = await failure(runCall(callPlan));
      expect(requests).toHaveLength(3);
      expect(error).toMatchObject({ kind: 'network', retryable: true, maybeSent: false });
      expect(error.detail).toBe(`could not connect (${code})`);
    },
  );

  it('retries an AggregateError whose every attempt was refused (happy eyeballs)', async () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')]), {
      code: 'ECONNREFUSED',
    });
    const { callPlan, requests } = plan((_request, index) => {
      if (index === 0) throw new TypeError('fetch failed', { cause: aggregate });
      return jsonResponse({ ok: true });
    });
    await expect(runCall(callPlan)).resolves.toBe(true);
    expect(requests).toHaveLength(2);
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])(
    'does not retry %s: the body may have been sent',
    async (code) => {
      const { callPlan, requests } = plan(() => {
        throw connectionFailure(code);
      });
      const error = await failure(runCall(callPlan));
      expect(requests).toHaveLength(1);
      expect(error).toMatchObject({ kind: 'network', retryable: false, maybeSent: true });
    },
  );

  it('does not retry a failure it cannot classify', async () => {
    const { callPlan, requests } = plan(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(runCall(callPlan));
    expect(requests).toHaveLength(1);
    expect(error.maybeSent).toBe(true);
    // fetch's own words, not the method and URL of ky's NetworkError around them.
    expect(error.detail).toBe('connection failed (fetch failed)');
  });

  it('treats a TLS handshake failure as not processed but not retryable', async () => {
    const { callPlan, requests } = plan(() => {
      throw connectionFailure('CERT_HAS_EXPIRED');
    });
    const error = await failure(runCall(callPlan));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ retryable: false, maybeSent: false });
  });

  it('does not retry a POST that timed out after sending', async () => {
    const { callPlan, requests } = plan(neverAnswers, { timeout: 30 });
    const error = await failure(runCall(callPlan));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'timeout', retryable: false, maybeSent: true });
    expect(error.message).toBe(
      'taobao.test.send failed in transport: [timeout] no response within 30 ms; may have been sent',
    );
  });

  it('reports a 5xx as possibly processed and does not retry it', async () => {
    const { callPlan, requests } = plan(() => textResponse('<html>bad gateway</html>', 'text/html', 502));
    const error = await failure(runCall(callPlan));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'http-status', status: 502, retryable: false, maybeSent: true });
  });

  it('says maybeSent when an earlier attempt may have sent, though the last one sent nothing', async () => {
    const answers = [
      () => textResponse('<html>bad gateway</html>', 'text/html', 502),
      () => textResponse('not found', 'text/plain', 404),
    ];
    const { callPlan, requests } = plan(() => answers[requests.length - 1]!(), {
      // A caller's own policy that retries the possibly-sent 502 once: the default never would.
      retry: {
        jitter: false,
        delay: () => 1,
        shouldRetry: ({ attempt }) => (attempt === 1 ? true : undefined),
      },
    });
    const error = await failure(runCall(callPlan));
    expect(requests).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'http-status', status: 404, maybeSent: true });
    expect(error.message).toMatch(/; may have been sent$/);
  });

  it('says maybeSent on a platform error that follows a possibly-sent attempt', async () => {
    const answers = [
      () => textResponse('<html>bad gateway</html>', 'text/html', 502),
      () => jsonResponse({ banned: 3600 }),
    ];
    const { callPlan, requests } = plan(() => answers[requests.length - 1]!(), {
      retry: { jitter: false, delay: () => 1, shouldRetry: ({ attempt }) => attempt === 1 },
    });
    const error = await runCall(callPlan).catch((thrown: unknown) => thrown);
    expect(requests).toHaveLength(2);
    expect(error).toBeInstanceOf(TopPlatformError);
    expect(error).toMatchObject({ code: 7, maybeSent: true, retryAfterMs: 3_600_000 });
    expect((error as TopPlatformError).message).toMatch(/; may have been sent$/);
  });

  it('reports a 4xx as not processed', async () => {
    const { callPlan } = plan(() => textResponse('not found', 'text/plain', 404));
    const error = await failure(runCall(callPlan));
    expect(error).toMatchObject({ status: 404, retryable: false, maybeSent: false });
  });

  it('retries a 429 after its Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { callPlan, requests } = plan((_request, index) =>
      index === 0
        ? new Response('slow down', { status: 429, headers: { 'retry-after': '2' } })
        : jsonResponse({ ok: 'later' }),
    );
    const result = runCall(callPlan);
    await vi.advanceTimersByTimeAsync(1999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('later');
    expect(requests).toHaveLength(2);
  });

  it('makes an answer the plan cannot read an unparseable-body error, possibly processed', async () => {
    const { callPlan } = plan(() => textResponse('not json', 'text/plain'));
    const error = await failure(runCall(callPlan));
    expect(error).toMatchObject({
      kind: 'unparseable-body',
      status: 200,
      retryable: false,
      maybeSent: true,
    });
  });
});
