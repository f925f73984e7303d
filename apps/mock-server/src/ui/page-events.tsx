/** @jsxImportSource #html-jsx */
/**
 * The page's live feed: server-sent events fed by `inbox.subscribe()` and `journal.subscribe()`. Each event is
 * one list item rendered on the server (the same HTML a reload shows), for the items that match the page's
 * filters. Bounded: a client that reads too slowly, a gap it cannot replay, or a clear (seen in the
 * statistics) gets one `resync` event telling it to reload the list instead. The subscriptions end when the
 * client disconnects.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { Item, type ListItem } from './page-components.js';
import { type Cursor, cursorOf, messageMatches, parseCursor, requestMatches } from './page-model.js';
import type { PageQuery } from './page-query.js';

/** Items queued for one slow client before it is told to resync instead. */
const maxPending = 1000;
/** Items replayed to a client that reconnects; beyond this it resyncs. */
const maxBacklog = 1000;
/** How often the statistics are compared (to notice a clear). */
const statisticsIntervalMs = 1000;
/** A comment line now and then, so idle proxies keep the connection and a dead one is noticed. */
const keepAliveMs = 15_000;

interface Counts {
  stored: number;
  recorded: number;
  evicted: number;
}

/** Fewer stored than recorded and evicted explain: something was cleared. */
function wasCleared(before: Counts, after: Counts): boolean {
  return after.stored < before.stored + (after.recorded - before.recorded) - (after.evicted - before.evicted);
}

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
  for (const entry of runtime.journal.newestFirst()) {
    if (entry.id <= cursor.request) break;
    if (items.length >= maxBacklog) return undefined;
    items.push({ kind: 'request', entry });
  }
  return items.sort((left, right) => (receivedAt(left) < receivedAt(right) ? -1 : 1));
}

export function streamPageEvents(
  c: Context,
  runtime: MockRuntime,
  query: PageQuery,
  from: string | undefined,
): Response {
  return streamSSE(c, async (stream) => {
    let cursor = parseCursor(from) ?? (parseCursor(cursorOf(runtime)) as Cursor);
    const pending: ListItem[] = [];
    let resync = false;
    let stopped = false;
    let wake: (() => void) | undefined;
    const notify = () => {
      const resolve = wake;
      wake = undefined;
      resolve?.();
    };
    const push = (item: ListItem) => {
      if (pending.length >= maxPending) {
        pending.length = 0;
        resync = true;
      } else {
        pending.push(item);
      }
      notify();
    };

    // Subscribe and read the backlog in one synchronous step: nothing can be recorded in between.
    const stopInbox = runtime.inbox.subscribe((message) => push({ kind: 'message', message }));
    const stopJournal = runtime.journal.subscribe((entry) => push({ kind: 'request', entry }));
    const backlog = backlogSince(runtime, cursor);
    if (backlog === undefined) resync = true;
    else pending.push(...backlog);

    let inboxCounts: Counts = runtime.inbox.statistics;
    let journalCounts: Counts = runtime.journal.statistics;
    let lastWrite = Date.now();
    let keepAliveDue = false;
    const timer = setInterval(() => {
      const inboxNow = runtime.inbox.statistics;
      const journalNow = runtime.journal.statistics;
      if (wasCleared(inboxCounts, inboxNow) || wasCleared(journalCounts, journalNow)) resync = true;
      inboxCounts = inboxNow;
      journalCounts = journalNow;
      if (Date.now() - lastWrite >= keepAliveMs) keepAliveDue = true;
      if (resync || keepAliveDue) notify();
    }, statisticsIntervalMs);
    const stop = () => {
      if (stopped) return;
      stopped = true;
      stopInbox();
      stopJournal();
      clearInterval(timer);
      notify();
    };
    stream.onAbort(stop);

    try {
      while (!stopped && !stream.aborted) {
        if (resync) {
          resync = false;
          pending.length = 0;
          cursor = parseCursor(cursorOf(runtime)) as Cursor;
          await stream.writeSSE({
            event: 'resync',
            data: 'reload the list',
            id: `${cursor.message}.${cursor.request}`,
          });
          lastWrite = Date.now();
          continue;
        }
        const item = pending.shift();
        if (item === undefined) {
          if (keepAliveDue) {
            keepAliveDue = false;
            await stream.write(': keep-alive\n\n');
            lastWrite = Date.now();
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        // Skip what the client already has (a replay and a live item can meet once).
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
        const html = (<Item item={item} query={query} />).html;
        await stream.writeSSE({ event: 'item', data: html, id: `${cursor.message}.${cursor.request}` });
        lastWrite = Date.now();
      }
    } finally {
      stop();
    }
  });
}
