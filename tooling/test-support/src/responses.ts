/**
 * Answers for a recording fetch: HTTP responses, the errors Node's fetch throws, and an answer that never
 * comes.
 */
import type { RecordedRequest } from './recording-fetch.js';

/** A JSON answer, HTTP 200 unless told otherwise. A string body is sent as it is; anything else as JSON. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}

/** A text answer with the given content type, HTTP 200 unless told otherwise. */
export function textResponse(body: string, contentType: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

/** What Node's fetch throws when a connection fails with `code` (e.g. ECONNREFUSED, ECONNRESET). */
export function connectionFailure(code: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`connect ${code} 203.0.113.1:443`), { code }),
  });
}

/** An answer that never comes until the request is aborted: a send that timed out after it was written. */
export function neverAnswers(request: RecordedRequest): Promise<Response> {
  const { signal } = request;
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason));
  });
}
