/** @jsxImportSource #html-jsx */
/**
 * @module The inbox page at `/`: what an integration sent, live, in a browser — Mailpit for SMS and Qianniu
 * messages. Server-rendered with a string JSX runtime (./html-jsx/: it never enters an AsyncLocalStorage),
 * no front-end build, no external assets (inline CSS and one small inline script, pinned by hash in the
 * Content-Security-Policy). Routes:
 * - `GET /` — the message list (`?view=requests`: the request journal), filtered by plain GET parameters;
 * - `GET /__mock/ui/events` — the same filters as a server-sent event stream of new list items;
 * - `POST /__mock/ui/clear` — the per-namespace "clear" button (a form; the same clear as `DELETE /__mock/messages`).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { namespaceFilter } from '../control/inspection-queries.js';
import type { MockEnv } from '../control/mock-env.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { InboxPage } from './page-components.js';
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

/** The clear form is three short fields. */
const maxClearFormBytes = 16 * 1024;

/** A path on this server to go back to after a clear; anything else (`//evil`, `https://…`) means `/`. */
function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value;
}

/**
 * A form POST from another site must not clear anything: refused when the browser says it is cross-site.
 * Requests without these headers (curl, scripts) are allowed, as `DELETE /__mock/messages` is.
 */
function isCrossSite(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
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
    return streamPageEvents(c, runtime, query, c.req.header('last-event-id') ?? c.req.query('after'));
  });

  app.post(inboxPagePaths.clear, async (c) => {
    if (isCrossSite(c.req.raw)) return c.text('cross-site request refused', 403);
    if (Number(c.req.header('content-length') ?? 0) > maxClearFormBytes) return c.text('form too large', 413);
    const form = await c.req.parseBody();
    const app = typeof form.app === 'string' && form.app !== '' ? form.app : undefined;
    const filter = namespaceFilter({ app });
    if (form.what === 'requests') runtime.journal.clear(filter);
    else runtime.inbox.clear(filter);
    return c.redirect(safeReturnPath(form.return), 303);
  });

  return app;
}
