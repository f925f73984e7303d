/**
 * What `send()` returns for each message: the gateway's per-item answer (`docs/protocol.md` §2.4) turned into a
 * discriminated union on `ok`, with the recipient it belongs to.
 */
import { type BatchRefusedFields, redactText } from '@x/core';
import type { DoudianRecipient } from './doudian-recipients.js';
import type { DoudianResultItem } from './doudian-schemas.js';

/** The fields of a sent message besides its recipient. */
export interface DoudianAcceptedFields {
  readonly ok: true;
  /** The message's unique id (a UUID), as in delivery receipts. */
  readonly message_id: string;
  /** The gateway's item message; the document shows `""`. */
  readonly message: string;
}

/** The gateway sent the message (item `code` 0). `order_id`, or a masked `post_tel`, says to whom. */
export type DoudianSendAccepted = DoudianAcceptedFields & DoudianRecipient;

/**
 * The message was not sent, or may not have been. `code`/`message` are the gateway's own for a message it
 * refused, with any phone number in the message masked; for a failed call they come from the error (`error`),
 * which failed every message of its chunk.
 * `maybeSent` says whether to check receipts before sending again; `retryable` whether resending now is safe.
 */
export type DoudianSendRefused = BatchRefusedFields & DoudianRecipient;

/** One message's outcome, in the position of its input message. Narrow on `ok`. */
export type DoudianSendResult = DoudianSendAccepted | DoudianSendRefused;

/**
 * One answer item as the result of the message it was paired with. A non-zero item code is the platform's
 * verdict that this message was not sent; none is documented as transient, so none is retryable.
 */
export function toDoudianResult(item: DoudianResultItem, recipient: DoudianRecipient): DoudianSendResult {
  if (item.code === 0) return { ok: true, message_id: item.message_id, message: item.message, ...recipient };
  return {
    ok: false,
    code: item.code,
    // The gateway may quote the phone in the reason: masked, as `post_tel` is.
    message: redactText(item.message),
    retryable: false,
    maybeSent: false,
    ...recipient,
  };
}
