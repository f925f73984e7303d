/**
 * Turns whatever `fetch` or ky threw into a TransportError, deciding whether the request may have been
 * processed. Only errors raised before a connection existed prove that nothing was written: DNS failures,
 * refused or unreachable connections, connect timeouts, TLS handshake failures. A reset, a socket closed by
 * the peer or a timeout can happen after the body was sent, so they count as "may have been sent".
 */
import { isHTTPError, isNetworkError, TimeoutError } from 'ky';
import { TransportError } from './errors.js';
import type { Redactor } from './redaction.js';

/** Error codes raised before the request was written that a later attempt may not meet: retried. */
export const transientConnectCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** TLS handshake failures: nothing was written either, but a retry meets the same certificate. */
const tlsHandshakeCodes: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What the failure belongs to, for the error. */
export interface FailureContext {
  readonly api: string;
  readonly timeout: number;
  readonly redactor: Redactor;
  /** The caller's signal: when it is aborted, the failure is the abort. */
  readonly signal?: AbortSignal | undefined;
}

/** Classifies a value thrown while posting. */
export function toTransportError(thrown: unknown, context: FailureContext): TransportError {
  const { api, redactor } = context;
  const cause = sanitizeCause(thrown, redactor);
  // ky's TimeoutError, waiting for the headers or reading the body. Its class, not its name: a caller's
  // `AbortSignal.timeout()` rejects with a DOMException named TimeoutError too, and that is an abort.
  if (thrown instanceof TimeoutError) {
    return new TransportError(
      {
        api,
        kind: 'timeout',
        detail: `no response within ${context.timeout} ms`,
        retryable: false,
        maybeSent: true,
      },
      cause,
    );
  }
  // The caller's abort surfaces as its reason, whatever that is: the signal tells.
  if (context.signal?.aborted) return abortedError(api, true, cause);
  if (isHTTPError(thrown)) return httpStatusError(thrown.response, api, cause);
  const codes = errorCodes(thrown);
  const notWritten = codes.length > 0 && codes.every((code) => isBeforeWrite(code));
  // ky wraps fetch's own network error in a NetworkError whose message is only the method and URL: the
  // description comes from fetch's error.
  const failure = isNetworkError(thrown) && thrown.cause !== undefined ? thrown.cause : thrown;
  const description = codes.length > 0 ? codes.join(', ') : redactor.text(messageOf(failure));
  return new TransportError(
    {
      api,
      kind: 'network',
      detail: notWritten ? `could not connect (${description})` : `connection failed (${description})`,
      retryable: notWritten && codes.every((code) => transientConnectCodes.has(code)),
      maybeSent: !notWritten,
    },
    cause,
  );
}

/**
 * The caller's signal aborted the call. `maybeSent` is false only when the abort came before the request
 * was handed to fetch (or during a wait between attempts that all provably sent nothing).
 */
export function abortedError(api: string, maybeSent: boolean, cause?: unknown): TransportError {
  return new TransportError(
    {
      api,
      kind: 'aborted',
      detail: maybeSent ? 'the caller aborted after the request left' : 'the caller aborted before sending',
      retryable: false,
      maybeSent,
    },
    cause,
  );
}

/**
 * A non-2xx answer. 429 was refused before processing and is retryable (honouring `Retry-After`); other 4xx
 * were refused too but will be again; 5xx may come from a proxy after the platform processed the request.
 */
export function httpStatusError(response: Response, api: string, cause?: unknown): TransportError {
  const { status } = response;
  return new TransportError(
    {
      api,
      kind: 'http-status',
      status,
      detail: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryable: status === 429,
      maybeSent: status >= 500,
      retryAfterMs: status === 429 ? retryAfterMilliseconds(response.headers.get('retry-after')) : undefined,
    },
    cause,
  );
}

function isBeforeWrite(code: string): boolean {
  return transientConnectCodes.has(code) || tlsHandshakeCodes.has(code);
}

/** Every `code` in the error, its causes and, for AggregateError (one per address tried), its errors. */
function errorCodes(thrown: unknown): string[] {
  const codes = new Set<string>();
  const pending: Array<{ value: unknown; depth: number }> = [{ value: thrown, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null || depth > 5) continue;
    const candidate = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string') codes.add(candidate.code);
    if (candidate.cause !== undefined) pending.push({ value: candidate.cause, depth: depth + 1 });
    if (Array.isArray(candidate.errors)) {
      for (const inner of candidate.errors) pending.push({ value: inner, depth: depth + 1 });
    }
  }
  // Node reports an aggregate's own code as the first inner code; the inner ones decide.
  return [...codes];
}

function retryAfterMilliseconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function messageOf(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

/**
 * A copy of a thrown value that is safe to keep as `cause`: name, redacted message and stack, `code`, and the
 * same for its own cause. ky's errors carry the request URL, whose query holds the session and signature.
 */
export function sanitizeCause(value: unknown, redactor: Redactor, depth = 0): Error {
  const source = value instanceof Error ? value : undefined;
  const inner =
    source?.cause !== undefined && depth < 5 ? sanitizeCause(source.cause, redactor, depth + 1) : undefined;
  const copy = new Error(
    redactor.text(source ? source.message : String(value)),
    inner ? { cause: inner } : undefined,
  );
  if (source) {
    copy.name = source.name;
    copy.stack = source.stack === undefined ? undefined : redactor.text(source.stack);
    const code = (source as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(copy, { code });
  }
  return copy;
}
