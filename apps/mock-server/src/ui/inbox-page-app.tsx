/** @jsxImportSource #html-jsx */
/**
 * @module The inbox page at `/`: what an integration sent, live, in a browser — Mailpit for SMS and Qianniu
 * messages. Server-rendered with a string JSX runtime (./html-jsx/: it never enters an AsyncLocalStorage),
 * no front-end build, no external assets (inline CSS and one small inline script, pinned by hash in the
 * Content-Security-Policy). Routes:
 * - `GET /` — the message list (`?view=requests`: the request journal), filtered by plain GET parameters;
 * - `GET /__mock/ui/events` — the same filters as a server-sent event stream of new list items (and of JST
 *   messages' receipt changes since `receipts=`, the version the page saw);
 * - `POST /__mock/ui/clear` — the per-namespace "clear" button (a form): deletes what the tab lists of that
 *   namespace — its messages and failed sends, or its requests.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { namespaceFilter } from '../control/inspection-queries.js';
import type { MockEnv } from '../control/mock-env.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { InboxPage } from './components/inbox-page.js';
import { isFailedSend } from './journal-view.js';
import { streamPageEvents } from './page-events.js';
import { buildPageModel } from './page-model.js';
import { pageSearch, parsePageQuery } from './page-query.js';
import { pageScript } from './page-script.js';
import { pageStyle } from './page-style.js';

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

const pageHeaders = {
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

export function createInboxPageApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  app.get(inboxPagePaths.page, (c) => {
    const query = parsePageQuery(c.req.query());
    const model = buildPageModel(runtime, query, `/${pageSearch(query)}`);
    const body = (<InboxPage model={model} style={pageStyle} script={pageScript} />).html;
    return c.html(`<!doctype html>${body}`, 200, pageHeaders);
  });

  app.get(inboxPagePaths.events, (c) => {
    const query = parsePageQuery(c.req.query());
    return streamPageEvents(
      c,
      runtime,
      query,
      c.req.header('last-event-id') ?? c.req.query('after'),
      c.req.query('receipts'),
    );
  });

  app.post(inboxPagePaths.clear, async (c) => {
    // A cross-site form and a body over 64 KiB never get here: the admin guards in serve/ refuse them first.
    const form = await c.req.parseBody();
    const app = typeof form.app === 'string' && form.app !== '' ? form.app : undefined;
    const filter = namespaceFilter({ app });
    if (form.what === 'requests') {
      runtime.journal.clear(filter);
    } else {
      // The message list shows the namespace's failed sends too: they go with its messages.
      runtime.inbox.clear(filter);
      runtime.journal.clear((entry) => isFailedSend(entry) && (filter === undefined || filter(entry)));
    }
    return c.redirect(safeReturnPath(form.return), 303);
  });

  return app;
}
