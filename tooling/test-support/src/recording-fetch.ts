/**
 * A `fetch` test double that records every Request and answers from a function or a queue, in the style of
 * openapi-fetch's test helpers: injected through a client's `fetch` option — no global interception, no
 * shared state between tests.
 */

/** What a client's `fetch` option takes. Declared here so that this package needs no @x package. */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** A request as the test sees it. */
export interface RecordedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  /** The body, as text. */
  readonly body: string;
  /** The query parameters. */
  readonly query: Record<string, string>;
  /** The form body's fields. */
  readonly form: Record<string, string>;
  /** The request's signal: aborted when the client gives up (timeout). */
  readonly signal: AbortSignal;
}

/** Answers the n-th request (from 0). May throw to simulate a network failure. */
export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** The answers of `recordingFetch`: one function for every request, or a queue with one entry per request. */
export type Answers = Responder | ReadonlyArray<Response | Responder>;

/** Options of `recordingFetch`. */
export interface RecordingFetchOptions {
  /**
   * Milliseconds to hold every answer before giving it, so that concurrent calls overlap and `maxInFlight`
   * shows how many a client runs at once.
   * @default 0
   */
  readonly delay?: number | undefined;
}

/** A recording fetch and what it has seen. */
export interface RecordingFetch {
  /** Pass this as the client's `fetch`. */
  readonly fetch: FetchFunction;
  /** Every request, in the order they arrived. */
  readonly requests: RecordedRequest[];
  /** Requests answered not yet. */
  readonly inFlight: number;
  /** The most requests that were ever unanswered at once. */
  readonly maxInFlight: number;
}

/**
 * A `fetch` that records each request and answers it with `answers`: a function of the request and its index,
 * or a queue whose n-th entry (a Response, or a function of the request) answers the n-th request.
 * @example
 * const recording = recordingFetch(() => jsonResponse({ code: 0, message: 'ok', data: [] }));
 * const client = createTidClient({ …, fetch: recording.fetch });
 * await client.send(items);
 * expect(recording.requests[0]?.form.tb_seller_nick).toBe('kingdo');
 */
export function recordingFetch(answers: Answers, options: RecordingFetchOptions = {}): RecordingFetch {
  const respond = typeof answers === 'function' ? answers : fromQueue(answers);
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
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
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.delay) await wait(options.delay);
      return await respond(recorded, requests.length - 1);
    } finally {
      inFlight--;
    }
  };
  return {
    fetch,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** Resolves after `milliseconds`. */
export function wait(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function fromQueue(queue: ReadonlyArray<Response | Responder>): Responder {
  return (request, index) => {
    const entry = queue[index];
    if (entry === undefined) {
      throw new Error(`recordingFetch: no answer queued for request ${index} (${queue.length} queued)`);
    }
    return typeof entry === 'function' ? entry(request, index) : entry;
  };
}
