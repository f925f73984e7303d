/** What the page's components render: one list row, the namespaces with their counts, one whole page. */
import type { SmsReceiptStatus } from '../protocol/tmc/receipt-tracker.js';

/** A JST message's receipt as the page shows it: its status, or `off` when the mock publishes none (`tmc.receipts`). */
export type ShownReceipt = SmsReceiptStatus | 'off';

import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';
import type { PageQuery } from './page-query.js';

/**
 * One row of the list: a message that went out, or (in the message list) a request answered with an error.
 * A JST message carries where its delivery receipt stands when it is rendered (undefined: not tracked).
 */
export type ListItem =
  | { kind: 'message'; message: RecordedMessage; receipt?: ShownReceipt | undefined }
  | { kind: 'request'; entry: JournalEntry };

/** What one namespace holds, for its chip: each tab shows its own count. */
export interface NamespaceCount {
  app: string;
  /** Messages in the inbox. */
  messages: number;
  /** Requests the message list shows beside them: rejected sends and partly failed ones. */
  failedSends: number;
  /** Requests in the journal. */
  requests: number;
}

/** The counters the page shows outside the list: tab totals and namespace chips. */
export interface PageCounts {
  totals: { messages: number; requests: number };
  namespaces: NamespaceCount[];
}

export interface PageModel extends PageCounts {
  query: PageQuery;
  items: ListItem[];
  /** How many items matched before the list was cut to `items`. */
  matched: number;
  /** `<last message id>.<last journal id>`: where the event stream picks up. */
  cursor: string;
  /** The receipt tracker's version when the page was read: receipt changes after it come over the stream. */
  receiptVersion: number;
  templates: string[];
  /** This page's own URL (path and query), where a "clear" comes back to. */
  self: string;
}
