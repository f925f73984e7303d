/** @jsxImportSource #html-jsx */
/** Who a message or an attempt was for: phones masked unless the page reveals them, long ciphertexts shortened. */
import type { FC } from '#html-jsx/jsx-runtime';
import type { RecordedMessage } from '../../state/recorded-message.js';
import type { AttemptRecipient } from '../journal-view.js';
import { recipientDisplay } from '../message-view.js';

export const Recipient: FC<{ value: string; kind: RecordedMessage['recipientKind']; reveal: boolean }> = ({
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

/** The first recipient of an attempt, and how many more. */
export const AttemptRecipients: FC<{ recipients: AttemptRecipient[]; reveal: boolean }> = ({
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
