/**
 * What one render of the page shows, read from the inbox and the journal: the filtered list (messages that
 * went out and, in the message list, the sends answered with an error, merged newest first), the namespaces
 * with their counts, and the cursor the event stream continues from.
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';
import { isFailedSend, requestHaystack, summarizeRequest } from './journal-view.js';
import { messageHaystack } from './message-view.js';
import { NamespaceTally } from './page-counts.js';
import type { PageQuery } from './page-query.js';
import type { ListItem, PageModel } from './page-types.js';
import { withReceipt } from './receipt-view.js';

/** At most this many items are rendered; the rest are counted ("narrow the filters"). */
export const pageItemLimit = 200;

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

export function messageMatches(message: RecordedMessage, query: PageQuery): boolean {
  if (query.view !== 'messages' || query.outcome === 'rejected') return false;
  return (
    (query.platform === undefined || message.platform === query.platform) &&
    (query.app === undefined || message.appKey === query.app) &&
    (query.template === undefined ||
      message.template === query.template ||
      message.details.template_id === query.template) &&
    (query.recipient === undefined || contains(message.recipient, query.recipient)) &&
    (query.search === undefined || messageHaystack(message).includes(query.search.toLowerCase()))
  );
}

/**
 * In the message list only sends that failed count — a request answered with an error, or one whose answer
 * failed some of its messages (the messages that went out are listed themselves); in the journal every request.
 */
export function requestMatches(entry: JournalEntry, query: PageQuery): boolean {
  const failed = isFailedSend(entry);
  if (query.view === 'messages') {
    if (query.outcome === 'sent' || !failed) return false;
  } else {
    // A partly failed request is both: accepted, and failed for some of its messages.
    if (query.outcome === 'sent' && entry.verdict.outcome === 'rejected') return false;
    if (query.outcome === 'rejected' && !failed) return false;
  }
  if (query.app !== undefined && entry.appKey !== query.app) return false;
  if (query.search !== undefined && !requestHaystack(entry).includes(query.search.toLowerCase()))
    return false;
  if (query.platform === undefined && query.template === undefined && query.recipient === undefined)
    return true;
  const summary = summarizeRequest(entry);
  const recipient = query.recipient;
  return (
    (query.platform === undefined || summary.platform === query.platform) &&
    (query.template === undefined || summary.template === query.template) &&
    (recipient === undefined || summary.recipients.some((candidate) => contains(candidate.value, recipient)))
  );
}

/** `<last message id>.<last journal id>`. */
export function cursorOf(runtime: MockRuntime): string {
  return `${runtime.inbox.statistics.recorded}.${runtime.journal.statistics.recorded}`;
}

export interface Cursor {
  message: number;
  request: number;
}

export function parseCursor(text: string | undefined): Cursor | undefined {
  const match = text === undefined ? null : /^(\d{1,15})\.(\d{1,15})$/.exec(text);
  return match === null ? undefined : { message: Number(match[1]), request: Number(match[2]) };
}

export function buildPageModel(runtime: MockRuntime, query: PageQuery, self: string): PageModel {
  // Read the cursor first: anything recorded while the page renders comes again over the stream (the page
  // drops duplicates by id), rather than being missed.
  const cursor = cursorOf(runtime);
  const receiptVersion = runtime.tmc.receipts.tracker.version;
  const tally = new NamespaceTally();
  const templates = new Set<string>();

  const messages: ListItem[] = [];
  let matchedMessages = 0;
  for (const message of runtime.inbox.newestFirst()) {
    tally.addMessage(message);
    templates.add(message.template);
    if (!messageMatches(message, query)) continue;
    matchedMessages++;
    if (messages.length < pageItemLimit) messages.push({ kind: 'message', message });
  }

  const requests: ListItem[] = [];
  let matchedRequests = 0;
  for (const entry of runtime.journal.newestFirst({ withSignatureAsSent: query.reveal })) {
    tally.addRequest(entry);
    if (!requestMatches(entry, query)) continue;
    matchedRequests++;
    if (requests.length < pageItemLimit) requests.push({ kind: 'request', entry });
  }

  return {
    query,
    items: mergeNewestFirst(messages, requests)
      .slice(0, pageItemLimit)
      .map((item) => withReceipt(runtime, item)),
    matched: matchedMessages + matchedRequests,
    cursor,
    receiptVersion,
    namespaces: tally.namespaces(),
    templates: [...templates].sort(),
    totals: { messages: runtime.inbox.statistics.stored, requests: runtime.journal.statistics.stored },
    self,
  };
}

function receivedAt(item: ListItem): string {
  return item.kind === 'message' ? item.message.receivedAt : item.entry.receivedAt;
}

/** Both lists are newest first; ties put the message first. */
function mergeNewestFirst(messages: ListItem[], requests: ListItem[]): ListItem[] {
  const merged: ListItem[] = [];
  let left = 0;
  let right = 0;
  while (left < messages.length || right < requests.length) {
    const message = messages[left];
    const request = requests[right];
    if (request === undefined || (message !== undefined && receivedAt(message) >= receivedAt(request))) {
      merged.push(message as ListItem);
      left++;
    } else {
      merged.push(request);
      right++;
    }
  }
  return merged;
}
