/**
 * Runs one API call: attempts, hooks and retries. Each attempt builds its request afresh (new timestamp,
 * new signature — a ban can outlast the 10-minute timestamp window), posts it, interprets the answer, and on
 * failure asks the retry policy whether and when to try again.
 */
import { asMaybeSent } from './earlier-attempt.js';
import { isXError } from './error-guards.js';
import { TransportError, type XError } from './errors.js';
import { type FormRequest, postForm, type RawResponse, requestUrl } from './form-post.js';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import type { Redactor } from './redaction.js';
import { retryDelay } from './retry-policy.js';
import { abortedError, sanitizeCause } from './transport-failure.js';
import type { ResolvedTransport } from './transport-options.js';

/** Everything one call needs. */
export interface CallPlan<Result> {
  readonly protocol: 'top' | 'gateway';
  readonly api: string;
  readonly transport: ResolvedTransport;
  readonly redactor: Redactor;
  /** Builds the request of one attempt. */
  readonly buildRequest: () => FormRequest;
  /** Reads a 2xx answer: returns the result or throws an XError (platform error, unparseable body). */
  readonly interpret: (response: RawResponse) => Result;
  /** The caller's signal: aborting it aborts the attempt in flight, or the wait before the next one. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs the plan; resolves with the result or rejects with the last attempt's XError, which says `maybeSent`
 * when any attempt may have sent the message.
 */
export async function runCall<Result>(plan: CallPlan<Result>): Promise<Result> {
  const { transport, redactor, api, signal } = plan;
  // Whether an earlier attempt may have sent the message: an abort before the next one must say so.
  let maybeSentBefore = false;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortedError(api, maybeSentBefore, sanitizeCause(signal.reason, redactor));
    const request = plan.buildRequest();
    // Redacting the request for the hooks costs more than signing it: done only when someone listens.
    const hooks = transport.hooks;
    const listening = (hooks.beforeRequest?.length ?? 0) + (hooks.afterResponse?.length ?? 0) > 0;
    const requestInfo: RequestHookInfo | undefined = listening
      ? {
          protocol: plan.protocol,
          api,
          method: 'POST',
          url: redactor.url(requestUrl(request)),
          params: redactor.params({ ...request.query, ...request.form }),
          attempt,
        }
      : undefined;
    if (requestInfo) for (const hook of hooks.beforeRequest ?? []) await hook(requestInfo);

    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await postForm(request, {
        api,
        timeout: transport.timeout,
        fetch: transport.fetch,
        redactor,
        signal,
      });
      status = response.status;
      const result = interpretSafely(plan, response);
      if (requestInfo) {
        await notify(transport, {
          ...requestInfo,
          status,
          durationMs: performance.now() - started,
          error: undefined,
        });
      }
      return result;
    } catch (thrown) {
      const error = isXError(thrown) ? thrown : unexpectedFailure(plan, thrown);
      status ??= (error as { status?: number }).status;
      if (requestInfo)
        await notify(transport, { ...requestInfo, status, durationMs: performance.now() - started, error });
      const wait = retryDelay(transport.retryPolicy, { error, attempt });
      if (wait === undefined) throw maybeSentBefore ? asMaybeSent(error) : error;
      maybeSentBefore ||= error.maybeSent;
      await sleep(wait, signal);
    }
  }
}

/** `interpret`, with anything it throws that is not an XError (a bug, a schema surprise) made one. */
function interpretSafely<Result>(plan: CallPlan<Result>, response: RawResponse): Result {
  try {
    return plan.interpret(response);
  } catch (thrown) {
    if (isXError(thrown)) throw thrown;
    throw new TransportError(
      {
        api: plan.api,
        kind: 'unparseable-body',
        status: response.status,
        detail: 'the answer could not be read',
        retryable: false,
        maybeSent: true,
      },
      sanitizeCause(thrown, plan.redactor),
    );
  }
}

function unexpectedFailure(plan: CallPlan<unknown>, thrown: unknown): XError {
  return new TransportError(
    { api: plan.api, kind: 'network', detail: 'unexpected failure', retryable: false, maybeSent: true },
    sanitizeCause(thrown, plan.redactor),
  );
}

/** Runs the afterResponse hooks; their errors are ignored (see AfterResponseHook). */
async function notify(transport: ResolvedTransport, info: ResponseHookInfo): Promise<void> {
  for (const hook of transport.hooks.afterResponse ?? []) {
    try {
      await hook(info);
    } catch {
      // Deliberately ignored: the request was sent; failing now would invite a duplicate send.
    }
  }
}

/** Resolves after `milliseconds`, or early when `signal` aborts (the loop then throws the abort). */
function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal?.addEventListener('abort', done, { once: true });
  });
}
