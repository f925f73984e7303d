/** @jsxImportSource #html-jsx */
/**
 * The one live feed behind every open inbox page of a mock: it subscribes to the inbox and the journal once
 * (while at least one page is connected), and hands each new item to every page as one shared event whose
 * HTML is rendered at most once per variant (tab × "show" switch) — 200 open pages cost one render per
 * item, not 200. Once a second it also compares the statistics: after a clear every page is told to resync,
 * and after any change every page gets the new counters (tab totals, namespace chips), counted once. A JST
 * message's delivery receipt changing (TMC: published, pushed, confirmed…) reaches every page as one shared
 * receipt event the same way, rendered at most once per "show" switch.
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { ReceiptChange, ReceiptKey } from '../protocol/tmc/receipt-tracker.js';
import { Item, type ItemVariant } from './components/item.js';
import { ReceiptState } from './components/receipt-state.js';
import { pageCounts } from './page-counts.js';
import type { ListItem, PageCounts } from './page-types.js';
import { receiptAttribute, withReceipt } from './receipt-view.js';

/** How often the statistics are compared (to notice a clear, and to send fresh counters). */
const statisticsIntervalMs = 1000;

/** A new list item, shared by every page that shows it. */
export class FeedEvent {
  readonly item: ListItem;
  readonly #rendered = new Map<string, string>();
  readonly #onRender: () => void;
  readonly #runtime: MockRuntime;

  constructor(item: ListItem, runtime: MockRuntime, onRender: () => void) {
    this.item = item;
    this.#runtime = runtime;
    this.#onRender = onRender;
  }

  /** The item's HTML for a tab and switch, rendered on first use and then reused. */
  html(variant: ItemVariant): string {
    const key = `${variant.view}:${variant.reveal}`;
    let html = this.#rendered.get(key);
    if (html === undefined) {
      this.#onRender();
      // The receipt as it stands when first rendered: a later change comes as a receipt event.
      html = (<Item item={withReceipt(this.#runtime, this.item)} variant={variant} />).html;
      this.#rendered.set(key, html);
    }
    return html;
  }
}

/** A JST message's receipt changed: its receipt element, shared by every page that shows the message. */
export class ReceiptEvent {
  readonly key: ReceiptKey;
  /** The tracker's version of this change. */
  readonly version: number;
  /** What the page's elements are found by (`data-receipt`); pages queue one event per key, the latest. */
  readonly attribute: string;
  readonly #rendered = new Map<boolean, string>();
  readonly #runtime: MockRuntime;
  readonly #onRender: () => void;

  constructor(change: ReceiptChange, runtime: MockRuntime, onRender: () => void) {
    this.key = { appKey: change.appKey, module: change.module };
    this.version = change.version;
    this.attribute = receiptAttribute(change);
    this.#runtime = runtime;
    this.#onRender = onRender;
  }

  /** The element's HTML (phones masked unless `reveal`), as the receipt stands when first rendered. */
  html(reveal: boolean): string {
    let html = this.#rendered.get(reveal);
    if (html === undefined) {
      this.#onRender();
      const status = this.#runtime.tmc.receipts.tracker.status(this.key);
      html = (<ReceiptState receiptKey={this.key} status={status} reveal={reveal} version={this.version} />)
        .html;
      this.#rendered.set(reveal, html);
    }
    return html;
  }
}

/** One connected page. */
export interface FeedClient {
  /** A new item (the page filters it). */
  item(event: FeedEvent): void;
  /** A JST message's receipt changed (the page replaces the receipt element of that message, if shown). */
  receipt(event: ReceiptEvent): void;
  /** The counters changed. */
  counts(counts: PageCounts): void;
  /** Something was cleared: the page must reload its list. */
  resync(): void;
  /** Once a second: time for a keep-alive, if nothing was written for a while. */
  tick(): void;
}

interface Counts {
  stored: number;
  recorded: number;
  evicted: number;
}

/** Fewer stored than recorded and evicted explain: something was cleared. */
function wasCleared(before: Counts, after: Counts): boolean {
  return after.stored < before.stored + (after.recorded - before.recorded) - (after.evicted - before.evicted);
}

function changed(before: Counts, after: Counts): boolean {
  return before.stored !== after.stored || before.recorded !== after.recorded;
}

export class PageFeed {
  readonly #runtime: MockRuntime;
  readonly #clients = new Set<FeedClient>();
  #renders = 0;
  #stop: (() => void) | undefined;

  constructor(runtime: MockRuntime) {
    this.#runtime = runtime;
  }

  /** A shared event for an item read outside the feed (a page's backlog), counted like the others. */
  event(item: ListItem): FeedEvent {
    return new FeedEvent(item, this.#runtime, () => {
      this.#renders++;
    });
  }

  /** A shared receipt event for a change read outside the feed (a page's replay), counted like the others. */
  receiptEvent(change: ReceiptChange): ReceiptEvent {
    return new ReceiptEvent(change, this.#runtime, () => {
      this.#renders++;
    });
  }

  /** Adds a page; the returned function removes it. The first page starts the feed, the last stops it. */
  connect(client: FeedClient): () => void {
    this.#clients.add(client);
    if (this.#stop === undefined) this.#stop = this.#start();
    return () => {
      if (!this.#clients.delete(client) || this.#clients.size > 0) return;
      this.#stop?.();
      this.#stop = undefined;
    };
  }

  /**
   * Item and receipt renders so far (one per item or receipt change and variant, however many pages show it)
   * and pages connected.
   */
  get statistics(): { renders: number; clients: number } {
    return { renders: this.#renders, clients: this.#clients.size };
  }

  #broadcast(item: ListItem): void {
    const event = this.event(item);
    for (const client of this.#clients) client.item(event);
  }

  #start(): () => void {
    const runtime = this.#runtime;
    const stopInbox = runtime.inbox.subscribe((message) => this.#broadcast({ kind: 'message', message }));
    const stopJournal = runtime.journal.subscribe((entry) => this.#broadcast({ kind: 'request', entry }), {
      withSignatureAsSent: true,
    });
    const stopReceipts = runtime.tmc.receipts.tracker.subscribe((change) => {
      const event = this.receiptEvent(change);
      for (const client of this.#clients) client.receipt(event);
    });
    let inboxCounts: Counts = runtime.inbox.statistics;
    let journalCounts: Counts = runtime.journal.statistics;
    const timer = setInterval(() => {
      const inboxNow = runtime.inbox.statistics;
      const journalNow = runtime.journal.statistics;
      const cleared = wasCleared(inboxCounts, inboxNow) || wasCleared(journalCounts, journalNow);
      const counts =
        changed(inboxCounts, inboxNow) || changed(journalCounts, journalNow)
          ? pageCounts(runtime)
          : undefined;
      inboxCounts = inboxNow;
      journalCounts = journalNow;
      for (const client of this.#clients) {
        if (cleared) client.resync();
        if (counts !== undefined) client.counts(counts);
        client.tick();
      }
    }, statisticsIntervalMs);
    return () => {
      stopInbox();
      stopJournal();
      stopReceipts();
      clearInterval(timer);
    };
  }
}

const feeds = new WeakMap<MockRuntime, PageFeed>();

/** The feed of a mock: one per runtime, shared by every page and every app built over it. */
export function pageFeedOf(runtime: MockRuntime): PageFeed {
  let feed = feeds.get(runtime);
  if (feed === undefined) {
    feed = new PageFeed(runtime);
    feeds.set(runtime, feed);
  }
  return feed;
}
