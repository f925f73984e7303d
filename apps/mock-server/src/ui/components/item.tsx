/** @jsxImportSource #html-jsx */
/** One list row, as the page and the live feed render it (the same HTML either way). */
import type { FC } from '#html-jsx/jsx-runtime';
import type { PageQuery } from '../page-query.js';
import type { ListItem } from '../page-types.js';
import { MessageItem } from './message-item.js';
import { RequestItem } from './request-item.js';

/** What a row's HTML depends on besides the item: a row rendered for one is the same for any page with it. */
export type ItemVariant = Pick<PageQuery, 'view' | 'reveal'>;

export const Item: FC<{ item: ListItem; variant: ItemVariant }> = ({ item, variant }) =>
  item.kind === 'message' ? (
    <MessageItem message={item.message} reveal={variant.reveal} receipt={item.receipt} />
  ) : (
    <RequestItem entry={item.entry} reveal={variant.reveal} asAttempt={variant.view === 'messages'} />
  );
