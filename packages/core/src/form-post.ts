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
  const url = new URL(request.endpoint);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, value);
  return url.toString();
}

/** Posts the form; resolves with a 2xx answer or rejects with a TransportError. */
export async function postForm(request: FormRequest, context: PostContext): Promise<RawResponse> {
  // ky's own timeout stops waiting for the headers; this signal also bounds reading the body.
  const signal = AbortSignal.timeout(context.timeout);
  try {
    const response = await ky.post(requestUrl(request), {
      body: new URLSearchParams(request.form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      timeout: context.timeout,
      signal,
      retry: 0,
      ...(context.fetch ? { fetch: requestFetch(context.fetch) } : {}),
    });
    const body = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (thrown) {
    // A non-2xx status arrives here as ky's HTTPError; a body cut off mid-way as a network error whose
    // codes (a reset) mark it as possibly processed.
    throw toTransportError(thrown, context);
  }
}

/** ky calls `fetch` with a Request; its type also allows a URL, which is turned into one. */
function requestFetch(fetch: FetchFunction) {
  return (input: Request | URL | string, init?: RequestInit): Promise<Response> =>
    fetch(input instanceof Request ? input : new Request(input, init), init);
}
