/** @jsxImportSource #html-jsx */
/**
 * @module The inbox page: what an integration sent, live, in a browser — Mailpit for SMS and Qianniu
 * messages. Server-rendered with a string JSX runtime (./html-jsx/: it never enters an AsyncLocalStorage),
 * no front-end build, no external assets (inline CSS and one small inline script, pinned by hash in the
 * Content-Security-Policy). Its handlers are plain functions over the runtime; serve/ mounts them on Hono at:
 * - `GET /` — the message list (`?view=requests`: the request journal), filtered by plain GET parameters;
 * - `GET /__mock/ui/events` — the same filters as a server-sent event stream of new list items (and of JST
 *   messages' receipt changes since `receipts=`, the version the page saw): ./page-events.ts;
 * - `POST /__mock/ui/clear` — the per-namespace "clear" button (a form): deletes what the tab lists of that
 *   namespace — its messages and failed sends, or its requests.
 */
import { createHash } from 'node:crypto';
import { namespaceFilter } from '../control/inspection-queries.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { InboxPage } from './components/inbox-page.js';
import { isFailedSend } from './journal-view.js';
import { buildPageModel } from './page-model.js';
import { pageSearch, parsePageQuery } from './page-query.js';
import { pageScript } from './page-script.js';
import { pageStyle } from './page-style.js';

/** Where the page and its two endpoints are served. */
export const inboxPagePaths = { page: '/', events: '/__mock/ui/events', clear: '/__mock/ui/clear' } as const;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** Only the page's own inline style and script run; it talks to its own origin and nothing else. */
const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${sha256(pageStyle)}`,
  `script-src ${sha256(pageScript)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers the page is served with (an HTML `content-type` besides). */
export const inboxPageHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  // Not `no-referrer`: that makes the browser send `Origin: null` with the clear form, which then looks cross-site.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * A path on this server to go back to after a clear: one `/`, then printable ASCII only (what the page puts
 * there is its own percent-encoded URL). Anything else means `/`: another origin (`//evil`, `https://…`,
 * `/\\evil`), and any space, tab, CR or LF — browsers drop tabs and newlines from URLs, so `/\t/evil.example`
 * would be `//evil.example`, and a CR/LF would split the `Location` header.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[\x21-\x7e]*$/.test(value) || value.includes('\\')) {
    return '/';
  }
  const base = 'http://mock.invalid';
  const url = new URL(value, base);
  return url.origin === base ? value : '/';
}

/** The page for a query (the first value of each GET parameter): a whole HTML document. */
export function renderInboxPage(runtime: MockRuntime, parameters: Readonly<Record<string, string>>): string {
  const query = parsePageQuery(parameters);
  const model = buildPageModel(runtime, query, `/${pageSearch(query)}`);
  const body = (<InboxPage model={model} style={pageStyle} script={pageScript} />).html;
  return `<!doctype html>${body}`;
}

/**
 * The clear button: deletes what the form's tab lists of its namespace (`app`; empty or absent for all), and
 * answers where to send the browser back to (a 303 to the form's `return`, when that is a path of this server).
 */
export function clearFromPage(runtime: MockRuntime, form: Readonly<Record<string, unknown>>): string {
  const app = typeof form.app === 'string' && form.app !== '' ? form.app : undefined;
  const filter = namespaceFilter({ app });
  if (form.what === 'requests') {
    runtime.journal.clear(filter);
  } else {
    // The message list shows the namespace's failed sends too: they go with its messages.
    runtime.inbox.clear(filter);
    runtime.journal.clear((entry) => isFailedSend(entry) && (filter === undefined || filter(entry)));
  }
  return safeReturnPath(form.return);
}
