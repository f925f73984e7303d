/** @jsxImportSource #html-jsx */
/**
 * The namespace chips: each with what the current tab lists of it (messages and failed sends, or requests)
 * and a "Clear" that deletes exactly that. The live feed keeps the counts current (`data-*` hold all three).
 */
import type { FC } from '#html-jsx/jsx-runtime';
import { pageSearch } from '../page-query.js';
import type { NamespaceCount, PageModel } from '../page-types.js';

/** The chip's count for a tab. */
export function namespaceCountFor(namespace: NamespaceCount, messagesView: boolean): number {
  return messagesView ? namespace.messages + namespace.failedSends : namespace.requests;
}

export const Namespaces: FC<{ model: PageModel }> = ({ model }) => {
  const messagesView = model.query.view === 'messages';
  const what = messagesView ? 'messages' : 'requests';
  const described = messagesView ? 'messages and failed sends' : 'requests';
  return (
    <ul class="namespaces" id="namespaces" aria-label="Namespaces">
      <li class="label">Namespaces</li>
      {model.namespaces.map((namespace) => (
        <li data-namespace={namespace.app}>
          <a href={`/${pageSearch(model.query, { app: namespace.app })}`}>{namespace.app}</a>
          <span class="count">{namespaceCountFor(namespace, messagesView)}</span>
          <form method="post" action="/__mock/ui/clear">
            <input type="hidden" name="app" value={namespace.app} />
            <input type="hidden" name="what" value={what} />
            <input type="hidden" name="return" value={model.self} />
            <button type="submit" title={`Delete the ${described} of ${namespace.app}`}>
              Clear
            </button>
          </form>
        </li>
      ))}
      {model.namespaces.length === 0 ? <li class="label">none yet</li> : null}
    </ul>
  );
};
