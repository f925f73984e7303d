/**
 * Wire schemas for the fw199 gateway's `POST /gateway/dd/sms/send` (`docs/protocol.md` §2.4): Douyin shop SMS by order id
 * (`biz_type` 1) or by phone — plain or Douyin ciphertext (`biz_type` 0).
 */
import {
  douyinPhoneOrCiphertext,
  forwardIssues,
  optionalText,
  orderId,
  requiredText,
  templateVariables,
  templateVariablesOrJsonText,
} from '@x/core/schemas';
import { z } from 'zod';

export type {
  DoudianMessage,
  DoudianOrderMessage,
  DoudianPhoneMessage,
  DoudianSendRequest,
} from './doudian-request.js';

export const doudianPath = '/gateway/dd/sms/send';
export const doudianSellerField = 'seller_nick';
export const doudianMaxMessagesPerCall = 100;
export const doudianMaxTagLength = 512;

/** A message to the buyer of an order (sent as `biz_type: 1`). */
export const doudianOrderMessageSchema = z.strictObject({
  order_id: orderId,
  template_param: templateVariables.optional(),
});

/** A message to a phone: plain mobile or Douyin ciphertext (sent as `biz_type: 0`). */
export const doudianPhoneMessageSchema = z.strictObject({
  post_tel: douyinPhoneOrCiphertext,
  template_param: templateVariables.optional(),
});

/** A message that passed `doudianMessageSchema`: `order_id` is now a string of digits. */
export type DoudianParsedMessage =
  | z.output<typeof doudianOrderMessageSchema>
  | z.output<typeof doudianPhoneMessageSchema>;

/**
 * One message: exactly one of `order_id` or `post_tel`, then that variant's rules (named field errors). A
 * field set to `undefined` counts as absent, as it does in the `DoudianMessage` type (`post_tel?: never`
 * accepts `undefined`).
 */
export const doudianMessageSchema = z.unknown().transform((value, context): DoudianParsedMessage => {
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined))
      : undefined;
  const hasOrderId = record !== undefined && 'order_id' in record;
  const hasPhone = record !== undefined && 'post_tel' in record;
  if (hasOrderId === hasPhone) {
    context.addIssue({
      code: 'custom',
      message: 'must have exactly one of order_id (sent as biz_type 1) or post_tel (sent as biz_type 0)',
    });
    return z.NEVER;
  }
  const result = (hasOrderId ? doudianOrderMessageSchema : doudianPhoneMessageSchema).safeParse(record);
  if (!result.success) {
    forwardIssues(result.error.issues, context);
    return z.NEVER;
  }
  return result.data;
});

/** The request schema; each message has exactly one of `order_id` or `post_tel`. */
export const doudianSendRequestSchema = z.strictObject({
  sign: requiredText,
  template_id: requiredText,
  messages: z.array(doudianMessageSchema, { error: 'must be an array of messages' }),
  tag: z
    .string({ error: 'must be a string' })
    .max(doudianMaxTagLength, { message: 'must be at most 512 characters' })
    .optional(),
  user_ext_code: optionalText,
});

/** One `sms_message_list` item as a server receives it. */
export const doudianWireMessageSchema = z.discriminatedUnion('biz_type', [
  z.object({
    biz_type: z.literal(1),
    order_id: z
      .string({ error: 'is required and must be a string' })
      .regex(/^\d+$/, { message: 'must contain digits only' }),
    template_param: templateVariablesOrJsonText.optional(),
  }),
  z.object({
    biz_type: z.literal(0),
    post_tel: douyinPhoneOrCiphertext,
    template_param: templateVariablesOrJsonText.optional(),
  }),
]);

/** `request_data` as a server receives it (before per-item checks, which are per-item results). */
export const doudianWireRequestSchema = z.object({
  sign: requiredText,
  template_id: requiredText,
  sms_message_list: z.array(z.unknown()),
  tag: z.string().max(doudianMaxTagLength, { message: 'must be at most 512 characters' }).optional(),
  user_ext_code: optionalText,
});

/** One item of the response's `data`. `order_id` is empty for `biz_type` 0. */
export const doudianResultItemSchema = z.object({
  code: z.number(),
  message: z.string(),
  order_id: z.string(),
  message_id: z.string(),
});

export type DoudianWireMessage = z.output<typeof doudianWireMessageSchema>;
export type DoudianWireRequest = z.output<typeof doudianWireRequestSchema>;
export type DoudianResultItem = z.output<typeof doudianResultItemSchema>;
