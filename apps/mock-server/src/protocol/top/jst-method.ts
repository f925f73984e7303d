/**
 * `taobao.jst.sms.message.send`: one SMS to a phone number, the request as JSON text in
 * `send_message_request`, validated with the adapter's own wire schema.
 *
 * Where the document is silent (README, docs/protocol.md §1.5, §1.6):
 * - `send_message_request` missing → 40; not JSON, or not an object → 41 (the gateway checks top-level
 *   parameters).
 * - a required field inside it missing → 40 `Missing required arguments:send_message_request.<field>`.
 * - `phone_number` present but not a mobile number → 15 `isv.MOBILE_NUMBER_ILLEGAL` 号码格式错误, what the SMS
 *   service answers; any other bad value inside → 50 `isv.invalid-parameter` 非法参数, the JST API document's own
 *   error example.
 * - success: `request_code` "success", `request_success` true, `module` a receipt id, `message` "success"; the
 *   one `request_id` sits where the document lists it.
 */
import {
  jstMethod,
  jstRequestParameter,
  jstResponseKey,
  jstWireSendMessageRequestSchema,
} from '@x/taobao-jst/schemas';
import { smsReceiptId } from '../../state/identifiers.js';
import { invalidArguments, missingArguments, topErrors } from '../errors/top-errors.js';
import { jsonNestsDeeperThan, tooDeepReason } from '../pipeline/json-nesting-limit.js';
import { renderTemplate } from '../pipeline/templates/render-template.js';
import { smsMeasure } from '../pipeline/templates/sms-text.js';
import { isJsonObject, issuePath, type TopMethod } from './top-method.js';

const requiredFields = ['sms_free_sign_name', 'template_code', 'phone_number'] as const;
const optionalFields = [
  'url',
  'extend_name',
  'extend_code',
  'extend',
  'tag',
  'batch_number',
  'channel_type',
  'sms_type',
  'tool_flag',
] as const;

export const jstTopMethod: TopMethod = {
  name: jstMethod,
  responseKey: jstResponseKey,
  platform: 'taobao-jst',
  requiresSession: true,

  validate(params, context) {
    const raw = params[jstRequestParameter];
    if (raw === undefined || raw === '') {
      return {
        ok: false,
        error: missingArguments(jstRequestParameter),
        reason: `${jstRequestParameter} is missing`,
      };
    }
    if (jsonNestsDeeperThan(raw)) {
      const error = invalidArguments(jstRequestParameter);
      return { ok: false, error, reason: tooDeepReason(jstRequestParameter) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return {
        ok: false,
        error: invalidArguments(jstRequestParameter),
        reason: `${jstRequestParameter} is not JSON text`,
      };
    }
    if (!isJsonObject(parsed)) {
      return {
        ok: false,
        error: invalidArguments(jstRequestParameter),
        reason: `${jstRequestParameter} must be a JSON object`,
      };
    }
    for (const field of requiredFields) {
      const value = parsed[field];
      if (value === undefined || value === null || value === '') {
        const name = `${jstRequestParameter}.${field}`;
        return { ok: false, error: missingArguments(name), reason: `${name} is missing` };
      }
    }
    const result = jstWireSendMessageRequestSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = `${jstRequestParameter}.${issuePath(issue?.path ?? [])}`;
      const reason = `${where} ${issue?.message ?? 'is invalid'}`;
      if (issue?.path[0] === 'phone_number')
        return { ok: false, error: topErrors.mobileNumberIllegal, reason };
      return { ok: false, error: topErrors.remoteInvalidParameter, reason };
    }
    const request = result.data;
    const variables: Record<string, unknown> = request.params ?? {};
    const details: Record<string, unknown> = {};
    for (const field of optionalFields) if (request[field] !== undefined) details[field] = request[field];
    const template = context.config.smsTemplate(request.template_code);
    // The document: "${url} is replaced by the url parameter" — unless params names its own url.
    const renderVariables =
      request.url !== undefined && !Object.hasOwn(variables, 'url')
        ? { ...variables, url: request.url }
        : variables;
    const text = template === undefined ? null : renderTemplate(template, renderVariables);
    return {
      ok: true,
      message: {
        platform: 'taobao-jst',
        api: jstMethod,
        appKey: context.appKey,
        seller: context.seller,
        recipient: request.phone_number,
        recipientKind: 'phone',
        signName: request.sms_free_sign_name,
        template: request.template_code,
        variables,
        title: null,
        text,
        ...smsMeasure(request.sms_free_sign_name, text),
        details,
      },
    };
  },

  newMessageId: smsReceiptId,

  successFields(requestId, messageId) {
    return {
      request_code: 'success',
      request_success: true,
      request_id: requestId,
      module: messageId,
      message: 'success',
    };
  },

  rejectionFields(failure, requestId) {
    return {
      request_code: String(failure.code),
      request_success: false,
      request_id: requestId,
      module: null,
      message: failure.message,
    };
  },
};
