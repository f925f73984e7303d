/** @jsxImportSource #html-jsx */
/** What an empty list says: nothing matches, or nothing arrived yet and where to point a client. */
import type { FC } from '#html-jsx/jsx-runtime';
import type { PageModel } from '../page-types.js';

export const EmptyList: FC<{ model: PageModel }> = ({ model }) => (
  <div class="empty">
    {model.matched === 0 &&
    (model.query.view === 'messages' ? model.totals.messages : model.totals.requests) > 0
      ? 'Nothing matches these filters.'
      : model.query.view === 'messages'
        ? 'No messages yet. Point a client at this server — TOP at /router/rest, fw199 at /gateway/… — and they appear here as they arrive.'
        : 'No requests yet.'}
  </div>
);
