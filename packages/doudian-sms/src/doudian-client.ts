/**
 * The client for the fw199 gateway's `POST /gateway/dd/sms/send` (seed 002): validates the request and every
 * message (and refuses repeated recipients) before anything is sent, encodes each message with its `biz_type`
 * and `template_param` as a JSON string, sends the messages in calls of at most 100 — `sign`, `template_id`,
 * `tag` and `user_ext_code` repeated on each — a bounded number at a time, and returns one result per message
 * in input order.
 */
import {
  alignByKey,
  createGatewayCaller,
  findDuplicateKeys,
  type GatewayCallerOptions,
  resolveConcurrency,
  sendInChunks,
  validateInput,
} from '@x/core';
import { z } from 'zod';
import { type DoudianWireMessageOut, doudianRequestData, encodeDoudianMessage } from './doudian-encoding.js';
import { answerKeyOf, type DoudianRecipient, duplicateKeyOf, recipientOf } from './doudian-recipients.js';
import type { DoudianSendRequest } from './doudian-request.js';
import { type DoudianSendResult, type DoudianSentFields, toDoudianResult } from './doudian-results.js';
import {
  doudianMaxMessagesPerCall,
  doudianPath,
  doudianResultItemSchema,
  doudianSellerField,
  doudianSendRequestSchema,
} from './doudian-schemas.js';

/** Options of `createDoudianSmsClient`: gateway credentials, transport options and how many calls run at once. */
export interface DoudianSmsClientOptions extends GatewayCallerOptions {
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
}

/** A client for Douyin shop SMS through the fw199 gateway. */
export interface DoudianSmsClient {
  /**
   * Sends one SMS per message, any number of messages: chunked by 100, `concurrency` calls at a time.
   *
   * Rejects only with a ValidationError, before anything is sent (no messages, a malformed field, a repeated
   * recipient). Everything after that is a result: one per message, in input order — a message the gateway
   * refused, and every message of a call that failed (with the error and whether it may have been sent), is
   * `ok: false`.
   */
  send(request: DoudianSendRequest, options?: DoudianSendOptions): Promise<DoudianSendResult[]>;
}

const sendOptionsSchema = z.object(
  {
    allowDuplicateRecipients: z.boolean({ error: 'must be a boolean' }).optional(),
  },
  { error: 'must be an object' },
);

/** A message ready to send: its wire form, the key its result echoes, and the recipient its result shows. */
interface PreparedMessage {
  readonly wire: DoudianWireMessageOut;
  /** What the gateway echoes in the result's `order_id`: the order id, or "" for a message to a phone. */
  readonly answerKey: string;
  readonly recipient: DoudianRecipient;
}

/**
 * Creates a client. Throws a ValidationError naming any missing or malformed credential or `baseUrl`, and a
 * RangeError for a `timeout` or `concurrency` that is not a positive integer.
 * @example
 * const doudian = createDoudianSmsClient({ appId: 'your-appid', appSecret: process.env.FW199_SECRET!,
 *   sellerNick: 'oms38173182' });
 * const results = await doudian.send({ sign: '群荐的铺子', template_id: 'ST_72dd4e2c', messages: [
 *   { order_id: '5001789329480019707', template_param: { name: '顺丰', number: 'sf3813741222' } },
 * ] });
 */
export function createDoudianSmsClient(options: DoudianSmsClientOptions): DoudianSmsClient {
  const gateway = createGatewayCaller(options);
  const concurrency = resolveConcurrency(options.concurrency);

  return {
    async send(request, sendOptions = {}) {
      const { allowDuplicateRecipients } = validateInput(sendOptionsSchema, sendOptions, {
        api: doudianPath,
      });
      const sellerNick = gateway.sellerFor(doudianPath, sendOptions.sellerNick);
      const valid = validateInput(doudianSendRequestSchema, request, { api: doudianPath });
      if (!allowDuplicateRecipients) {
        // The same recipient twice would text that person twice: almost always a bug upstream (a retried job,
        // a merged list), so it is refused before anything is sent unless the caller says it is on purpose.
        const duplicate = findDuplicateKeys(valid.messages, {
          api: doudianPath,
          listField: 'messages',
          keyOf: duplicateKeyOf,
          consequence:
            'that recipient would be texted twice (pass allowDuplicateRecipients: true to send both)',
        });
        if (duplicate) throw duplicate;
      }
      // Encoded before the first call, so a template variable that is not JSON fails validation, not a call.
      const prepared: PreparedMessage[] = valid.messages.map((message, index) => ({
        wire: encodeDoudianMessage(message, index),
        answerKey: answerKeyOf(message),
        recipient: recipientOf(message),
      }));

      return sendInChunks<
        PreparedMessage,
        Omit<DoudianSentFields, 'ok'> & DoudianRecipient,
        DoudianRecipient
      >({
        api: doudianPath,
        items: prepared,
        itemsField: 'messages',
        chunkSize: doudianMaxMessagesPerCall,
        concurrency,
        echo: (message) => message.recipient,
        sendChunk: async (chunk) => {
          const answer = await gateway.call({
            path: doudianPath,
            sellerField: doudianSellerField,
            requestData: doudianRequestData(
              valid,
              chunk.map((message) => message.wire),
            ),
            item: doudianResultItemSchema,
            sellerNick,
          });
          // Positions cannot be trusted (the seed document's own example answers in swapped order), but each
          // result echoes `order_id`: messages to orders pair by it, messages to phones with the "" results in
          // order. A key answered a different number of times than it was sent (three phones, two "" results)
          // cannot be paired: all its messages become missing-result failures (maybe sent) — no guess.
          return alignByKey(
            chunk,
            answer.items,
            (message) => message.answerKey,
            (result) => result.order_id,
            { strict: true },
          ).map((result, index) => result && toDoudianResult(result, chunk[index]!.recipient));
        },
      });
    },
  };
}
