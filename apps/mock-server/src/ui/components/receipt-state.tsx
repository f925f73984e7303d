/** @jsxImportSource #html-jsx */
/**
 * A JST message's delivery receipt, in one element a live receipt event replaces whole (found by its
 * `data-receipt`): not yet receipted, queued for its due time, never (a magic number), or published — the
 * receipt's `state` and `err_code`, and where the TMC message stands in each group (pushed, confirmed,
 * failed, redelivered). The receipt's `receiver` is a phone number: masked unless the page reveals it.
 */
import type { FC } from '#html-jsx/jsx-runtime';
import type { ReceiptKey, SmsReceiptStatus } from '../../protocol/tmc/receipt-tracker.js';
import type { ShownReceipt } from '../page-types.js';
import { receiptAttribute } from '../receipt-view.js';
import { Recipient } from './recipient.js';
import { Time } from './time.js';

/** The state the element is styled and tested by: one group's state, or `mixed` when the groups differ. */
export function receiptState(status: ShownReceipt | undefined): string {
  if (status === undefined) return 'none';
  if (status === 'off') return 'off';
  if (status.phase !== 'published') return status.phase;
  const states = new Set(status.deliveries.map((delivery) => delivery.state));
  if (states.size === 0) return 'dropped';
  return states.size === 1 ? ([...states][0] as string) : 'mixed';
}

const tmcStateWords: Record<string, string> = {
  queued: 'queued, no consumer yet',
  pushed: 'pushed',
  confirmed: 'confirmed',
  failed: 'failed by the consumer',
  redelivered: 'redelivered',
};

const Published: FC<{ status: Extract<SmsReceiptStatus, { phase: 'published' }>; reveal: boolean }> = ({
  status,
  reveal,
}) => {
  const many = status.deliveries.length > 1;
  return (
    <>
      <span class="receipt-result" data-result={status.state === '1' ? 'delivered' : 'failed'}>
        {status.state === '1' ? 'delivered' : 'failed'} {status.errorCode}
      </span>
      <span>
        {status.deliveries.length === 0
          ? 'no longer queued (cleared)'
          : status.deliveries
              .map(
                (delivery) =>
                  `${many ? `${delivery.group}: ` : ''}${tmcStateWords[delivery.state] ?? delivery.state}` +
                  (delivery.attempts > 1 ? ` (attempt ${delivery.attempts})` : ''),
              )
              .join(', ')}
      </span>
      <span>
        to <Recipient value={status.receiver} kind="phone" reveal={reveal} />
      </span>
    </>
  );
};

export const ReceiptState: FC<{
  receiptKey: ReceiptKey;
  status: ShownReceipt | undefined;
  reveal: boolean;
  /** On a live receipt event: the tracker's version of the change (the page asks for what came after). */
  version?: number | undefined;
}> = ({ receiptKey, status, reveal, version }) => (
  <span
    class="receipt"
    data-receipt={receiptAttribute(receiptKey)}
    data-state={receiptState(status)}
    data-version={version === undefined ? undefined : String(version)}
  >
    <span class="receipt-label">receipt</span>
    {status === undefined ? (
      <span>not yet receipted</span>
    ) : status === 'off' ? (
      <span>off (tmc.receipts)</span>
    ) : status.phase === 'due' ? (
      <span>
        queued, due <Time iso={new Date(status.publishAt).toISOString()} />
      </span>
    ) : status.phase === 'never' ? (
      <span>never (magic number)</span>
    ) : (
      <Published status={status} reveal={reveal} />
    )}
  </span>
);
