/**
 * What the call runner tests share: canary credentials, a call plan on a recording fetch that retries at
 * once, and reading the TransportError a call fails with.
 */
import { type Responder, recordingFetch } from '@x/test-support';
import type { CallPlan } from '../call-runner.js';
import { isTransportError } from '../error-guards.js';
import { TopPlatformError, type TransportError } from '../errors.js';
import { createRedactor } from '../redaction.js';
import { resolveTransport, type TransportOptions } from '../transport-options.js';

export const secret = 'canary-secret-4d1e';
export const session = 'canary-session-88aa';

/** A plan that posts a fixed form and reads `{ "ok": … }`, `{ "banned": seconds }` or fails to parse. */
export function plan(respond: Responder, options: TransportOptions = {}) {
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

export async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isTransportError(error)) throw new Error(`expected a TransportError, got ${String(error)}`);
  return error;
}
