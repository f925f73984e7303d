/**
 * Test support, not exported: a `fetch` that records every Request and answers from a script, in the style
 * of openapi-fetch's test helpers — no global interception, no shared state.
 */
import type { FetchFunction } from './transport-options.js';

/** A request as the test sees it. */
export interface RecordedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
  /** The query parameters. */
  readonly query: Record<string, string>;
  /** The form body's fields. */
  readonly form: Record<string, string>;
  /** The request's signal: aborted on timeout. */
  readonly signal: AbortSignal;
}

/** Answers the n-th request (from 0). May throw to simulate a network failure. */
export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** A recording fetch and what it recorded. */
export function recordingFetch(respond: Responder): { fetch: FetchFunction; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = async (input) => {
    const body = await input.text();
    const url = new URL(input.url);
    const recorded: RecordedRequest = {
      url,
      method: input.method,
      headers: input.headers,
      body,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(new URLSearchParams(body)),
      signal: input.signal,
    };
    requests.push(recorded);
    return respond(recorded, requests.length - 1);
  };
  return { fetch, requests };
}

/** A JSON answer, HTTP 200 unless told otherwise. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}

/** A text answer with the given content type. */
export function textResponse(body: string, contentType: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

/** What Node's fetch throws when a connection fails with `code` (e.g. ECONNREFUSED, ECONNRESET). */
export function connectionFailure(code: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`connect ${code} 203.0.113.1:443`), { code }),
  });
}

/** A fetch answer that never comes, until the request is aborted (as on a timeout after sending). */
export function neverAnswers(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });
}
