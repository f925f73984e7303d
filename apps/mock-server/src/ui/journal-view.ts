/**
 * What the page reads out of a request-journal entry: which platform it was for and, best effort, who and
 * what it tried to send — so a rejected request can stand in the message list beside the messages that
 * went out, and be filtered the same way. Parameters are read as journaled (secrets masked).
 */
import { doudianPath } from '@x/doudian-sms/schemas';
import { tpnMethod } from '@x/qianniu-tpn/schemas';
import { jstMethod, jstRequestParameter } from '@x/taobao-jst/schemas';
import { tidPath } from '@x/taobao-tid/schemas';
import type { MessagePlatform, RecipientKind } from '../state/recorded-message.js';
import type { FailedItem, JournalEntry } from '../state/request-journal.js';

export interface AttemptRecipient {
  value: string;
  kind: RecipientKind;
}

/** Who and what a request tried to send, as far as its parameters tell. */
export interface AttemptSummary {
  platform: MessagePlatform | undefined;
  recipients: AttemptRecipient[];
  signName: string | undefined;
  template: string | undefined;
}

export function platformOfApi(api: string | null): MessagePlatform | undefined {
  switch (api) {
    case jstMethod:
      return 'taobao-jst';
    case tpnMethod:
      return 'qianniu-tpn';
    case tidPath:
      return 'taobao-tid';
    case doudianPath:
      return 'doudian-sms';
    default:
      return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const mobileNumber = /^1\d{10}$/;

export function summarizeRequest(entry: JournalEntry): AttemptSummary {
  const platform = platformOfApi(entry.api);
  const params = entry.params;
  const summary: AttemptSummary = { platform, recipients: [], signName: undefined, template: undefined };
  const add = (value: unknown, kind: RecipientKind) => {
    const text = idText(value);
    if (text !== undefined) summary.recipients.push({ value: text, kind });
  };
  switch (platform) {
    case 'taobao-jst': {
      const request = parseJson(params[jstRequestParameter]);
      if (!isObject(request)) break;
      add(request.phone_number, 'phone');
      summary.signName = idText(request.sms_free_sign_name);
      summary.template = idText(request.template_code);
      break;
    }
    case 'qianniu-tpn':
      add(params.user_id, 'qianniu-user');
      summary.template = idText(params.template_key);
      break;
    case 'taobao-tid': {
      const items = parseJson(params.request_data);
      if (!Array.isArray(items)) break;
      for (const item of items) {
        if (!isObject(item)) continue;
        add(item.order_id, 'order');
        summary.signName ??= idText(item.sms_free_sign_name);
        summary.template ??= idText(item.template_code);
      }
      break;
    }
    case 'doudian-sms': {
      const request = parseJson(params.request_data);
      if (!isObject(request)) break;
      summary.signName = idText(request.sign);
      summary.template = idText(request.template_id);
      const list = Array.isArray(request.sms_message_list) ? request.sms_message_list : [];
      for (const item of list) {
        if (!isObject(item)) continue;
        if (item.order_id !== undefined && item.order_id !== '') add(item.order_id, 'order');
        else {
          const phone = idText(item.post_tel);
          if (phone !== undefined) add(phone, mobileNumber.test(phone) ? 'phone' : 'douyin-ciphertext');
        }
      }
      break;
    }
    default:
      break;
  }
  return summary;
}

/** Messages an accepted request's answer failed (gateway items, a JST / TPN business rejection); 0 otherwise. */
export function failedItemsOf(entry: JournalEntry): number {
  return entry.verdict.outcome === 'accepted' ? entry.verdict.failedItems : 0;
}

/** A send the message list shows beside the messages: answered with an error, or with failed items. */
export function isFailedSend(entry: JournalEntry): boolean {
  return entry.verdict.outcome === 'rejected' || failedItemsOf(entry) > 0;
}

/** One failed item as the page shows it: the verdict's item, and who it was for when the request says. */
export interface FailedItemView extends FailedItem {
  recipient: AttemptRecipient | undefined;
}

/** The batch items of a gateway request, as received (an empty list when they cannot be read). */
function batchItems(entry: JournalEntry, platform: MessagePlatform | undefined): unknown[] {
  const data = parseJson(entry.params.request_data);
  if (platform === 'taobao-tid') return Array.isArray(data) ? data : [];
  if (platform === 'doudian-sms' && isObject(data) && Array.isArray(data.sms_message_list)) {
    return data.sms_message_list;
  }
  return [];
}

/** Who a batch item was for: its order id, else (Douyin) its phone number or ciphertext. */
function itemRecipient(item: unknown): AttemptRecipient | undefined {
  if (!isObject(item)) return undefined;
  const orderId = idText(item.order_id);
  if (orderId !== undefined) return { value: orderId, kind: 'order' };
  const phone = idText(item.post_tel) ?? idText(item.phone_number);
  if (phone === undefined) return undefined;
  return {
    value: phone,
    kind: mobileNumber.test(phone) || !phone.includes('$') ? 'phone' : 'douyin-ciphertext',
  };
}

/** Each item the answer failed, with its order id (or recipient) and the platform's code and message. */
export function failedItemViews(entry: JournalEntry): FailedItemView[] {
  if (entry.verdict.outcome !== 'accepted') return [];
  const failures = entry.verdict.failures ?? [];
  if (failures.length === 0) return [];
  const summary = summarizeRequest(entry);
  const items = batchItems(entry, summary.platform);
  return failures.map((failure) => {
    const fromBatch = itemRecipient(items[failure.item]);
    const recipient =
      fromBatch ??
      (failure.orderId !== null ? { value: failure.orderId, kind: 'order' } : summary.recipients[0]);
    return { ...failure, recipient };
  });
}

/** Everything the search box looks through in a journal entry, lower-cased. */
export function requestHaystack(entry: JournalEntry): string {
  const verdict =
    entry.verdict.outcome === 'rejected'
      ? [
          String(entry.verdict.code),
          entry.verdict.message,
          entry.verdict.subCode ?? '',
          entry.verdict.subMessage ?? '',
          entry.verdict.reason,
        ]
      : [];
  return [
    entry.api ?? '',
    entry.path,
    entry.appKey ?? '',
    entry.requestId,
    ...verdict,
    ...entry.notes,
    JSON.stringify(entry.params),
  ]
    .join('\n')
    .toLowerCase();
}
