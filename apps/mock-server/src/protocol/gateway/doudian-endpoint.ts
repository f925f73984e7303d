/**
 * `POST /gateway/dd/sms/send`: Douyin shop SMS by order id (`biz_type` 1) or by phone — plain or
 * Douyin ciphertext (`biz_type` 0). `request_data` is one JSON object; its `sms_message_list` holds 1–100 items.
 *
 * Decisions (README): a bad shared field (`sign`, `template_id`, `sms_message_list`, `tag` over 512 characters,
 * `user_ext_code`) fails the call with 40005 `参数错误:<field>`; a bad item is an item result with `code` 40005,
 * `参数错误:<field>`, `message_id` ""; a success says `message: ""` and echoes `order_id` ("" for `biz_type` 0),
 * as the Douyin document shows. Results follow the request's order (its example lists them swapped).
 */
import { douyinCiphertextPattern } from '@x/core/schemas';
import {
  doudianMaxMessagesPerCall,
  doudianPath,
  doudianSellerField,
  doudianWireMessageSchema,
  doudianWireRequestSchema,
} from '@x/doudian-sms/schemas';
import { douyinMessageId } from '../../state/identifiers.js';
import { invalidParameter } from '../errors/gateway-errors.js';
import { jsonNestsDeeperThan, tooDeepReason } from '../pipeline/json-nesting-limit.js';
import { renderTemplate } from '../pipeline/templates/render-template.js';
import { smsMeasure } from '../pipeline/templates/sms-text.js';
import {
  echoedId,
  firstField,
  type GatewayEndpoint,
  isJsonObject,
  itemCountProblem,
  parseWireItem,
} from './gateway-endpoint.js';

export const doudianEndpoint: GatewayEndpoint = {
  path: doudianPath,
  platform: 'doudian-sms',
  sellerField: doudianSellerField,

  parseRequestData(raw) {
    const error = invalidParameter('request_data');
    if (raw === undefined || raw === '') return { ok: false, error, reason: 'request_data is missing' };
    if (jsonNestsDeeperThan(raw)) return { ok: false, error, reason: tooDeepReason('request_data') };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { ok: false, error, reason: 'request_data is not JSON text' };
    }
    if (!isJsonObject(data)) return { ok: false, error, reason: 'request_data must be a JSON object' };
    const parsed = doudianWireRequestSchema.safeParse(data);
    if (!parsed.success) {
      const field = firstField(parsed.error.issues, 'request_data');
      return {
        ok: false,
        error: invalidParameter(field),
        reason: `${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
      };
    }
    const request = parsed.data;
    const items = request.sms_message_list;
    const countProblem = itemCountProblem(items.length, doudianMaxMessagesPerCall, {
      name: 'sms_message_list',
      noun: 'messages',
      emptyError: invalidParameter('sms_message_list'),
    });
    if (countProblem) return countProblem;
    const shared: Record<string, unknown> = {};
    if (request.tag !== undefined) shared.tag = request.tag;
    if (request.user_ext_code !== undefined) shared.user_ext_code = request.user_ext_code;
    return {
      ok: true,
      items,
      validateItem(item, context) {
        const result = parseWireItem(item, doudianWireMessageSchema);
        if (!result.ok) return result;
        const message = result.data;
        const recipient = message.biz_type === 1 ? message.order_id : message.post_tel;
        const variables = message.template_param ?? {};
        const template = context.config.smsTemplate(request.template_id);
        const text = template === undefined ? null : renderTemplate(template, variables);
        return {
          ok: true,
          message: {
            platform: 'doudian-sms',
            api: doudianPath,
            appKey: context.appId,
            seller: context.seller,
            recipient,
            recipientKind:
              message.biz_type === 1
                ? 'order'
                : douyinCiphertextPattern.test(recipient)
                  ? 'douyin-ciphertext'
                  : 'phone',
            signName: request.sign,
            template: request.template_id,
            variables,
            title: null,
            text,
            ...smsMeasure(request.sign, text),
            details: { biz_type: message.biz_type, ...shared },
          },
        };
      },
    };
  },

  successItem(_item, message) {
    const messageId = douyinMessageId();
    return {
      messageId,
      fields: {
        code: 0,
        message: '',
        order_id: message.recipientKind === 'order' ? message.recipient : '',
        message_id: messageId,
      },
    };
  },

  failureItem(item, failure) {
    const source = isJsonObject(item) ? item : {};
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      message: failure.message,
      order_id: source.biz_type === 1 ? echoedId(source.order_id) : '',
      message_id: '',
    };
  },
};
