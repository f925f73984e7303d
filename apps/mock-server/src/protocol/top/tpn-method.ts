/**
 * `taobao.tpn.template.message.send`: a Qianniu template message to a seller's account. Every
 * business parameter is top-level, so the gateway's own checks apply: a required one missing → 40, a bad
 * value (an id that is not a decimal, a Json parameter that is not a JSON object) → 41.
 *
 * Success (docs/protocol.md §1.5): `result` (the message id, a decimal string), `is_success` true, then
 * `request_id`; `error_msg` only on a rejection.
 */
import { tpnJsonParameters, tpnMethod, tpnResponseKey, tpnWireRequestSchema } from '@x/qianniu-tpn/schemas';
import { qianniuMessageId } from '../../state/identifiers.js';
import { invalidArguments, missingArguments } from '../errors/top-errors.js';
import { jsonNestsDeeperThan, tooDeepReason } from '../pipeline/json-nesting-limit.js';
import { renderTemplate } from '../pipeline/templates/render-template.js';
import { issuePath, type TopMethod } from './top-method.js';

/** In the document's order. */
const requiredParameters = ['template_key', 'template_id', 'user_id', 'biz_id'] as const;
const detailParameters = [
  'template_id',
  'sub_user_id',
  'biz_id',
  'biz_data',
  'mobile_biz_data',
  'title_param',
  'content_param',
  'picture',
  'pict',
] as const;

export const tpnTopMethod: TopMethod = {
  name: tpnMethod,
  responseKey: tpnResponseKey,
  platform: 'qianniu-tpn',
  requiresSession: false,

  validate(params, context) {
    for (const name of requiredParameters) {
      if (params[name] === undefined || params[name] === '') {
        return { ok: false, error: missingArguments(name), reason: `${name} is missing` };
      }
    }
    for (const name of tpnJsonParameters) {
      const text = params[name];
      if (text !== undefined && jsonNestsDeeperThan(text)) {
        return { ok: false, error: invalidArguments(name), reason: tooDeepReason(name) };
      }
    }
    const result = tpnWireRequestSchema.safeParse(params);
    if (!result.success) {
      const issue = result.error.issues[0];
      const name = String(issue?.path[0] ?? 'unknown');
      return {
        ok: false,
        error: invalidArguments(name),
        reason: `${issuePath(issue?.path ?? [])} ${issue?.message ?? 'is invalid'}`,
      };
    }
    const request = result.data;
    const details: Record<string, unknown> = {};
    for (const name of detailParameters) if (request[name] !== undefined) details[name] = request[name];
    const template = context.config.qianniuTemplate(request.template_key);
    const titleVariables = request.title_param ?? {};
    const contentVariables = request.content_param ?? {};
    return {
      ok: true,
      message: {
        platform: 'qianniu-tpn',
        api: tpnMethod,
        appKey: context.appKey,
        seller: context.seller,
        recipient: request.user_id,
        recipientKind: 'qianniu-user',
        signName: null,
        template: request.template_key,
        variables: contentVariables,
        title: template?.title === undefined ? null : renderTemplate(template.title, titleVariables),
        text: template?.content === undefined ? null : renderTemplate(template.content, contentVariables),
        // Not an SMS: no length or segments.
        length: null,
        segments: null,
        details,
      },
    };
  },

  newMessageId: qianniuMessageId,

  successFields(requestId, messageId) {
    return { result: messageId, is_success: true, request_id: requestId };
  },

  rejectionFields(failure, requestId) {
    return { error_msg: failure.message, is_success: false, request_id: requestId };
  },
};
