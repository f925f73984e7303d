/**
 * One page's live feed: server-sent events from the shared feed (./page-feed.tsx), for the items that match
 * the page's filters — each the same HTML a reload shows, rendered once for every page that shows it — and
 * the counters outside the list, and JST messages' receipt states as they change (the latest per message, after
 * the items, so a row is there before its receipt changes; those since the version the page saw are replayed
 * when it connects). Bounded: a client that reads too slowly, a gap it cannot replay, or a clear
 * gets one `resync` event telling it to reload the list instead. The page leaves the feed when it disconnects.
 *
 * Framework-free: the events come out one at a time, pulled by the adapter that writes them (serve/ writes
 * them with Hono's `streamSSE`), so a slow client slows the pulls and its backlog stays bounded here.
 */
import { BoundedMap } from '@x/core';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { type FeedEvent, pageFeedOf, type ReceiptEvent } from './page-feed.js';
import { type Cursor, cursorOf, messageMatches, parseCursor, requestMatches } from './page-model.js';
import { parsePageQuery } from './page-query.js';
import type { ListItem, PageCounts } from './page-types.js';

/** Items queued for one slow client before it is told to resync instead. */
const maxPending = 1000;
/** Items replayed to a client that reconnects; beyond this it resyncs. */
const maxBacklog = 1000;
/** A comment line now and then, so idle proxies keep the connection and a dead one is noticed. */
const keepAliveMs = 15_000;

function itemId(item: ListItem): number {
  return item.kind === 'message' ? item.message.id : item.entry.id;
}

function receivedAt(item: ListItem): string {
  return item.kind === 'message' ? item.message.receivedAt : item.entry.receivedAt;
}

/** What was recorded after `cursor`, oldest first; undefined when it cannot be replayed. */
function backlogSince(runtime: MockRuntime, cursor: Cursor): ListItem[] | undefined {
  if (
    cursor.message > runtime.inbox.statistics.recorded ||
    cursor.request > runtime.journal.statistics.recorded
  ) {
    return undefined; // a cursor from before a restart
  }
  const items: ListItem[] = [];
  for (const message of runtime.inbox.newestFirst()) {
    if (message.id <= cursor.message) break;
    if (items.length >= maxBacklog) return undefined;
    items.push({ kind: 'message', message });
  }
  for (const entry of runtime.journal.newestFirst({ withSignatureAsSent: true })) {
    if (entry.id <= cursor.request) break;
    if (items.length >= maxBacklog) return undefined;
    items.push({ kind: 'request', entry });
  }
  return items.sort((left, right) => (receivedAt(left) < receivedAt(right) ? -1 : 1));
}

/** The receipt version a page saw (`receipts=`), or undefined: then no receipt change is replayed. */
function parseReceiptVersion(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/** The counters as the page reads them: tab totals, and per namespace what each tab counts. */
function countsData(counts: PageCounts): string {
  return JSON.stringify(counts);
}

/** A server-sent event: `event:`, `data:` and, when set, `id:` lines. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

/** What the stream writes next: an event, or a comment line (`: text`, the keep-alive). */
export type PageStreamEvent = ServerSentEvent | { readonly comment: string };

/** One page's subscription to the feed. */
export interface PageEventSubscription {
  /**
   * The next event to write, waiting for one; undefined once closed. Call it again only once the previous
   * event is written (the keep-alive counts from then), never twice at once.
   */
  next(): Promise<PageStreamEvent | undefined>;
  /** Leaves the feed (the client went away or the stream ended); a waiting `next()` resolves undefined. */
  close(): void;
}

/**
 * Subscribes a page to the feed: `parameters` are its filters (the first value of each GET parameter), `from`
 * the last event id it saw (`Last-Event-ID`, or `after=` on a first connection), `receiptsFrom` the receipt
 * version it saw (`receipts=`). Joins the feed and reads the backlog at once, in one synchronous step.
 */
export function subscribePageEvents(
  runtime: MockRuntime,
  parameters: Readonly<Record<string, string>>,
  from: string | undefined,
  receiptsFrom?: string | undefined,
): PageEventSubscription {
  const query = parsePageQuery(parameters);
  const feed = pageFeedOf(runtime);
  let cursor = parseCursor(from) ?? (parseCursor(cursorOf(runtime)) as Cursor);
  const pending: FeedEvent[] = [];
  /** Receipt changes not written yet: one per message, the latest, oldest change first. */
  // Latest change per message, oldest first; drained one at a time, which a Map's first key does not do in
  // constant time (see BoundedMap). Never full: past maxPending the page resyncs instead.
  const receipts = new BoundedMap<string, ReceiptEvent>(maxPending + 1);
  let counts: PageCounts | undefined;
  let resync = false;
  let stopped = false;
  let lastWrite = Date.now();
  let handedOut = false;
  let keepAliveDue = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const offerReceipt = (event: ReceiptEvent) => {
    // The requests tab shows no messages; another namespace's messages are not on a page filtered by one.
    if (query.view === 'requests' || (query.app !== undefined && query.app !== event.key.appKey)) return;
    receipts.delete(event.attribute);
    if (receipts.size >= maxPending) {
      receipts.clear();
      resync = true;
    } else {
      receipts.set(event.attribute, event);
    }
  };

  // Join the feed and read the backlog in one synchronous step: nothing can be recorded in between.
  const leave = feed.connect({
    item: (event) => {
      if (pending.length >= maxPending) {
        pending.length = 0;
        resync = true;
      } else {
        pending.push(event);
      }
      notify();
    },
    receipt: (event) => {
      offerReceipt(event);
      notify();
    },
    counts: (next) => {
      counts = next;
      notify();
    },
    resync: () => {
      resync = true;
      notify();
    },
    tick: () => {
      if (Date.now() - lastWrite < keepAliveMs) return;
      keepAliveDue = true;
      notify();
    },
  });
  const backlog = backlogSince(runtime, cursor);
  if (backlog === undefined) resync = true;
  else pending.push(...backlog.map((item) => feed.event(item)));
  // Receipts that changed since the page (or its last receipt event) saw them: also in that same step.
  const receiptsSeen = parseReceiptVersion(receiptsFrom);
  if (receiptsSeen !== undefined && !resync) {
    const changes = runtime.tmc.receipts.tracker.changedSince(receiptsSeen, maxBacklog);
    if (changes === undefined) resync = true;
    else for (const change of changes) offerReceipt(feed.receiptEvent(change));
  }

  const close = () => {
    if (stopped) return;
    stopped = true;
    leave();
    notify();
  };
  const handOut = (event: PageStreamEvent): PageStreamEvent => {
    handedOut = true;
    return event;
  };

  const next = async (): Promise<PageStreamEvent | undefined> => {
    // Asked again, so the adapter wrote what it was handed last: the keep-alive interval counts from now.
    if (handedOut) {
      handedOut = false;
      lastWrite = Date.now();
    }
    while (!stopped) {
      if (resync) {
        resync = false;
        pending.length = 0;
        receipts.clear();
        cursor = parseCursor(cursorOf(runtime)) as Cursor;
        return handOut({
          event: 'resync',
          data: 'reload the list',
          id: `${cursor.message}.${cursor.request}`,
        });
      }
      const event = pending.shift();
      if (event === undefined) {
        const receipt = receipts.shift()?.[1];
        if (receipt !== undefined) return handOut({ event: 'receipt', data: receipt.html(query.reveal) });
        if (counts !== undefined) {
          const data = countsData(counts);
          counts = undefined;
          return handOut({ event: 'counts', data });
        }
        if (keepAliveDue) {
          keepAliveDue = false;
          return handOut({ comment: 'keep-alive' });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      // Skip what the client already has (a replay and a live item can meet once).
      const item = event.item;
      const id = itemId(item);
      if (item.kind === 'message') {
        if (id <= cursor.message) continue;
        cursor = { ...cursor, message: id };
      } else {
        if (id <= cursor.request) continue;
        cursor = { ...cursor, request: id };
      }
      const matches =
        item.kind === 'message' ? messageMatches(item.message, query) : requestMatches(item.entry, query);
      if (!matches) continue;
      return handOut({ event: 'item', data: event.html(query), id: `${cursor.message}.${cursor.request}` });
    }
    return undefined;
  };

  return { next, close };
}
