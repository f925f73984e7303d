/**
 * The client for the fw199 gateway's `POST /gateway/dd/sms/send` (`docs/protocol.md` §2.4): validates the request and every
 * message (and refuses repeated recipients) before anything is sent, encodes each message with its `biz_type`
 * and `template_param` as a JSON string, sends the messages in calls of at most 100 — `sign`, `template_id`,
 * `tag` and `user_ext_code` repeated on each — a bounded number at a time, and returns one result per message
 * in input order.
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
import { type DoudianWireMessageOut, doudianRequestData, encodeDoudianMessage } from './doudian-encoding.js';
import { answerKeyOf, type DoudianRecipient, duplicateKeyOf, recipientOf } from './doudian-recipients.js';
import type { DoudianSendRequest } from './doudian-request.js';
import { type DoudianAcceptedFields, type DoudianSendResult, toDoudianResult } from './doudian-results.js';
import {
  type DoudianParsedMessage,
  type DoudianResultItem,
  doudianMaxMessagesPerCall,
  doudianPath,
  doudianResultItemSchema,
  doudianSellerField,
  doudianSendRequestSchema,
} from './doudian-schemas.js';

/** Options of `createDoudianClient`: gateway credentials, transport options and how many calls run at once. */
export interface DoudianClientOptions extends GatewayCallerOptions {
  /**
   * How many calls (of up to 100 messages each) are in flight at once when a send needs several.
   * @default 2
   */
  readonly concurrency?: number | undefined;
}

/** Per-call options of `send()`. */
export interface DoudianSendOptions {
  /** The Douyin shop account (`seller_nick`) for this send; overrides the client's. Must not be empty. */
  readonly sellerNick?: string | undefined;
  /**
   * Send messages that repeat a recipient (the same `order_id` or the same `post_tel`) — that person gets one
   * SMS per message. Without it, a repeat is a ValidationError naming both positions, and nothing is sent.
   * @default false
   */
  readonly allowDuplicateRecipients?: boolean | undefined;
  /**
   * Aborts the send. Messages of a call not started yet are refused with `code: 'aborted'` and
   * `maybeSent: false`; messages of a call in flight with `maybeSent: true`, since the gateway may have sent
   * them.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A client for Douyin shop SMS through the fw199 gateway. */
export interface DoudianClient {
  /**
   * Sends one SMS per message, any number of messages: chunked by 100, `concurrency` calls at a time.
   *
   * Rejects only with a ValidationError, before anything is sent (no messages, a malformed field, a repeated
   * recipient). Everything after that is a result: one per message, in input order — a message the gateway
   * refused, and every message of a call that failed or was aborted (with the error and whether it may have
   * been sent), is `ok: false`.
   */
  send(request: DoudianSendRequest, options?: DoudianSendOptions): Promise<DoudianSendResult[]>;
}

const sendOptionsSchema = z.object(
  {
    allowDuplicateRecipients: z.boolean({ error: 'must be a boolean' }).optional(),
  },
  { error: 'must be an object' },
);

/** What this endpoint differs in; the outline of `send()` is @x/core's `sendGatewayBatch`. */
const doudianEndpoint: GatewayBatchEndpoint<
  z.output<typeof doudianSendRequestSchema>,
  DoudianParsedMessage,
  DoudianWireMessageOut,
  DoudianResultItem,
  Omit<DoudianAcceptedFields, 'ok'> & DoudianRecipient,
  DoudianRecipient
> = {
  path: doudianPath,
  sellerField: doudianSellerField,
  chunkSize: doudianMaxMessagesPerCall,
  // The whole request: field paths are `sign`, `messages.3.post_tel`.
  inputSchema: doudianSendRequestSchema,
  listField: 'messages',
  itemsOf: (request) => request.messages,
  duplicateKeyOf,
  duplicateConsequence:
    'that recipient would be texted twice (pass allowDuplicateRecipients: true to send both)',
  // Encodes `template_param` as JSON text: a template variable that is not JSON fails validation, not a call.
  encodeItem: encodeDoudianMessage,
  // `sign`, `template_id`, `tag` and `user_ext_code` are repeated on every call.
  requestData: doudianRequestData,
  resultItemSchema: doudianResultItemSchema,
  // Each result echoes `order_id`: messages to orders pair by it, messages to phones with the "" results in
  // order. A key answered a different number of times than it was sent (three phones, two "" results) cannot
  // be paired: all its messages become missing-result failures (maybe sent) — no guess.
  answerKeyOf,
  resultKeyOf: (result) => result.order_id,
  toResult: (result, message) => toDoudianResult(result, recipientOf(message)),
  echo: recipientOf,
};

/**
 * Creates a client. Throws a ValidationError naming any missing or malformed credential or `baseUrl`, and a
 * RangeError for a `timeout` or `concurrency` that is not a positive integer.
 * @example
 * const doudian = createDoudianClient({ appId: 'your-appid', appSecret: process.env.FW199_SECRET!,
 *   sellerNick: 'oms38173182' });
 * const results = await doudian.send({ sign: '群荐的铺子', template_id: 'ST_72dd4e2c', messages: [
 *   { order_id: '5001789329480019707', template_param: { name: '顺丰', number: 'sf3813741222' } },
 * ] });
 */
export function createDoudianClient(options: DoudianClientOptions): DoudianClient {
  const gateway = createGatewayCaller(options);
  const concurrency = resolveConcurrency(options.concurrency);

  return {
    async send(request, sendOptions = {}) {
      const { allowDuplicateRecipients } = validateInput(sendOptionsSchema, sendOptions, {
        api: doudianPath,
      });
      return sendGatewayBatch(doudianEndpoint, {
        gateway,
        input: request,
        sellerNick: sendOptions.sellerNick,
        allowDuplicates: allowDuplicateRecipients,
        concurrency,
        signal: sendOptions.signal,
      });
    },
  };
}
