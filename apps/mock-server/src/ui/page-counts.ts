/**
 * The counters outside the list — tab totals and, per namespace, messages, failed sends and requests —
 * tallied in one pass over the inbox and the journal. The page counts while it renders; the live feed
 * counts once per change for every connected page.
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';
import { isFailedSend } from './journal-view.js';
import type { NamespaceCount, PageCounts } from './page-types.js';

export class NamespaceTally {
  readonly #namespaces = new Map<string, NamespaceCount>();

  #namespace(app: string): NamespaceCount {
    let count = this.#namespaces.get(app);
    if (count === undefined) {
      count = { app, messages: 0, failedSends: 0, requests: 0 };
      this.#namespaces.set(app, count);
    }
    return count;
  }

  addMessage(message: RecordedMessage): void {
    this.#namespace(message.appKey).messages++;
  }

  addRequest(entry: JournalEntry): void {
    if (entry.appKey === null || entry.appKey === '') return;
    const count = this.#namespace(entry.appKey);
    count.requests++;
    if (isFailedSend(entry)) count.failedSends++;
  }

  /** Sorted by name. */
  namespaces(): NamespaceCount[] {
    return [...this.#namespaces.values()].sort((left, right) => left.app.localeCompare(right.app));
  }
}

export function pageCounts(runtime: MockRuntime): PageCounts {
  const tally = new NamespaceTally();
  for (const message of runtime.inbox.newestFirst()) tally.addMessage(message);
  for (const entry of runtime.journal.newestFirst()) tally.addRequest(entry);
  return {
    totals: { messages: runtime.inbox.statistics.stored, requests: runtime.journal.statistics.stored },
    namespaces: tally.namespaces(),
  };
}
