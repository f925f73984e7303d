/**
 * Wire schemas for `taobao.jst.sms.message.send` (`docs/protocol.md` §1): what the client accepts, what the mock server
 * accepts in `send_message_request`, and the documented response. Field names are the documented wire names.
 */
import {
  httpUrl,
  mainlandPhoneNumber,
  optionalText,
  requiredText,
  templateVariables,
  templateVariablesOrJsonText,
} from '@x/core/schemas';
import { z } from 'zod';

export const jstMethod = 'taobao.jst.sms.message.send';
/** The success envelope's root key: the method without `taobao.`, dots → `_`, plus `_response`. */
export const jstResponseKey = 'jst_sms_message_send_response';
/** The TOP parameter that carries the request struct as JSON text. */
export const jstRequestParameter = 'send_message_request';

const documentedOptionalFields = {
  url: z.union([z.literal(''), httpUrl]).optional(),
  extend_name: optionalText,
  extend_code: optionalText,
  extend: optionalText,
  tag: optionalText,
  batch_number: optionalText,
  /** @default "2" on the platform; sent only when given. */
  channel_type: optionalText,
  /** @default "normal" on the platform; sent only when given. */
  sms_type: optionalText,
  /** @default "0" on the platform; sent only when given. */
  tool_flag: optionalText,
};

/** What a caller passes to `send()`: the documented `SendMessageRequest`, `params` as an object. Unknown keys are rejected (a typo must not silently drop a field). */
export const jstSendMessageRequestSchema = z.strictObject({
  sms_free_sign_name: requiredText,
  template_code: requiredText,
  phone_number: mainlandPhoneNumber,
  params: templateVariables.optional(),
  ...documentedOptionalFields,
});

/** `send_message_request` as a server receives it: `params` as a JSON string (our clients) or an object (relays). Unknown keys are ignored, as the platform does. */
export const jstWireSendMessageRequestSchema = z.object({
  sms_free_sign_name: requiredText,
  template_code: requiredText,
  phone_number: mainlandPhoneNumber,
  params: templateVariablesOrJsonText.optional(),
  ...documentedOptionalFields,
});

/** The documented response fields. `request_success: false` is a business rejection, not a transport error. */
export const jstSendResponseSchema = z.object({
  request_code: z.string(),
  request_success: z.boolean(),
  request_id: z.string(),
  module: z.string().nullable().optional(),
  message: z.string(),
});

export type JstSendMessageRequest = z.input<typeof jstSendMessageRequestSchema>;
export type JstWireSendMessageRequest = z.output<typeof jstWireSendMessageRequestSchema>;
export type JstSendResponse = z.output<typeof jstSendResponseSchema>;
