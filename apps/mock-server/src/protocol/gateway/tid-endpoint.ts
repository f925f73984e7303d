/**
 * `POST /gateway/taobao/jst/sms/tid/send`: Taobao SMS by order id. `request_data` is a JSON array of
 * 1–100 items, each validated with the adapter's wire schema; a bad item is an item result, not a call failure.
 *
 * Decisions (README): a failed item is `code` 40005 with `参数错误:<field>`, `request_id` "" and — when
 * `additional_info` is true — `module: {code: "", nameLen: 0}`, like the TID document's failed item; `module` is null
 * unless `additional_info` is true (docs/protocol.md §2.3); `nameLen` is the length of `extend_code` (the TID
 * document's "888" gives 3); a success says `message: "success"`.
 */
import { tidMaxItemsPerCall, tidPath, tidSellerField, tidWireItemSchema } from '@x/taobao-tid/schemas';
import { smsReceiptId, topRequestId } from '../../state/identifiers.js';
import { invalidParameter } from '../errors/gateway-errors.js';
import { jsonNestsDeeperThan, tooDeepReason } from '../pipeline/json-nesting-limit.js';
import { renderTemplate } from '../pipeline/templates/render-template.js';
import { smsMeasure } from '../pipeline/templates/sms-text.js';
import {
  echoedId,
  type GatewayEndpoint,
  isJsonObject,
  itemCountProblem,
  parseWireItem,
} from './gateway-endpoint.js';

const detailFields = ['extend_name', 'extend_code', 'extend', 'additional_info'] as const;

export const tidEndpoint: GatewayEndpoint = {
  path: tidPath,
  platform: 'taobao-tid',
  sellerField: tidSellerField,

  parseRequestData(raw) {
    const error = invalidParameter('request_data');
    if (raw === undefined || raw === '') return { ok: false, error, reason: 'request_data is missing' };
    if (jsonNestsDeeperThan(raw)) return { ok: false, error, reason: tooDeepReason('request_data') };
    let items: unknown;
    try {
      items = JSON.parse(raw);
    } catch {
      return { ok: false, error, reason: 'request_data is not JSON text' };
    }
    if (!Array.isArray(items))
      return { ok: false, error, reason: 'request_data must be a JSON array of items' };
    const countProblem = itemCountProblem(items.length, tidMaxItemsPerCall, {
      name: 'request_data',
      noun: 'items',
      emptyError: error,
    });
    if (countProblem) return countProblem;
    return {
      ok: true,
      items,
      validateItem(item, context) {
        const result = parseWireItem(item, tidWireItemSchema);
        if (!result.ok) return result;
        const data = result.data;
        const details: Record<string, unknown> = {};
        for (const field of detailFields) if (data[field] !== undefined) details[field] = data[field];
        const variables = data.params ?? {};
        const template = context.config.smsTemplate(data.template_code);
        const text = template === undefined ? null : renderTemplate(template, variables);
        return {
          ok: true,
          message: {
            platform: 'taobao-tid',
            api: tidPath,
            appKey: context.appId,
            seller: context.seller,
            recipient: data.order_id,
            recipientKind: 'order',
            signName: data.sms_free_sign_name,
            template: data.template_code,
            variables,
            title: null,
            text,
            ...smsMeasure(data.sms_free_sign_name, text),
            details,
          },
        };
      },
    };
  },

  successItem(item, message) {
    const requestId = topRequestId();
    const receipt = smsReceiptId();
    const source = item as Record<string, unknown>;
    const extendCode = typeof source.extend_code === 'string' ? source.extend_code : '';
    return {
      messageId: requestId,
      fields: {
        order_id: message.recipient,
        code: 0,
        message: 'success',
        request_id: requestId,
        module: source.additional_info === true ? { code: receipt, nameLen: extendCode.length } : null,
      },
      details: { receipt },
    };
  },

  failureItem(item, failure) {
    const source = isJsonObject(item) ? item : {};
    return {
      order_id: echoedId(source.order_id),
      code: typeof failure.code === 'number' ? failure.code : 1,
      message: failure.message,
      request_id: '',
      module: source.additional_info === true ? { code: '', nameLen: 0 } : null,
    };
  },
};
