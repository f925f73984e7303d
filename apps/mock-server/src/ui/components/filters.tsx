/** @jsxImportSource #html-jsx */
/**
 * The filter form: plain GET parameters, so it works without JavaScript. Its link back to the unfiltered
 * list is "Remove filters" — never "Reset", which next to the namespaces' "Clear" (and `/__mock/reset`, which
 * wipes data) could be read as deleting something.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import { pageSearch, platformLabels, platforms } from '../page-query.js';
import type { PageModel } from '../page-types.js';

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

export const Filters: FC<{ model: PageModel }> = ({ model }) => {
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
          ['rejected', messagesView ? 'Rejected or failed' : 'Rejected or partly failed'],
        ]}
      />
      <label class="check">
        <input type="checkbox" name="reveal" value="1" checked={query.reveal} /> Show phone numbers and
        sessions
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          Filter
        </button>
        <a href={`/${pageSearch({ view: query.view, reveal: query.reveal })}`} data-testid="remove-filters">
          Remove filters
        </a>
      </div>
    </form>
  );
};
