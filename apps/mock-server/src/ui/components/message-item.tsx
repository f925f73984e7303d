/** @jsxImportSource #html-jsx */
/** A message that went out: its summary line, and opened, the phone preview and everything received. */
import type { FC } from '#html-jsx/jsx-runtime';
import type { RecordedMessage } from '../../state/recorded-message.js';
import { smsPreview, variablesText } from '../message-view.js';
import { platformLabels } from '../page-query.js';
import type { ShownReceipt } from '../page-types.js';
import { hasReceipt, receiptKeyOf } from '../receipt-view.js';
import { Facts } from './facts.js';
import { JsonBlock } from './json-block.js';
import { PhonePreview } from './phone-preview.js';
import { ReceiptState } from './receipt-state.js';
import { Recipient } from './recipient.js';
import { Time } from './time.js';

/** The one line under the summary: the text, or — when it is not known — the variables, said as such. */
function messagePreview(message: RecordedMessage): string {
  const sms = smsPreview(message);
  if (sms !== undefined) {
    return sms.rendered
      ? sms.signature + sms.body
      : `text not known · variables: ${variablesText(message.variables)}`;
  }
  if (message.text === null) return `text not known · variables: ${variablesText(message.variables)}`;
  return [message.title, message.text].filter((part) => part !== null && part !== '').join(' — ');
}

function stringOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

export const MessageItem: FC<{
  message: RecordedMessage;
  reveal: boolean;
  /** A JST message's delivery receipt as it stands (undefined: not tracked; `off`: the mock publishes none). */
  receipt?: ShownReceipt | undefined;
}> = ({ message, reveal, receipt }) => {
  const sms = smsPreview(message);
  const qianniu = message.platform === 'qianniu-tpn';
  const details = message.details;
  return (
    <li class="card sent" id={`m-${message.id}`} data-platform={message.platform} data-app={message.appKey}>
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
            {sms === undefined ? null : sms.rendered ? (
              <span>
                {sms.characters} chars · {sms.segments} SMS
              </span>
            ) : (
              <span>text not known</span>
            )}
          </span>
          <span class="preview">{messagePreview(message)}</span>
          {hasReceipt(message) ? (
            <span class="row meta">
              <ReceiptState receiptKey={receiptKeyOf(message)} status={receipt} reveal={reveal} />
            </span>
          ) : null}
        </summary>
        <div class="body">
          <PhonePreview message={message} />
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
