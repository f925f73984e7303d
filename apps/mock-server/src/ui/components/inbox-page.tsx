/** @jsxImportSource #html-jsx */
/**
 * The whole inbox page, server-rendered with the string JSX runtime in ../html-jsx/ (which escapes every
 * text and attribute: message text is user input). The list items are also what the event stream sends, so a
 * live item and a reloaded one are the same HTML.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import { pageSearch } from '../page-query.js';
import type { PageModel } from '../page-types.js';
import { EmptyList } from './empty-list.js';
import { Filters } from './filters.js';
import { Item } from './item.js';
import { Namespaces } from './namespaces.js';

/** Inline, so the browser does not ask the server for /favicon.ico. */
const favicon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="#ff5000"/><path d="M4 5h8v5H7l-3 2z" fill="#fff"/></svg>',
)}`;

export const InboxPage: FC<{ model: PageModel; style: string; script: string }> = ({
  model,
  style,
  script,
}) => {
  const { query } = model;
  const messagesView = query.view === 'messages';
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{messagesView ? 'Inbox' : 'Request journal'} · @x/mock-server</title>
        <link rel="icon" href={favicon} />
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body data-view={query.view}>
        <header class="top">
          <h1>
            Mock inbox<small>@x/mock-server · times in GMT+8</small>
          </h1>
          <span class="live" id="live" data-state="static">
            reload to update
          </span>
          <nav class="tabs" id="tabs">
            <a
              href={`/${pageSearch(query, { view: 'messages' })}`}
              aria-current={messagesView ? 'page' : undefined}
            >
              Messages
              <span class="count" data-count="messages">
                {model.totals.messages}
              </span>
            </a>
            <a
              href={`/${pageSearch(query, { view: 'requests' })}`}
              aria-current={messagesView ? undefined : 'page'}
            >
              Request journal
              <span class="count" data-count="requests">
                {model.totals.requests}
              </span>
            </a>
          </nav>
        </header>
        <main>
          <Filters model={model} />
          <Namespaces model={model} />
          <div id="content">
            <p class="summary" id="summary">
              <span id="shown">{model.items.length}</span>
              {model.matched > model.items.length ? ` of ${model.matched}` : ''}{' '}
              {messagesView ? 'messages and failed sends' : 'requests'}, newest first
              {model.matched > model.items.length ? ' — narrow the filters to see older ones' : ''}
            </p>
            <ol class="list" id="list" data-after={model.cursor} data-receipts={String(model.receiptVersion)}>
              {model.items.map((item) => (
                <Item item={item} variant={query} />
              ))}
            </ol>
            <EmptyList model={model} />
          </div>
        </main>
        <script dangerouslySetInnerHTML={{ __html: script }} />
      </body>
    </html>
  );
};
