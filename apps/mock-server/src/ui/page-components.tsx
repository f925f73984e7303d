/** @jsxImportSource #html-jsx */
/**
 * The inbox page's markup, server-rendered with the string JSX runtime in ./html-jsx/ (which escapes every
 * text and attribute: message text is user input). The list items are also what the event stream sends, so a
 * live item and a reloaded one are the same HTML.
 */
import type { Child, FC } from '#html-jsx/jsx-runtime';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';
import { type AttemptRecipient, failedItemsOf, summarizeRequest } from './journal-view.js';
import { chinaTime, maskPhone, recipientDisplay, safeHttpUrl, smsPreview } from './message-view.js';
import { type PageQuery, pageSearch, platformLabels, platforms } from './page-query.js';

/** One row of the list: a message that went out, or (in the message list) a request answered with an error. */
export type ListItem =
  | { kind: 'message'; message: RecordedMessage }
  | { kind: 'request'; entry: JournalEntry };

export interface NamespaceCount {
  app: string;
  messages: number;
  requests: number;
}

export interface PageModel {
  query: PageQuery;
  items: ListItem[];
  /** How many items matched before the list was cut to `items`. */
  matched: number;
  /** `<last message id>.<last journal id>`: where the event stream picks up. */
  cursor: string;
  namespaces: NamespaceCount[];
  templates: string[];
  totals: { messages: number; requests: number };
  /** This page's own URL (path and query), where a "clear" comes back to. */
  self: string;
}

const phonePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Masks mobile numbers inside free text (parameters, JSON) unless the page reveals them. */
function maskPhones(text: string, reveal: boolean): string {
  return reveal ? text : text.replace(phonePattern, maskPhone);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

const Recipient: FC<{ value: string; kind: RecordedMessage['recipientKind']; reveal: boolean }> = ({
  value,
  kind,
  reveal,
}) => {
  const display = recipientDisplay(value, kind, reveal);
  return (
    <span class="recipient" title={display.full}>
      {display.shown} <span class="kind">{display.kind}</span>
    </span>
  );
};

const Time: FC<{ iso: string }> = ({ iso }) => (
  <time datetime={iso} title={`${iso} (UTC)`}>
    {chinaTime(iso)}
  </time>
);

const Facts: FC<{ rows: Array<[string, Child | null | undefined]> }> = ({ rows }) => (
  <dl class="facts">
    {rows
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([name, value]) => (
        <>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </>
      ))}
  </dl>
);

const Phone: FC<{ message: RecordedMessage }> = ({ message }) => {
  const sms = smsPreview(message);
  if (sms !== undefined) {
    return (
      <div class="phone" data-testid="phone">
        <div class="from">{message.seller ?? message.appKey}</div>
        <div class="bubble">
          {sms.signature}
          {sms.body}
        </div>
        <p class="counts">
          {sms.rendered ? '' : '≈ '}
          <span data-testid="characters">{sms.characters}</span> characters ·{' '}
          <span data-testid="segments">{sms.segments}</span> {sms.segments === 1 ? 'SMS' : 'SMS segments'}
          {' (signature included; ≤ 70 is one SMS, longer ones are billed per 67)'}
        </p>
        {sms.rendered ? null : (
          <p class="note">
            Template {message.template} is not configured: the variables' values are shown in its place.
          </p>
        )}
      </div>
    );
  }
  const picture = message.details.picture ?? message.details.pict;
  const pictureUrl = safeHttpUrl(picture);
  return (
    <div class="phone" data-testid="phone">
      <div class="from">Qianniu · {message.template}</div>
      <div class="bubble">
        <span class="title">{message.title ?? `(title from template ${message.template})`}</span>
        {message.text ?? Object.values(message.variables).map(String).join(' ')}
      </div>
      {picture === undefined ? null : (
        <p class="note">
          Picture:{' '}
          {pictureUrl === undefined ? (
            String(picture)
          ) : (
            <a href={pictureUrl} rel="noopener noreferrer" target="_blank">
              {pictureUrl}
            </a>
          )}
        </p>
      )}
      {message.text === null ? (
        <p class="note">Template {message.template} is not configured: the content variables are shown.</p>
      ) : null}
    </div>
  );
};

function messagePreview(message: RecordedMessage): string {
  const sms = smsPreview(message);
  if (sms !== undefined) return sms.signature + sms.body;
  return [message.title, message.text ?? Object.values(message.variables).map(String).join(' ')]
    .filter((part) => part !== null && part !== '')
    .join(' — ');
}

export const MessageItem: FC<{ message: RecordedMessage; reveal: boolean }> = ({ message, reveal }) => {
  const sms = smsPreview(message);
  const qianniu = message.platform === 'qianniu-tpn';
  const details = message.details;
  return (
    <li class="card sent" id={`m-${message.id}`} data-platform={message.platform}>
      <details>
        <summary>
          <span class="row">
            <span class={`badge ${message.platform}`}>{platformLabels[message.platform]}</span>
            <Recipient value={message.recipient} kind={message.recipientKind} reveal={reveal} />
            <span class="grow" />
            <span class="outcome sent">sent</span>
            <Time iso={message.receivedAt} />
          </span>
          <span class="row meta">
            {message.signName === null ? null : <span>{`【${message.signName}】`}</span>}
            <span>{message.template}</span>
            <span>{message.appKey}</span>
            {sms === undefined ? null : (
              <span>
                {sms.rendered ? '' : '≈ '}
                {sms.characters} chars · {sms.segments} SMS
              </span>
            )}
          </span>
          <span class="preview">{messagePreview(message)}</span>
        </summary>
        <div class="body">
          <Phone message={message} />
          <Facts
            rows={[
              ['Platform', `${platformLabels[message.platform]} (${message.api})`],
              [
                'Recipient',
                <Recipient value={message.recipient} kind={message.recipientKind} reveal={reveal} />,
              ],
              ['Signature', message.signName],
              ['Template', message.template],
              ['Namespace', message.appKey],
              ['Seller', message.seller],
              ['Received', <Time iso={message.receivedAt} />],
              ['Request id', message.requestId],
              ['Message id', message.messageId],
              ['Qianniu sub-user', qianniu ? stringOrNull(details.sub_user_id) : null],
              ['Biz id', qianniu ? stringOrNull(details.biz_id) : null],
            ]}
          />
          {qianniu ? (
            <>
              <JsonBlock title="Biz data" value={details.biz_data} reveal={reveal} />
              <JsonBlock title="Mobile biz data" value={details.mobile_biz_data} reveal={reveal} />
            </>
          ) : null}
          <JsonBlock title="Variables" value={message.variables} reveal={reveal} />
          <JsonBlock title="Everything else received" value={details} reveal={reveal} />
        </div>
      </details>
    </li>
  );
};

function stringOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

const JsonBlock: FC<{ title: string; value: unknown; reveal: boolean }> = ({ title, value, reveal }) => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return (
    <div class="wide">
      <h4>{title}</h4>
      <pre>{maskPhones(json(value), reveal)}</pre>
    </div>
  );
};

const AttemptRecipients: FC<{ recipients: AttemptRecipient[]; reveal: boolean }> = ({
  recipients,
  reveal,
}) => {
  if (recipients.length === 0) return <span class="recipient">unknown recipient</span>;
  const first = recipients[0] as AttemptRecipient;
  return (
    <>
      <Recipient value={first.value} kind={first.kind} reveal={reveal} />
      {recipients.length > 1 ? <span class="kind">and {recipients.length - 1} more</span> : null}
    </>
  );
};

function verdictText(entry: JournalEntry): string {
  const verdict = entry.verdict;
  if (verdict.outcome === 'accepted') {
    const failed = verdict.failedItems > 0 ? `, ${verdict.failedItems} failed items` : '';
    return `accepted: ${verdict.recorded} recorded${failed}`;
  }
  const sub = verdict.subCode === undefined ? '' : ` (${verdict.subCode})`;
  return `${verdict.code} ${verdict.message}${sub}`;
}

/**
 * A journal entry. In the message list (`asAttempt`) it stands for a send that was answered with an error,
 * and reads like a message; in the journal tab it reads like a request.
 */
export const RequestItem: FC<{ entry: JournalEntry; reveal: boolean; asAttempt: boolean }> = ({
  entry,
  reveal,
  asAttempt,
}) => {
  const summary = summarizeRequest(entry);
  const verdict = entry.verdict;
  const rejected = verdict.outcome === 'rejected';
  // In the message list an accepted request stands for the messages its answer failed.
  const failedItems = asAttempt ? failedItemsOf(entry) : 0;
  const outcome = rejected
    ? `rejected: ${verdictText(entry)}`
    : failedItems > 0 && verdict.outcome === 'accepted'
      ? `failed: ${failedItems} of ${failedItems + verdict.recorded} not sent`
      : verdictText(entry);
  const signature = entry.signature;
  return (
    <li
      class={`card ${rejected || failedItems > 0 ? 'rejected' : 'accepted'}`}
      id={`r-${entry.id}`}
      data-platform={summary.platform ?? ''}
    >
      <details>
        <summary>
          <span class="row">
            {summary.platform === undefined ? (
              <span class="badge">{entry.api ?? entry.path}</span>
            ) : (
              <span class={`badge ${summary.platform}`}>{platformLabels[summary.platform]}</span>
            )}
            {asAttempt ? (
              <AttemptRecipients recipients={summary.recipients} reveal={reveal} />
            ) : (
              <span class="recipient">
                {entry.method} {entry.path}
              </span>
            )}
            <span class="grow" />
            <span class={`outcome ${rejected || failedItems > 0 ? 'rejected' : 'sent'}`}>{outcome}</span>
            <Time iso={entry.receivedAt} />
          </span>
          <span class="row meta">
            {summary.signName === undefined ? null : <span>{`【${summary.signName}】`}</span>}
            {summary.template === undefined ? null : <span>{summary.template}</span>}
            <span>{entry.appKey ?? 'no app key'}</span>
            {asAttempt ? null : <span>HTTP {entry.httpStatus}</span>}
          </span>
          {rejected ? <span class="preview reason">{verdict.reason}</span> : null}
          {failedItems > 0 ? (
            <span class="preview reason">
              The answer failed {failedItems === 1 ? 'one message' : `${failedItems} messages`} of this
              request (per-item codes are in the answer); the ones sent are listed as messages.
            </span>
          ) : null}
        </summary>
        <div class="body single">
          <Facts
            rows={[
              ['Request', `${entry.method} ${entry.path}`],
              ['API', entry.api],
              ['Namespace', entry.appKey],
              ['Content type', entry.contentType],
              ['Answer', `HTTP ${entry.httpStatus} · ${verdictText(entry)}`],
              ['Sub message', rejected ? verdict.subMessage : null],
              ['Why', rejected ? <span class="reason">{verdict.reason}</span> : null],
              ['Request id', entry.requestId],
              ['Received', <Time iso={entry.receivedAt} />],
            ]}
          />
          {signature === undefined ? null : (
            <div class="wide diagnostic" data-testid="signature-diagnostic">
              <h4>Signature diagnostic</h4>
              <Facts
                rows={[
                  ['Method', signature.signMethod],
                  ['Received', signature.received ?? '(none)'],
                  ['Expected', signature.expected ?? '(not computed)'],
                  ['HMAC key', signature.hmacKey],
                ]}
              />
              <h4>String signed by the mock (compare with your client's)</h4>
              <pre>{maskPhones(signature.signedString ?? '(none)', reveal)}</pre>
            </div>
          )}
          {entry.notes.length === 0 ? null : (
            <div class="wide">
              <h4>Notes</h4>
              <ul>
                {entry.notes.map((note) => (
                  <li>{note}</li>
                ))}
              </ul>
            </div>
          )}
          <JsonBlock title="Parameters (secrets masked)" value={entry.params} reveal={reveal} />
          {asAttempt ? (
            <p class="wide">
              <a href={`/${pageSearch({ view: 'requests', reveal }, {})}#r-${entry.id}`}>
                Open in the request journal
              </a>
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
};

export const Item: FC<{ item: ListItem; query: PageQuery }> = ({ item, query }) =>
  item.kind === 'message' ? (
    <MessageItem message={item.message} reveal={query.reveal} />
  ) : (
    <RequestItem entry={item.entry} reveal={query.reveal} asAttempt={query.view === 'messages'} />
  );

const Select: FC<{
  name: string;
  label: string;
  value: string | undefined;
  options: Array<[string, string]>;
}> = ({ name, label, value, options }) => (
  <label>
    {label}
    <select name={name}>
      {options.map(([optionValue, text]) => (
        <option value={optionValue} selected={optionValue === (value ?? '')}>
          {text}
        </option>
      ))}
    </select>
  </label>
);

const Filters: FC<{ model: PageModel }> = ({ model }) => {
  const { query } = model;
  const messagesView = query.view === 'messages';
  const apps = model.namespaces.map((namespace) => namespace.app);
  if (query.app !== undefined && !apps.includes(query.app)) apps.unshift(query.app);
  return (
    <form class="filters" id="filters" method="get" action="/">
      <input type="hidden" name="view" value={query.view} />
      <label class="search">
        Search
        <input
          type="search"
          name="q"
          value={query.search ?? ''}
          placeholder={
            messagesView ? 'text, signature, order id, request id…' : 'reason, parameter, request id…'
          }
        />
      </label>
      <Select
        name="platform"
        label="Platform"
        value={query.platform}
        options={[
          ['', 'All platforms'],
          ...platforms.map((platform): [string, string] => [platform, platformLabels[platform]]),
        ]}
      />
      <label>
        Recipient
        <input type="text" name="recipient" value={query.recipient ?? ''} placeholder="phone, order, user" />
      </label>
      <label>
        Template
        <input
          type="text"
          name="template"
          value={query.template ?? ''}
          list="templates"
          placeholder="SMS_…"
        />
        <datalist id="templates">
          {model.templates.map((template) => (
            <option value={template} />
          ))}
        </datalist>
      </label>
      <Select
        name="app"
        label="App / namespace"
        value={query.app}
        options={[['', 'All namespaces'], ...apps.map((app): [string, string] => [app, app])]}
      />
      <Select
        name="outcome"
        label="Outcome"
        value={query.outcome}
        options={[
          ['', 'Any outcome'],
          ['sent', messagesView ? 'Sent' : 'Accepted'],
          ['rejected', messagesView ? 'Rejected or failed' : 'Rejected'],
        ]}
      />
      <label class="check">
        <input type="checkbox" name="reveal" value="1" checked={query.reveal} /> Show phone numbers
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          Filter
        </button>
        <a href={`/${pageSearch({ view: query.view, reveal: query.reveal })}`}>Reset</a>
      </div>
    </form>
  );
};

const Namespaces: FC<{ model: PageModel }> = ({ model }) => {
  const messagesView = model.query.view === 'messages';
  const what = messagesView ? 'messages' : 'requests';
  return (
    <ul class="namespaces" id="namespaces" aria-label="Namespaces">
      <li class="label">Namespaces</li>
      {model.namespaces.map((namespace) => (
        <li data-namespace={namespace.app}>
          <a href={`/${pageSearch(model.query, { app: namespace.app })}`}>{namespace.app}</a>
          <span class="count">{messagesView ? namespace.messages : namespace.requests}</span>
          <form method="post" action="/__mock/ui/clear">
            <input type="hidden" name="app" value={namespace.app} />
            <input type="hidden" name="what" value={what} />
            <input type="hidden" name="return" value={model.self} />
            <button type="submit" title={`Clear the ${what} of ${namespace.app}`}>
              Clear
            </button>
          </form>
        </li>
      ))}
      {model.namespaces.length === 0 ? <li class="label">none yet</li> : null}
    </ul>
  );
};

const Empty: FC<{ model: PageModel }> = ({ model }) => (
  <div class="empty">
    {model.matched === 0 &&
    (model.query.view === 'messages' ? model.totals.messages : model.totals.requests) > 0
      ? 'Nothing matches these filters.'
      : model.query.view === 'messages'
        ? 'No messages yet. Point a client at this server — TOP at /router/rest, fw199 at /gateway/… — and they appear here as they arrive.'
        : 'No requests yet.'}
  </div>
);

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
              Messages<span class="count">{model.totals.messages}</span>
            </a>
            <a
              href={`/${pageSearch(query, { view: 'requests' })}`}
              aria-current={messagesView ? undefined : 'page'}
            >
              Request journal<span class="count">{model.totals.requests}</span>
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
            <ol class="list" id="list" data-after={model.cursor}>
              {model.items.map((item) => (
                <Item item={item} query={query} />
              ))}
            </ol>
            <Empty model={model} />
          </div>
        </main>
        <script dangerouslySetInnerHTML={{ __html: script }} />
      </body>
    </html>
  );
};
