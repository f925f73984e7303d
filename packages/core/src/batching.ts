/**
 * Sending any number of items through an API that takes at most `chunkSize` per call: chunks run with
 * bounded concurrency, and the caller gets exactly one result per input item, in input order. A call-level
 * failure of one chunk becomes a failed result for each of that chunk's items — carrying the error and
 * whether those items may have been sent — and never costs the other chunks' results: losing them would
 * make a caller resend messages that went out.
 */
import { isGatewayError, isTopPlatformError, isTransportError, isXError } from './error-guards.js';
import type { XError } from './errors.js';
import { validationError } from './input-validation.js';

/** An accepted item: `ok: true` and the API's documented success fields. */
export type BatchAccepted<Success extends object> = { readonly ok: true } & Success;

/**
 * The fields every refused item has: one the platform refused, or one whose call failed — in which case
 * `maybeSent` says whether it may have gone out all the same.
 */
export interface BatchRefusedFields {
  readonly ok: false;
  /**
   * The item's own code from the platform, or for a call-level failure the error's code: the platform code
   * (GatewayError, TopPlatformError), the transport kind (`timeout`, `network`, …), `missing-result` when the
   * answer had no result for the item, or `unexpected` for a non-@x error.
   */
  readonly code: number | string;
  /** Why it failed: the platform's message, verbatim but for phone numbers (masked), or the error's message. */
  readonly message: string;
  /** Retrying this item is safe and may succeed. */
  readonly retryable: boolean;
  /** The message may have gone out anyway: check receipts before resending. */
  readonly maybeSent: boolean;
  /** For a call-level failure, the error that failed the item's chunk. */
  readonly error?: Error | undefined;
}

/** A refused item: the refusal fields and the fields echoed from its input (`Echo`, e.g. `order_id`). */
export type BatchRefused<Echo extends object = Record<never, never>> = BatchRefusedFields & Echo;

/** One item's outcome. Narrow on `ok`. */
export type BatchResult<Success extends object, Echo extends object = Record<never, never>> =
  | BatchAccepted<Success>
  | BatchRefused<Echo>;

/** How to send items in chunks. */
export interface SendInChunksOptions<Item, Success extends object, Echo extends object> {
  /** The items; at least one. */
  readonly items: readonly Item[];
  /**
   * Sends one chunk and returns one result per chunk item, in chunk order; `undefined` where the answer had
   * no result for an item. A thrown error fails the chunk's items (see `BatchRefusedFields`).
   */
  readonly sendChunk: (
    chunk: readonly Item[],
    chunkIndex: number,
  ) => Promise<ReadonlyArray<BatchResult<Success, Echo> | undefined>>;
  /** The input fields a failure built here repeats, so a caller can tell which item failed. */
  readonly echo: (item: Item) => Echo;
  /**
   * Items per call.
   * @default 100
   */
  readonly chunkSize?: number | undefined;
  /**
   * Calls in flight at once.
   * @default 2
   */
  readonly concurrency?: number | undefined;
  /** The API, for the ValidationError of an empty list. */
  readonly api: string;
  /**
   * The field named by the ValidationError of an empty list.
   * @default 'items'
   */
  readonly itemsField?: string | undefined;
}

/** The default number of items per call: the fw199 gateway's limit. */
export const defaultChunkSize = 100;
/** The default number of calls in flight. */
export const defaultConcurrency = 2;

/**
 * Sends `items` in chunks and returns one result per item, in input order. Rejects only for an empty list (a
 * ValidationError, before anything is sent) and for invalid `chunkSize`/`concurrency` (a RangeError).
 * @example
 * const results = await sendInChunks({
 *   api: '/gateway/taobao/jst/sms/tid/send',
 *   items,
 *   echo: (item) => ({ order_id: item.order_id }),
 *   sendChunk: async (chunk) => toResults(chunk, await gateway.call({ … requestData: chunk … })),
 * });
 */
export async function sendInChunks<Item, Success extends object, Echo extends object>(
  options: SendInChunksOptions<Item, Success, Echo>,
): Promise<Array<BatchResult<Success, Echo>>> {
  const { items, sendChunk, echo } = options;
  const chunkSize = positiveInteger('chunkSize', options.chunkSize ?? defaultChunkSize);
  const concurrency = resolveConcurrency(options.concurrency);
  if (items.length === 0) {
    throw validationError(options.api, [
      { field: options.itemsField ?? 'items', reason: 'must contain at least one item' },
    ]);
  }

  const results = new Array<BatchResult<Success, Echo>>(items.length);
  const chunkCount = Math.ceil(items.length / chunkSize);
  let nextChunk = 0;

  const runChunk = async (chunkIndex: number): Promise<void> => {
    const offset = chunkIndex * chunkSize;
    const chunk = items.slice(offset, offset + chunkSize);
    let chunkResults: ReadonlyArray<BatchResult<Success, Echo> | undefined>;
    try {
      chunkResults = await sendChunk(chunk, chunkIndex);
    } catch (thrown) {
      const failure = callFailure(thrown);
      chunk.forEach((item, index) => {
        results[offset + index] = { ...echo(item), ...failure };
      });
      return;
    }
    // A count that does not match means results cannot be paired with items: none of them can be trusted.
    const aligned = chunkResults.length === chunk.length;
    chunk.forEach((item, index) => {
      const result = aligned ? chunkResults[index] : undefined;
      results[offset + index] = result ?? { ...echo(item), ...missingResult };
    });
  };

  // A fixed pool of workers, each taking the next chunk: at most `concurrency` calls in flight.
  const worker = async (): Promise<void> => {
    while (nextChunk < chunkCount) await runChunk(nextChunk++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunkCount) }, worker));
  return results;
}

const missingResult: BatchRefusedFields = {
  ok: false,
  code: 'missing-result',
  message: 'the answer had no result for this item; it may have been sent',
  retryable: false,
  maybeSent: true,
};

/**
 * `concurrency` with its default (2) filled in, or a RangeError for one that is not a positive integer — for a
 * client that takes it as an option and should refuse a bad one when it is created, not at its first send.
 * @example const concurrency = resolveConcurrency(options.concurrency);
 */
export function resolveConcurrency(concurrency: number | undefined): number {
  return positiveInteger('concurrency', concurrency ?? defaultConcurrency);
}

/** The failure fields for every item of a chunk whose call failed. */
function callFailure(thrown: unknown): BatchRefusedFields {
  if (isXError(thrown)) {
    return {
      ok: false,
      code: errorCode(thrown),
      message: thrown.message,
      retryable: thrown.retryable,
      maybeSent: thrown.maybeSent,
      error: thrown,
    };
  }
  // Not ours: a bug or a surprise after the request may have left. Assume the worst.
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return { ok: false, code: 'unexpected', message: error.message, retryable: false, maybeSent: true, error };
}

function errorCode(error: XError): number | string {
  if (isTopPlatformError(error) || isGatewayError(error)) return error.code;
  if (isTransportError(error)) return error.kind;
  return 'validation';
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
