/**
 * Test support, not exported: a `fetch` that records every Request and answers from a script, in the style
 * of openapi-fetch's test helpers — no global interception, no shared state.
 */
import { readFileSync } from 'node:fs';
import type { FetchFunction } from '@x/core';

/** A request as the test sees it: URL, query parameters and form fields. */
export interface RecordedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly query: Record<string, string>;
  readonly form: Record<string, string>;
  /** Aborted when the client gives up (timeout). */
  readonly signal: AbortSignal;
}

/** A recording fetch answering with `respond`, and what it recorded. */
export function recordingFetch(
  respond: (request: RecordedRequest, index: number) => Response | Promise<Response>,
) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = async (input) => {
    const url = new URL(input.url);
    const recorded: RecordedRequest = {
      url,
      method: input.method,
      headers: input.headers,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(new URLSearchParams(await input.text())),
      signal: input.signal,
    };
    requests.push(recorded);
    return respond(recorded, requests.length - 1);
  };
  return { fetch, requests };
}

/** A fixture from `src/__fixtures__`, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

/** An HTTP 200 answer with the given body and content type. */
export function answer(body: string, contentType = 'application/json;charset=UTF-8'): Response {
  return new Response(body, { status: 200, headers: { 'content-type': contentType } });
}

/** An answer that never comes until the request is aborted: a send that timed out after it was written. */
export function neverAnswers(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });
}
