/**
 * Test support, not exported: a `fetch` that records every Request and answers from a script, in the style
 * of openapi-fetch's test helpers — no global interception, no shared state.
 */
import { readFileSync } from 'node:fs';
import type { FetchFunction } from '@x/core';

/** A request as the test sees it: URL, headers and form fields. */
export interface RecordedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly form: Record<string, string>;
  /** Aborted when the client gives up (timeout). */
  readonly signal: AbortSignal;
}

/** Answers the n-th request (from 0); may throw to simulate a network failure. */
export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** A recording fetch answering with `respond`, and what it recorded. */
export function recordingFetch(respond: Responder): { fetch: FetchFunction; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = async (input) => {
    const recorded: RecordedRequest = {
      url: new URL(input.url),
      method: input.method,
      headers: input.headers,
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

/** An HTTP 200 JSON answer. */
export function answer(body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}

/** An answer that never comes until the request is aborted: a send that timed out after it was written. */
export function neverAnswers(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });
}

/** The `request_data` object a Douyin request carried. */
export function sentRequestData(request: RecordedRequest): {
  sign: string;
  template_id: string;
  sms_message_list: Array<Record<string, unknown>>;
  tag?: string;
  user_ext_code?: string;
} {
  return JSON.parse(request.form.request_data ?? 'null');
}

/**
 * A gateway that sends every message it is given: one success per message, in request order, echoing
 * `order_id` ("" for a phone) with a message id derived from the order id or the phone.
 */
export function sendsEverything(request: RecordedRequest): Response {
  const data = sentRequestData(request).sms_message_list.map((message) => ({
    code: 0,
    message: '',
    order_id: message.biz_type === 1 ? message.order_id : '',
    message_id: `m-${String(message.biz_type === 1 ? message.order_id : message.post_tel)}`,
  }));
  return answer({ code: 0, message: 'ok', data });
}
