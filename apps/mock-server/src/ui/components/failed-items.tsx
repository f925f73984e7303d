/** @jsxImportSource #html-jsx */
/**
 * The items of a request that its answer failed, one line each: which item, its order id (or recipient) and
 * the platform's code and message — in the summary, so they show without opening the request.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import type { JournalEntry } from '../../state/request-journal.js';
import { failedItemViews } from '../journal-view.js';
import { maskPhonesIn } from '../masked-text.js';
import { Recipient } from './recipient.js';

export const FailedItems: FC<{ entry: JournalEntry; reveal: boolean }> = ({ entry, reveal }) => {
  const failures = failedItemViews(entry);
  if (failures.length === 0) return null;
  return (
    <span class="failures" data-testid="failed-items">
      {failures.map((failure) => (
        <span class="failure">
          <span class="kind">item {failure.item + 1}</span>{' '}
          {failure.recipient === undefined ? null : (
            <Recipient value={failure.recipient.value} kind={failure.recipient.kind} reveal={reveal} />
          )}{' '}
          <span class="reason">
            {String(failure.code)} {maskPhonesIn(failure.message, reveal)}
          </span>
        </span>
      ))}
    </span>
  );
};
