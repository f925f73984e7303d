/**
 * The client for the fw199 gateway's `POST /gateway/taobao/jst/sms/tid/send` (`docs/protocol.md` §2.3): validates every
 * item (and refuses repeated order ids) before anything is sent, then sends any number of items in calls of
 * at most 100, a bounded number at a time, and returns one result per item in input order.
 */
import {
  createGatewayCaller,
  type GatewayBatchEndpoint,
  type GatewayCallerOptions,
  resolveConcurrency,
  sendGatewayBatch,
  validateInput,
} from '@x/core';
import { z } from 'zod';
import { encodeTidItem, type TidWireRequestItem, type ValidTidItem } from './tid-encoding.js';
import { type TidSendAccepted, type TidSendRefused, type TidSendResult, toTidResult } from './tid-results.js';
import {
  type TidResultItem,
  tidMaxItemsPerCall,
  tidPath,
  tidResultItemSchema,
  tidSellerField,
  tidSendItemSchema,
} from './tid-schemas.js';
import type { TidSendItem } from './tid-send-item.js';

/** Options of `createTidClient`: gateway credentials, transport options and how many calls run at once. */
export interface TidClientOptions extends GatewayCallerOptions {
  /**
   * How many calls (of up to 100 items each) are in flight at once when a send needs several.
   * @default 2
   */
  readonly concurrency?: number | undefined;
}

/** Per-call options of `send()`. */
export interface TidSendOptions {
  /** The Taobao seller (`tb_seller_nick`) for this send; overrides the client's. Must not be empty. */
  readonly sellerNick?: string | undefined;
  /**
   * Send items that repeat an `order_id` — that buyer gets one SMS per item. Without it, a repeated order id
   * is a ValidationError naming both positions, and nothing is sent.
   * @default false
   */
  readonly allowDuplicateOrderIds?: boolean | undefined;
  /**
   * Aborts the send. Items of a call not started yet are refused with `code: 'aborted'` and
   * `maybeSent: false`; items of a call in flight with `maybeSent: true`, since the gateway may have sent them.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A client for Taobao SMS by order id through the fw199 gateway. */
export interface TidClient {
  /**
   * Sends one SMS per item, any number of items: chunked by 100, `concurrency` calls at a time.
   *
   * Rejects only with a ValidationError, before anything is sent (an empty list, a malformed item, a repeated
   * order id). Everything after that is a result: one per item, in input order — an item the gateway refused,
   * and every item of a call that failed or was aborted (with the error and whether it may have been sent),
   * is `ok: false`.
   */
  send(items: readonly TidSendItem[], options?: TidSendOptions): Promise<TidSendResult[]>;
}

const sendOptionsSchema = z.object(
  {
    allowDuplicateOrderIds: z.boolean({ error: 'must be a boolean' }).optional(),
  },
  { error: 'must be an object' },
);

/** What this endpoint differs in; the outline of `send()` is @x/core's `sendGatewayBatch`. */
const tidEndpoint: GatewayBatchEndpoint<
  ValidTidItem[],
  ValidTidItem,
  TidWireRequestItem,
  TidResultItem,
  Omit<TidSendAccepted, 'ok'>,
  Pick<TidSendRefused, 'order_id'>
> = {
  path: tidPath,
  sellerField: tidSellerField,
  chunkSize: tidMaxItemsPerCall,
  inputSchema: z.array(tidSendItemSchema, { error: 'must be an array of items' }),
  inputFieldPrefix: 'items',
  listField: 'items',
  itemsOf: (items) => items,
  duplicateKeyOf: (item) => ({ field: 'order_id', value: item.order_id }),
  duplicateConsequence: 'that buyer would be texted twice (pass allowDuplicateOrderIds: true to send both)',
  encodeItem: encodeTidItem,
  // `request_data` is the array of items itself.
  requestData: (_items, wires) => wires,
  resultItemSchema: tidResultItemSchema,
  // The echoed order id pairs each result with its item, whatever the answer's order. A repeated order id
  // (allowDuplicateOrderIds) pairs only when each copy has its result: otherwise nobody can tell which copy
  // went out, so all of them become missing-result failures (maybe sent) — no guess.
  answerKeyOf: (item) => item.order_id,
  resultKeyOf: (result) => result.order_id,
  toResult: toTidResult,
  echo: (item) => ({ order_id: item.order_id }),
};

/**
 * Creates a client. Throws a ValidationError naming any missing or malformed credential or `baseUrl`, and a
 * RangeError for a `timeout` or `concurrency` that is not a positive integer.
 * @example
 * const tid = createTidClient({ appId: 'your-appid', appSecret: process.env.FW199_SECRET!, sellerNick: 'kingdo' });
 * const results = await tid.send([
 *   { order_id: '3006925020239565830', sms_free_sign_name: '迈步鞋城淘宝店', template_code: 'SMS_251071470',
 *     params: { code: '38138124' } },
 * ]);
 * for (const result of results) console.log(result.ok ? result.request_id : `${result.code} ${result.message}`);
 */
export function createTidClient(options: TidClientOptions): TidClient {
  const gateway = createGatewayCaller(options);
  const concurrency = resolveConcurrency(options.concurrency);

  return {
    async send(items, sendOptions = {}) {
      const { allowDuplicateOrderIds } = validateInput(sendOptionsSchema, sendOptions, { api: tidPath });
      return sendGatewayBatch(tidEndpoint, {
        gateway,
        input: items,
        sellerNick: sendOptions.sellerNick,
        allowDuplicates: allowDuplicateOrderIds,
        concurrency,
        signal: sendOptions.signal,
      });
    },
  };
}
