/**
 * The `send()` of a fw199 gateway endpoint that takes a list of messages: validate the input, refuse repeated
 * keys unless allowed, encode every item, then send in chunks and pair each answer with its item by the key
 * the gateway echoes. Written once here; an adapter describes only what differs for its API (a
 * `GatewayBatchEndpoint`): its schemas, its wire form, its keys and its result type.
 */
import { alignByKey } from './batch-alignment.js';
import { type BatchResult, sendInChunks } from './batching.js';
import { type DuplicateKey, findDuplicateKeys } from './duplicate-keys.js';
import type { GatewayCaller } from './gateway-call.js';
import { checkSignal, validateInput } from './input-validation.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/**
 * What one gateway batch API differs in. `Input` is the validated input, `Item` one validated item of its
 * list, `Wire` an item as `request_data` carries it, `ResultItem` one validated item of the answer's `data`;
 * a result is `Success` (with `ok: true`) or a failure with the `Echo` fields.
 */
export interface GatewayBatchEndpoint<
  Input,
  Item,
  Wire,
  ResultItem,
  Success extends object,
  Echo extends object,
> {
  /** The endpoint path, e.g. `/gateway/taobao/jst/sms/tid/send`; also the API named by errors. */
  readonly path: string;
  /** The form field naming the seller on this endpoint: `tb_seller_nick` or `seller_nick`. */
  readonly sellerField: string;
  /**
   * Items per gateway call.
   * @default 100
   */
  readonly chunkSize?: number | undefined;
  /** Validates the whole input (a list of items, or a request holding one), before anything else is looked at. */
  readonly inputSchema: StandardSchemaV1<unknown, Input>;
  /** Prepended to the field paths of the input's validation errors: `items` makes `items.3.order_id`. */
  readonly inputFieldPrefix?: string | undefined;
  /** The list's field path in errors (`items`, `messages`): `items.5.order_id repeats items.0.order_id`. */
  readonly listField: string;
  /** The list of items in the validated input. */
  readonly itemsOf: (input: Input) => readonly Item[];
  /** What counts as the same recipient twice; such items are refused unless duplicates are allowed. */
  readonly duplicateKeyOf: (item: Item) => DuplicateKey;
  /** What a repeat would do and how to send it anyway, after `repeats items.0.order_id: `. */
  readonly duplicateConsequence: string;
  /**
   * An item's wire form; `index` is its position in the list, for a ValidationError. Called for every item
   * before the first call, so an item that cannot be encoded fails validation, not a call.
   */
  readonly encodeItem: (item: Item, index: number) => Wire;
  /** `request_data` of one call: that call's wire items, with whatever of the input every call repeats. */
  readonly requestData: (input: Input, wires: readonly Wire[]) => unknown;
  /** Validates each item of the answer's `data`. */
  readonly resultItemSchema: StandardSchemaV1<unknown, ResultItem>;
  /** The key the gateway echoes in an item's result (`order_id`; "" for a Douyin message to a phone). */
  readonly answerKeyOf: (item: Item) => string;
  /** The echoed key of a result. */
  readonly resultKeyOf: (result: ResultItem) => string;
  /** The result of an item whose answer was paired with it. */
  readonly toResult: (result: ResultItem, item: Item) => BatchResult<Success, Echo>;
  /** The input fields a failure built without an answer repeats (`order_id`), so a caller can tell whose. */
  readonly echo: (item: Item) => Echo;
}

/** One `send()`: where it goes, for whom, and what the caller allowed. */
export interface GatewayBatchSendCall {
  /** The caller of the client's gateway. */
  readonly gateway: GatewayCaller;
  /** The caller's input, unvalidated. */
  readonly input: unknown;
  /** The seller for this send, overriding the client's; an empty one is a ValidationError. */
  readonly sellerNick?: string | undefined;
  /**
   * Send items that repeat a duplicate key.
   * @default false
   */
  readonly allowDuplicates?: boolean | undefined;
  /**
   * Calls in flight at once.
   * @default 2
   */
  readonly concurrency?: number | undefined;
  /**
   * Aborts the send: a call in flight fails its items (`aborted`, maybe sent) and a call not started yet
   * fails its items without sending (`aborted`, not sent).
   */
  readonly signal?: AbortSignal | undefined;
}

/** An item ready to send: the validated item, for its keys and result, and its wire form. */
interface PreparedItem<Item, Wire> {
  readonly item: Item;
  readonly wire: Wire;
}

/**
 * Sends `call.input` through `endpoint`: any number of items, in calls of at most `chunkSize`, and returns one
 * result per item in input order. Rejects only with a ValidationError, before anything is sent — a bad seller,
 * a malformed input, an empty list, a repeated key, an item that cannot be encoded — or a RangeError for a bad
 * `chunkSize` or `concurrency`. Everything after that is a result.
 * @example
 * const results = await sendGatewayBatch(tidEndpoint, { gateway, input: items, sellerNick, concurrency });
 */
export async function sendGatewayBatch<
  Input,
  Item,
  Wire,
  ResultItem,
  Success extends object,
  Echo extends object,
>(
  endpoint: GatewayBatchEndpoint<Input, Item, Wire, ResultItem, Success, Echo>,
  call: GatewayBatchSendCall,
): Promise<Array<BatchResult<Success, Echo>>> {
  const { path, listField } = endpoint;
  const { gateway } = call;
  // Resolved once, before the first call: an empty seller fails the send, not every call of it.
  const sellerNick = gateway.sellerFor(path, call.sellerNick);
  const signal = checkSignal(path, call.signal);
  const input = validateInput(endpoint.inputSchema, call.input, {
    api: path,
    fieldPrefix: endpoint.inputFieldPrefix,
  });
  const items = endpoint.itemsOf(input);
  if (!call.allowDuplicates) {
    // The same recipient twice would text that person twice: almost always a bug upstream (a retried job, a
    // merged list), so it is refused before anything is sent unless the caller says it is on purpose.
    const duplicate = findDuplicateKeys(items, {
      api: path,
      listField,
      keyOf: endpoint.duplicateKeyOf,
      consequence: endpoint.duplicateConsequence,
    });
    if (duplicate) throw duplicate;
  }
  // Encoded before the first call, so an item that cannot be encoded fails validation, not a call.
  const prepared = items.map(
    (item, index): PreparedItem<Item, Wire> => ({ item, wire: endpoint.encodeItem(item, index) }),
  );

  return sendInChunks<PreparedItem<Item, Wire>, Success, Echo>({
    api: path,
    items: prepared,
    itemsField: listField,
    chunkSize: endpoint.chunkSize,
    concurrency: call.concurrency,
    echo: ({ item }) => endpoint.echo(item),
    sendChunk: async (chunk) => {
      const answer = await gateway.call({
        path,
        sellerField: endpoint.sellerField,
        requestData: endpoint.requestData(
          input,
          chunk.map(({ wire }) => wire),
        ),
        item: endpoint.resultItemSchema,
        sellerNick,
        signal,
      });
      // Positions cannot be trusted (the Douyin document's own example answers in swapped order), but each
      // result echoes a key. A key answered a different number of times than it was sent (an order id sent
      // twice, one result back) cannot be paired: all its items become missing-result failures (maybe
      // sent) — no guess.
      const paired = alignByKey(
        chunk,
        answer.items,
        ({ item }) => endpoint.answerKeyOf(item),
        endpoint.resultKeyOf,
        { strict: true },
      );
      return chunk.map(({ item }, index) => {
        const result = paired[index];
        return result && endpoint.toResult(result, item);
      });
    },
  });
}
