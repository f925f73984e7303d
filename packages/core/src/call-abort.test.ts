import {
  connectionFailure,
  jsonResponse,
  neverAnswers,
  type Responder,
  recordingFetch,
  rejection,
} from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CallPlan, runCall } from './call-runner.js';
import { isTransportError, isValidationError } from './error-guards.js';
import { createRedactor } from './redaction.js';
import { createTopCaller } from './top-call.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

const secret = 'canary-abort-secret-5b2c';

/** A plan that posts a fixed form and reads `{ "ok": … }`, with the given signal. */
function plan(respond: Responder, signal: AbortSignal | undefined, options: TransportOptions = {}) {
  const recording = recordingFetch(respond);
  const callPlan: CallPlan<unknown> = {
    protocol: 'gateway',
    api: '/gateway/test/send',
    transport: resolveTransport({
      retry: { jitter: false, delay: () => 1000 },
      ...options,
      fetch: recording.fetch,
    }),
    redactor: createRedactor([secret]),
    buildRequest: () => ({
      endpoint: 'https://gw.example/gateway/test/send',
      query: {},
      form: { appid: 'app', sign: 'ABCDEF' },
    }),
    interpret: (response) => (JSON.parse(response.body) as { ok?: unknown }).ok,
    signal,
  };
  return { callPlan, requests: recording.requests };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the caller signal', () => {
  it('stops a call whose signal is already aborted before anything is sent: aborted, nothing sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const { callPlan, requests } = plan(() => jsonResponse({ ok: true }), controller.signal);
    const error = await rejection(runCall(callPlan));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'aborted', retryable: false, maybeSent: false });
    expect(requests).toHaveLength(0);
  });

  it('reaches the fetch, and aborting it mid-request says the message may have been sent', async () => {
    const controller = new AbortController();
    const { callPlan, requests } = plan((request) => {
      // The request left: the caller gives up while waiting for the answer.
      queueMicrotask(() => controller.abort());
      return neverAnswers(request);
    }, controller.signal);
    const error = await rejection(runCall(callPlan));
    expect(error).toMatchObject({ kind: 'aborted', retryable: false, maybeSent: true });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it('an abort with a TimeoutError reason (as AbortSignal.timeout gives) is the caller’s, not the timeout', async () => {
    const controller = new AbortController();
    const { callPlan } = plan(
      (request) => {
        queueMicrotask(() => controller.abort(new DOMException('signal timed out', 'TimeoutError')));
        return neverAnswers(request);
      },
      controller.signal,
      { timeout: 60_000 },
    );
    const error = await rejection(runCall(callPlan));
    expect(error).toMatchObject({ kind: 'aborted', maybeSent: true });
  });

  it('cuts the wait before a retry short and sends nothing more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const controller = new AbortController();
    const { callPlan, requests } = plan(() => {
      throw connectionFailure('ECONNREFUSED');
    }, controller.signal);
    const settled = rejection(runCall(callPlan));
    await vi.advanceTimersByTimeAsync(10);
    expect(requests).toHaveLength(1);
    controller.abort();
    const error = await settled;
    // The one attempt provably sent nothing, so neither did the call.
    expect(error).toMatchObject({ kind: 'aborted', maybeSent: false });
    expect(requests).toHaveLength(1);
  });

  it('is refused before sending when it is not an AbortSignal', async () => {
    const recording = recordingFetch(() => jsonResponse({}));
    const caller = createTopCaller({ appKey: 'key', appSecret: secret, fetch: recording.fetch });
    const error = await rejection(
      caller.call({
        method: 'taobao.test.send',
        params: {},
        response: { '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value }) } },
        signal: 'stop' as unknown as AbortSignal,
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'signal', reason: 'must be an AbortSignal' });
    expect(recording.requests).toHaveLength(0);
  });
});

describe('the timeout', () => {
  it('covers reading the body: an answer whose body stalls times out, maybe sent', async () => {
    const stalledBody = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(stream) {
            stream.enqueue(new TextEncoder().encode('{"ok":'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const { callPlan, requests } = plan(stalledBody, undefined, { timeout: 30 });
    const error = await rejection(runCall(callPlan));
    expect(error).toMatchObject({ kind: 'timeout', retryable: false, maybeSent: true });
    expect(requests).toHaveLength(1);
  });
});
