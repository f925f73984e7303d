/**
 * The one HTTP operation both protocols use: POST an `application/x-www-form-urlencoded` body with ky — its
 * `fetch` option for an injected fetch, its `timeout`, its `signal` for cancellation, its HTTPError for a
 * non-2xx status — with ky's own retry off (our retry policy decides) and every failure mapped to a
 * TransportError. The mapping is one `catch`, not a ky `beforeError` hook: a failure while reading the body
 * (a reset, the caller's abort) does not pass through ky's hooks. Our logging hooks run around each attempt
 * in call-runner.ts, where they see the redacted request and the parsed outcome.
 */
import ky from 'ky';
import type { Redactor } from './redaction.js';
import { toTransportError } from './transport-failure.js';
import type { KyFetch } from './transport-options.js';

/** What is posted: the endpoint, query parameters (may be empty) and form fields. */
export interface FormRequest {
  readonly endpoint: string;
  readonly query: Readonly<Record<string, string>>;
  readonly form: Readonly<Record<string, string>>;
}

/** A 2xx answer, body read as text. */
export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** How to post and how to report failures. */
export interface PostContext {
  readonly api: string;
  readonly timeout: number;
  readonly fetch: KyFetch | undefined;
  readonly redactor: Redactor;
  /** The caller's signal: aborting it aborts the request. */
  readonly signal?: AbortSignal | undefined;
}

/** The URL with the query parameters appended (after any the endpoint already has). */
export function requestUrl(request: FormRequest): string {
  const base = plainEndpoint(request.endpoint);
  if (base === undefined) {
    const url = new URL(request.endpoint);
    for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, value);
    return url.toString();
  }
  // No query or fragment of its own: appending to `searchParams` is the serialized parameters after a `?`.
  const query = new URLSearchParams(request.query).toString();
  return query === '' ? base : `${base}?${query}`;
}

/** Endpoints seen, parsed once: the normalized URL when it has no query and no fragment, else undefined. */
const plainEndpoints = new Map<string, string | undefined>();

function plainEndpoint(endpoint: string): string | undefined {
  if (plainEndpoints.has(endpoint)) return plainEndpoints.get(endpoint);
  const url = new URL(endpoint);
  const plain =
    url.search === '' && url.hash === '' && !url.href.endsWith('?') && !url.href.endsWith('#')
      ? url.href
      : undefined;
  if (plainEndpoints.size >= 64) plainEndpoints.clear();
  plainEndpoints.set(endpoint, plain);
  return plain;
}

/** Posts the form; resolves with a 2xx answer or rejects with a TransportError. */
export async function postForm(request: FormRequest, context: PostContext): Promise<RawResponse> {
  const { timeout } = context;
  const responsePromise = ky.post(requestUrl(request), {
    body: new URLSearchParams(request.form).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      // What fetch sends by default. ky's `.text()` would ask for `text/*`; the answer is JSON (or TOP's XML).
      accept: '*/*',
    },
    // ky's `timeout` bounds the wait for the answer's headers and then the read of its body; `totalTimeout`
    // makes the two share one deadline, so an attempt never takes longer than `timeout` in all.
    timeout,
    totalTimeout: timeout,
    // Our retry policy decides, with a request built afresh (new timestamp, new signature) for each attempt,
    // and only when the failure proves nothing was processed: ky's own retry would resend the same request.
    retry: 0,
    // `undefined` lets ky use the global fetch.
    fetch: context.fetch,
    signal: context.signal,
  });
  try {
    // The `.text()` shortcut reads the body under the same deadline; the settled promise then gives the
    // response's status and headers.
    const body = await responsePromise.text();
    const response = await responsePromise;
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (thrown) {
    // ky's HTTPError for a non-2xx status, its TimeoutError, its NetworkError (a failed connection, the
    // platform's error as its cause), the caller's abort reason, or a body cut off mid-way.
    throw toTransportError(thrown, context);
  }
}
