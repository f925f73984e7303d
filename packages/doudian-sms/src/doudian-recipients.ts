/**
 * Who a message goes to, in the three forms the client needs: what the gateway echoes (the answer key), what a
 * result may show (masked), and what counts as the same recipient twice (the duplicate key).
 */
import { type DuplicateKey, maskPhoneNumber } from '@x/core';
import { mainlandMobilePattern } from '@x/core/schemas';
import type { DoudianParsedMessage } from './doudian-schemas.js';

/** A result's recipient, when the message went to the buyer of an order. */
export interface DoudianOrderRecipient {
  /** The order id, as sent. */
  readonly order_id: string;
  readonly post_tel?: undefined;
}

/** A result's recipient, when the message went to a phone. */
export interface DoudianPhoneRecipient {
  /** Empty, as the gateway echoes it for `biz_type` 0. */
  readonly order_id: '';
  /**
   * The phone, masked: a plain number keeps its first 3 and last 4 digits (`138****8000`), a Douyin ciphertext
   * its first 12 characters (`$DcwmMAKzUZz…`). Enough to find it in your own data, never the number.
   */
  readonly post_tel: string;
}

/** Which recipient a result belongs to; `post_tel` is present exactly for messages to a phone. */
export type DoudianRecipient = DoudianOrderRecipient | DoudianPhoneRecipient;

// A ciphertext is not a phone number, but its prefix is enough to recognise it, and nothing more is needed.
const ciphertextPrefixLength = 12;

/** `post_tel` as a result or a log may show it. */
export function maskPostTel(postTel: string): string {
  return mainlandMobilePattern.test(postTel)
    ? maskPhoneNumber(postTel)
    : `${postTel.slice(0, ciphertextPrefixLength)}…`;
}

/** The recipient a result of `message` shows. */
export function recipientOf(message: DoudianParsedMessage): DoudianRecipient {
  return 'order_id' in message
    ? { order_id: message.order_id }
    : { order_id: '', post_tel: maskPostTel(message.post_tel) };
}

/** What the gateway echoes in a result's `order_id`: the order id, or "" for a message to a phone. */
export function answerKeyOf(message: DoudianParsedMessage): string {
  return 'order_id' in message ? message.order_id : '';
}

/**
 * What counts as the same recipient twice: the same `order_id`, or the same `post_tel` text. A plain number and
 * a ciphertext of the same phone cannot be recognised as one recipient (only Douyin can decrypt the
 * ciphertext), and neither can two ciphertexts of it.
 */
export function duplicateKeyOf(message: DoudianParsedMessage): DuplicateKey {
  return 'order_id' in message
    ? { field: 'order_id', value: message.order_id }
    : { field: 'post_tel', value: message.post_tel };
}
