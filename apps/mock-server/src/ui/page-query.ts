/**
 * The inbox page's query string: the tab, the filters and the phone toggle. Plain GET parameters, so every
 * filter works without JavaScript; read leniently (an unknown value is ignored, never a 400), because a page
 * should always render.
 */
import type { MessagePlatform } from '../state/recorded-message.js';

export type PageView = 'messages' | 'requests';

/** `sent` is a message answered as sent (a journal entry `accepted`); `rejected` a request answered with an error. */
export type OutcomeFilter = 'sent' | 'rejected';

export interface PageQuery {
  view: PageView;
  platform?: MessagePlatform;
  /** A part of the recipient (full phone number, order id, ciphertext, Qianniu user id). */
  recipient?: string;
  /** Exact template code / id / key. */
  template?: string;
  /** Exact namespace: TOP app key or gateway appid. */
  app?: string;
  outcome?: OutcomeFilter;
  /** Free text, case-insensitive, over everything shown. */
  search?: string;
  /** Show phone numbers in full (masked by default). */
  reveal: boolean;
}

export const platforms: readonly MessagePlatform[] = [
  'taobao-jst',
  'qianniu-tpn',
  'taobao-tid',
  'doudian-sms',
];

export const platformLabels: Readonly<Record<MessagePlatform, string>> = {
  'taobao-jst': 'Taobao JST SMS',
  'qianniu-tpn': 'Qianniu',
  'taobao-tid': 'Taobao TID SMS',
  'doudian-sms': 'Douyin SMS',
};

/** Longest filter value read; longer input is cut (a page must not echo megabytes back). */
const maxFilterLength = 200;

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim().slice(0, maxFilterLength);
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function parsePageQuery(query: Readonly<Record<string, string | undefined>>): PageQuery {
  const platform = platforms.find((candidate) => candidate === query.platform);
  const outcome = query.outcome === 'sent' || query.outcome === 'accepted' ? 'sent' : query.outcome;
  const parsed: PageQuery = {
    view: query.view === 'requests' ? 'requests' : 'messages',
    reveal: query.reveal === '1' || query.reveal === 'on' || query.reveal === 'true',
  };
  if (platform !== undefined) parsed.platform = platform;
  if (outcome === 'sent' || outcome === 'rejected') parsed.outcome = outcome;
  const recipient = text(query.recipient);
  if (recipient !== undefined) parsed.recipient = recipient;
  const template = text(query.template);
  if (template !== undefined) parsed.template = template;
  const app = text(query.app);
  if (app !== undefined) parsed.app = app;
  const search = text(query.q);
  if (search !== undefined) parsed.search = search;
  return parsed;
}

/** The query string for `query` with `changes` applied, without empty fields: `?view=requests&app=…`. */
export function pageSearch(query: PageQuery, changes: Partial<PageQuery> = {}): string {
  const merged = { ...query, ...changes };
  const search = new URLSearchParams();
  if (merged.view !== 'messages') search.set('view', merged.view);
  if (merged.platform !== undefined) search.set('platform', merged.platform);
  if (merged.recipient !== undefined) search.set('recipient', merged.recipient);
  if (merged.template !== undefined) search.set('template', merged.template);
  if (merged.app !== undefined) search.set('app', merged.app);
  if (merged.outcome !== undefined) search.set('outcome', merged.outcome);
  if (merged.search !== undefined) search.set('q', merged.search);
  if (merged.reveal) search.set('reveal', '1');
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Whether any filter (not the tab, not the phone toggle) is set. */
export function isFiltered(query: PageQuery): boolean {
  return (
    query.platform !== undefined ||
    query.recipient !== undefined ||
    query.template !== undefined ||
    query.app !== undefined ||
    query.outcome !== undefined ||
    query.search !== undefined
  );
}
