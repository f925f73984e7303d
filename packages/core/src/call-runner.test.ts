import {
  connectionFailure,
  jsonResponse,
  neverAnswers,
  type Responder,
  recordingFetch,
  textResponse,
} from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CallPlan, runCall } from './call-runner.js';
import { isTransportError } from './error-guards.js';
import { TopPlatformError, type TransportError } from './errors.js';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import { createRedactor } from './redaction.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

const secret = 'canary-secret-4d1e';
const session = 'canary-session-88aa';

/** A plan that posts a fixed form and reads `{ "ok": … }`, `{ "banned": seconds }` or fails to parse. */
function plan(respond: Responder, options: TransportOptions = {}) {
  const recording = recordingFetch(respond);
  const callPlan: CallPlan<unknown> = {
    protocol: 'top',
    api: 'taobao.test.send',
    transport: resolveTransport({
      retry: { jitter: false, delay: () => 1 },
      ...options,
      fetch: recording.fetch,
    }),
    redactor: createRedactor([secret, session]),
    buildRequest: () => ({
      endpoint: 'https://gw.example/router/rest',
      query: { method: 'taobao.test.send', session, sign: 'ABCDEF' },
      form: { phone_number: '13800138000', note: `secret is ${secret}` },
    }),
    interpret: (response) => {
      const body = JSON.parse(response.body) as { ok?: unknown; banned?: number };
      if (body.banned !== undefined) {
        throw new TopPlatformError({
          api: 'taobao.test.send',
          code: 7,
          msg: 'App Call Limited',
          retryable: true,
          maybeSent: false,
          retryAfterMs: body.banned * 1000,
        });
      }
      return body.ok;
    },
  };
  return { callPlan, requests: recording.requests };
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isTransportError(error)) throw new Error(`expected a TransportError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the POST', () => {
  it('sends the query in the URL and the form as a UTF-8 urlencoded body', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: 1 }));
    await expect(runCall(callPlan)).resolves.toBe(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.origin + request!.url.pathname).toBe('https://gw.example/router/rest');
    expect(request?.query).toEqual({ method: 'taobao.test.send', session, sign: 'ABCDEF' });
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.form).toEqual({ phone_number: '13800138000', note: `secret is ${secret}` });
  });
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

describe('platform retries', () => {
  it('waits out a code-7 ban and retries within the limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { callPlan, requests } = plan((_request, index) =>
      jsonResponse(index < 2 ? { banned: 5 } : { ok: 'done' }),
    );
    const result = runCall(callPlan);
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toBe('done');
    expect(requests).toHaveLength(3);
  });

  it('gives up on code 7 once the limit is reached', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { callPlan, requests } = plan(() => jsonResponse({ banned: 1 }), {
      retry: { limit: 1, jitter: false },
    });
    const result = runCall(callPlan).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toBeInstanceOf(TopPlatformError);
    expect(requests).toHaveLength(2);
  });

  it('gives up at once on a ban longer than maxRetryAfter', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ banned: 3600 }));
    await expect(runCall(callPlan)).rejects.toBeInstanceOf(TopPlatformError);
    expect(requests).toHaveLength(1);
  });
});

describe('hooks', () => {
  it('see each attempt redacted: api, url, params, status, duration, attempt, error', async () => {
    const before: RequestHookInfo[] = [];
    const after: ResponseHookInfo[] = [];
    const { callPlan } = plan(
      (_request, index) => {
        if (index === 0) throw connectionFailure('ECONNREFUSED');
        return jsonResponse({ ok: true });
      },
      {
        hooks: {
          beforeRequest: [(info) => void before.push(info)],
          afterResponse: [(info) => void after.push(info)],
        },
      },
    );
    await runCall(callPlan);
    expect(before.map((info) => info.attempt)).toEqual([1, 2]);
    expect(before[0]).toEqual({
      protocol: 'top',
      api: 'taobao.test.send',
      method: 'POST',
      url: 'https://gw.example/router/rest?method=taobao.test.send&session=[REDACTED]&sign=[REDACTED]',
      params: {
        method: 'taobao.test.send',
        session: '[REDACTED]',
        sign: '[REDACTED]',
        phone_number: '138****8000',
        note: 'secret is [REDACTED]',
      },
      attempt: 1,
    });
    expect(after[0]).toMatchObject({ attempt: 1, status: undefined, error: { kind: 'network' } });
    expect(after[1]).toMatchObject({ attempt: 2, status: 200, error: undefined });
    expect(after[1]?.durationMs).toBeGreaterThanOrEqual(0);
    const serialised = JSON.stringify([before, after]);
    for (const canary of [secret, session, '13800138000']) expect(serialised).not.toContain(canary);
  });

  it('ignore an afterResponse hook that throws: the send already happened', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: 'sent' }), {
      hooks: {
        afterResponse: [
          () => {
            throw new Error('logger down');
          },
        ],
      },
    });
    await expect(runCall(callPlan)).resolves.toBe('sent');
    expect(requests).toHaveLength(1);
  });

  it('stop the call before sending when beforeRequest throws', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: true }), {
      hooks: {
        beforeRequest: [
          () => {
            throw new Error('quota exhausted');
          },
        ],
      },
    });
    await expect(runCall(callPlan)).rejects.toThrow('quota exhausted');
    expect(requests).toHaveLength(0);
  });
});

describe('errors never leak the secret, the session or the phone number', () => {
  it.each<[string, Responder]>([
    ['timeout', neverAnswers],
    ['502', () => textResponse(`oops ${secret} 13800138000`, 'text/html', 502)],
    [
      'reset',
      () => {
        throw new TypeError(`fetch failed for session=${session}`, {
          cause: Object.assign(new Error(`socket ${secret} 13800138000`), { code: 'ECONNRESET' }),
        });
      },
    ],
    ['unparseable', () => textResponse(`<html>${secret}</html>`, 'text/html')],
  ])('%s', async (_label, respond) => {
    const { callPlan } = plan(respond, { timeout: 30 });
    const error = await failure(runCall(callPlan));
    const cause = error.cause as Error | undefined;
    const outputs = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? '',
      cause?.message ?? '',
      cause?.stack ?? '',
      String((cause?.cause as Error | undefined)?.message ?? ''),
    ].join('\n');
    for (const canary of [secret, session, '13800138000']) expect(outputs).not.toContain(canary);
  });
});
