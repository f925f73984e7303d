/**
 * The one HTTP operation both protocols use: POST an `application/x-www-form-urlencoded` body with ky, with
 * ky's own retry off (the retry policy decides) and every failure mapped to a TransportError.
 */
import ky from 'ky';
import type { Redactor } from './redaction.js';
import { toTransportError } from './transport-failure.js';
import type { FetchFunction } from './transport-options.js';

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
  readonly fetch: FetchFunction | undefined;
  readonly redactor: Redactor;
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
  // One deadline for the whole exchange, headers and body alike. ky's own timeout is off: it would race a
  // second timer against the same deadline. A plain controller and timer cost less than AbortSignal.timeout.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timeoutReason()), context.timeout);
  const signal = deadline.signal;
  const formText = new URLSearchParams(request.form).toString();
  const injected = context.fetch;
  try {
    const response = await ky.post(requestUrl(request), {
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      timeout: false,
      // An injected fetch receives ky's Request, which carries the body and the deadline (tests read the one
      // and watch the other). With the platform's fetch both go to fetch alone: given to ky, the body is one
      // more web stream and the signal an AbortSignal.any and a followed signal per call — each costly to
      // create and to collect on Node 20.
      ...(injected === undefined ? {} : { body: formText, signal }),
      retry: 0,
      hooks: {
        // ky clones every request before fetching so that its own retry could resend the body; ours never
        // resends a request (each attempt is built afresh with a new timestamp and signature), and the clone
        // (a tee of the body stream) cost more than the rest of a call (`pnpm bench -- client`). A
        // beforeRequest hook that returns a Response is ky's documented way to supply the answer; ky still
        // turns a non-2xx answer into an HTTPError. The platform's fetch is given ky's URL, method and headers
        // with the body text and the deadline: building its one Request from those costs less than copying
        // ky's. An injected fetch gets ky's Request as it is, with the body passed again as the same text, so
        // fetch sends it as it is instead of piping the Request's body stream through a proxy stream.
        beforeRequest: [
          (kyRequest) =>
            injected === undefined
              ? globalThis.fetch(kyRequest.url, {
                  method: kyRequest.method,
                  headers: kyRequest.headers,
                  body: formText,
                  signal,
                })
              : injected(kyRequest, { body: formText }),
        ],
      },
    });
    const body = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (thrown) {
    // A non-2xx status arrives here as ky's HTTPError; a body cut off mid-way as a network error whose
    // codes (a reset) mark it as possibly processed.
    throw toTransportError(thrown, context);
  } finally {
    clearTimeout(timer);
  }
}

/** The same reason AbortSignal.timeout gives, so a timeout is recognised by its name wherever it surfaces. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}
