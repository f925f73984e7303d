/**
 * Wire schemas for the fw199 gateway's `POST /gateway/taobao/jst/sms/tid/send` (`docs/protocol.md` §2.3): one item per order,
 * `request_data` is a JSON array of 1–100 items.
 */
import {
  optionalText,
  orderId,
  requiredText,
  templateVariables,
  templateVariablesOrJsonText,
} from '@x/core/schemas';
import { z } from 'zod';

export const tidPath = '/gateway/taobao/jst/sms/tid/send';
/** The form field naming the seller for this endpoint. */
export const tidSellerField = 'tb_seller_nick';
export const tidMaxItemsPerCall = 100;

const optionalItemFields = {
  extend_name: optionalText,
  extend_code: optionalText,
  extend: optionalText,
  /** Ask for `module` (receipt code and name length) in the result. */
  additional_info: z.boolean({ error: 'must be a boolean' }).optional(),
};

/** One item as a caller passes it. Unknown keys are rejected. */
export const tidSendItemSchema = z.strictObject({
  order_id: orderId,
  sms_free_sign_name: requiredText,
  template_code: requiredText,
  params: templateVariables.optional(),
  ...optionalItemFields,
});

/** One item of `request_data` as a server receives it (`params` as an object or JSON text). */
export const tidWireItemSchema = z.object({
  order_id: z
    .string({ error: 'is required and must be a string' })
    .regex(/^\d+$/, { message: 'must contain digits only' }),
  sms_free_sign_name: requiredText,
  template_code: requiredText,
  params: templateVariablesOrJsonText.optional(),
  ...optionalItemFields,
});

/** One item of the response's `data`: `code` 0 is sent; `module` is null unless `additional_info` was true. */
export const tidResultItemSchema = z.object({
  order_id: z.string(),
  code: z.number(),
  message: z.string(),
  request_id: z.string(),
  module: z.object({ code: z.string(), nameLen: z.number() }).nullable().optional(),
});

export type TidSendItem = z.input<typeof tidSendItemSchema>;
export type TidWireItem = z.output<typeof tidWireItemSchema>;
export type TidResultItem = z.output<typeof tidResultItemSchema>;
