/**
 * The TMC methods of TOP, over the same queues as the WebSocket (after the TOP system checks, signature
 * included, which are the pipeline's):
 * - `taobao.tmc.messages.consume`: `group_name` (default `default`), `quantity` 10–200 (default 100) →
 *   `messages.tmc_message[]` of `{id, topic, content, pub_time, pub_app_key, user_id, user_nick}`; the list is
 *   left out when there is nothing to consume, as TOP leaves out empty lists. Consumed messages come back
 *   after the redelivery interval unless confirmed.
 * - `taobao.tmc.messages.confirm`: `group_name`, `s_message_ids` (confirmed) and `f_message_ids` (failed:
 *   they come back), each at most 200 comma-separated ids → `is_success` true. Unknown ids are ignored.
 * - `taobao.tmc.message.produce`: `topic`, `content` (a JSON object) and, optionally, `target_group` →
 *   `is_success` true; the message is published in the caller's namespace, published by the caller.
 * A bad parameter is TOP's 40 (missing) or 41 (invalid) naming it.
 */
import { formatTopTimestamp } from '@x/signing';
import { invalidArguments, missingArguments, type TopError } from '../errors/top-errors.js';
import { maxGroupNameLength } from './connect-check.js';
import { defaultGroupName } from './tmc-broker.js';
import type { TmcMessage } from './tmc-message.js';
import type { TmcService } from './tmc-service.js';
import type { TopAnswerFields } from './tmc-top-answer.js';

export type TmcTopAnswer =
  | { readonly ok: true; readonly responseKey: string; readonly fields: TopAnswerFields }
  | { readonly ok: false; readonly error: TopError; readonly reason: string };

export interface TmcTopMethod {
  /** Tells it apart from the send methods. */
  readonly kind: 'tmc';
  /** The `method` parameter. */
  readonly name: string;
  /** None of them needs a seller's session. */
  readonly requiresSession: false;
  /** The success root key. */
  readonly responseKey: string;
  /** Answers a call of `appKey` (its namespace) that passed TOP's system checks. */
  answer(params: Readonly<Record<string, string>>, appKey: string, tmc: TmcService): TmcTopAnswer;
}

const maxIdsPerConfirm = 200;

export const tmcConsumeMethod: TmcTopMethod = {
  kind: 'tmc',
  name: 'taobao.tmc.messages.consume',
  requiresSession: false,
  responseKey: 'tmc_messages_consume_response',
  answer(params, appKey, tmc) {
    const group = groupName(params);
    if (typeof group !== 'string') return group;
    const quantityText = params.quantity || '100';
    const quantity = /^\d{1,3}$/.test(quantityText) ? Number(quantityText) : Number.NaN;
    if (!(quantity >= 10 && quantity <= 200)) return invalid('quantity', 'must be an integer from 10 to 200');
    const messages = tmc.broker.group(appKey, group).take(quantity);
    const fields: Record<string, TopAnswerFields[string]> = {};
    if (messages.length > 0) fields.messages = { tmc_message: messages.map(consumedMessage) };
    return { ok: true, responseKey: this.responseKey, fields };
  },
};

export const tmcConfirmMethod: TmcTopMethod = {
  kind: 'tmc',
  name: 'taobao.tmc.messages.confirm',
  requiresSession: false,
  responseKey: 'tmc_messages_confirm_response',
  answer(params, appKey, tmc) {
    const group = groupName(params);
    if (typeof group !== 'string') return group;
    const confirmed = messageIds(params, 's_message_ids');
    if (!Array.isArray(confirmed)) return confirmed;
    const failed = messageIds(params, 'f_message_ids');
    if (!Array.isArray(failed)) return failed;
    if (confirmed.length === 0 && failed.length === 0)
      return {
        ok: false,
        error: missingArguments('s_message_ids'),
        reason: 's_message_ids is missing',
      };
    const queue = tmc.broker.findGroup(appKey, group);
    for (const id of confirmed) queue?.confirm(id);
    for (const id of failed) queue?.fail(id, 'failed through taobao.tmc.messages.confirm');
    return { ok: true, responseKey: this.responseKey, fields: { is_success: true } };
  },
};

export const tmcProduceMethod: TmcTopMethod = {
  kind: 'tmc',
  name: 'taobao.tmc.message.produce',
  requiresSession: false,
  responseKey: 'tmc_message_produce_response',
  answer(params, appKey, tmc) {
    const topic = params.topic ?? '';
    if (topic === '') return missing('topic');
    const content = params.content ?? '';
    if (content === '') return missing('content');
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      return invalid('content', 'is not JSON text');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return invalid('content', 'must be a JSON object');
    const target = params.target_group ?? '';
    if (target.length > maxGroupNameLength) return invalid('target_group', 'is longer than 32 characters');
    tmc.broker.publish(appKey, { topic, content }, target === '' ? undefined : target);
    return { ok: true, responseKey: this.responseKey, fields: { is_success: true } };
  },
};

const methods = new Map<string, TmcTopMethod>(
  [tmcConsumeMethod, tmcConfirmMethod, tmcProduceMethod].map((method) => [method.name, method]),
);

/** The TMC method named by a `method` parameter, or undefined. */
export function findTmcTopMethod(name: string): TmcTopMethod | undefined {
  return methods.get(name);
}

/** A message as `consume` lists it. */
function consumedMessage(message: TmcMessage): TopAnswerFields {
  return {
    id: message.id,
    topic: message.topic,
    content: message.content,
    pub_time: formatTopTimestamp(new Date(message.publishedAt)),
    pub_app_key: message.publisher,
    user_id: message.userId,
    user_nick: message.nick,
  };
}

function groupName(params: Readonly<Record<string, string>>): string | TmcTopAnswer {
  const group = params.group_name ?? '';
  if (group === '') return defaultGroupName;
  if (group.length > maxGroupNameLength) return invalid('group_name', 'is longer than 32 characters');
  return group;
}

function messageIds(params: Readonly<Record<string, string>>, name: string): bigint[] | TmcTopAnswer {
  const text = params[name] ?? '';
  if (text === '') return [];
  const parts = text.split(',');
  if (parts.length > maxIdsPerConfirm) return invalid(name, `holds more than ${maxIdsPerConfirm} ids`);
  const ids: bigint[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (!/^\d{1,19}$/.test(trimmed)) return invalid(name, 'must be comma-separated message ids');
    ids.push(BigInt(trimmed));
  }
  return ids;
}

function missing(name: string): TmcTopAnswer {
  return { ok: false, error: missingArguments(name), reason: `${name} is missing` };
}

function invalid(name: string, why: string): TmcTopAnswer {
  return { ok: false, error: invalidArguments(name), reason: `${name} ${why}` };
}
