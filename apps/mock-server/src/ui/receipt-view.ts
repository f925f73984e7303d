/**
 * What the page shows of a JST message's delivery receipt: read from the mock's TMC receipt tracker when a
 * row is rendered (the page and the live feed alike), and the key a live receipt event finds its rows by.
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { ReceiptKey } from '../protocol/tmc/receipt-tracker.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { ListItem } from './page-types.js';

/** Only JST sends get receipts. */
export function hasReceipt(message: RecordedMessage): boolean {
  return message.platform === 'taobao-jst';
}

/** The send a JST message's receipt belongs to: its namespace and the `module` its answer gave. */
export function receiptKeyOf(message: RecordedMessage): ReceiptKey {
  return { appKey: message.appKey, module: message.messageId };
}

/** The `data-receipt` value of a row's receipt element (and of a live receipt event for it). */
export function receiptAttribute(key: ReceiptKey): string {
  return `${key.appKey} ${key.module}`;
}

/** The item with its receipt as it stands now (messages of other platforms as they are). */
export function withReceipt(runtime: MockRuntime, item: ListItem): ListItem {
  if (item.kind !== 'message' || !hasReceipt(item.message)) return item;
  const receipts = runtime.tmc.receipts;
  return { ...item, receipt: receipts.enabled ? receipts.tracker.status(receiptKeyOf(item.message)) : 'off' };
}
