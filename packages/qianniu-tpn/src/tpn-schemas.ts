/**
 * Wire schemas for `taobao.tpn.template.message.send` (`docs/protocol.md` §1). Ids may exceed 2^53 and travel as exact
 * decimals; the four Json-typed parameters travel as JSON text.
 */
import {
  decimalId,
  decimalIdText,
  jsonObject,
  objectOrJsonText,
  optionalText,
  requiredText,
} from '@x/core/schemas';
import { z } from 'zod';

export const tpnMethod = 'taobao.tpn.template.message.send';
export const tpnResponseKey = 'tpn_template_message_send_response';
/** The parameters whose wire form is JSON text. */
export const tpnJsonParameters = ['biz_data', 'mobile_biz_data', 'title_param', 'content_param'] as const;

/** What a caller passes to `send()`. Unknown keys are rejected. */
export const tpnSendRequestSchema = z.strictObject({
  template_key: requiredText,
  template_id: decimalId,
  user_id: decimalId,
  sub_user_id: decimalId.optional(),
  biz_id: decimalId,
  biz_data: jsonObject.optional(),
  mobile_biz_data: jsonObject.optional(),
  title_param: jsonObject.optional(),
  content_param: jsonObject.optional(),
  picture: optionalText,
  pict: optionalText,
});

/** The business parameters as a server receives them: flat strings, JSON text for the Json-typed ones. */
export const tpnWireRequestSchema = z.object({
  template_key: requiredText,
  template_id: decimalIdText,
  user_id: decimalIdText,
  sub_user_id: decimalIdText.optional(),
  biz_id: decimalIdText,
  biz_data: objectOrJsonText(jsonObject).optional(),
  mobile_biz_data: objectOrJsonText(jsonObject).optional(),
  title_param: objectOrJsonText(jsonObject).optional(),
  content_param: objectOrJsonText(jsonObject).optional(),
  picture: optionalText,
  pict: optionalText,
});

/** The documented response fields. `is_success: false` is a business rejection the caller must look at. */
export const tpnSendResponseSchema = z.object({
  result: z.string().optional(),
  is_success: z.boolean(),
  error_msg: z.string().optional(),
});

export type TpnSendRequest = z.input<typeof tpnSendRequestSchema>;
export type TpnWireRequest = z.output<typeof tpnWireRequestSchema>;
export type TpnSendResponse = z.output<typeof tpnSendResponseSchema>;
