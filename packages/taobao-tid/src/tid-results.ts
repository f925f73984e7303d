/**
 * What `send()` returns for each item: the gateway's per-item answer (`docs/protocol.md` §2.3) turned into a
 * discriminated union on `ok`, so a failed item cannot be read as a sent one.
 */
import { type BatchRefusedFields, redactText } from '@x/core';
import type { TidResultItem } from './tid-schemas.js';

/** The `module` of a result: returned when the item asked for `additional_info`. */
export interface TidModule {
  /** The receipt (extension) code, e.g. `341623067818673604^0`. */
  readonly code: string;
  /** The length of the SMS signature, as the platform counted it. */
  readonly nameLen: number;
}

/** The gateway sent the item's SMS (item `code` 0). */
export interface TidSendAccepted {
  readonly ok: true;
  /** The order id, as sent (the gateway echoes it). */
  readonly order_id: string;
  /** The platform's request id, for support tickets and receipts. */
  readonly request_id: string;
  /** The gateway's item message, e.g. `success`. */
  readonly message: string;
  /** Receipt details when the item asked for `additional_info: true`; otherwise `null`. */
  readonly module: TidModule | null;
}

/**
 * The item was not sent, or may not have been. `code`/`message` are the gateway's own for an item it
 * refused (e.g. `1`, `Remote service error,请求失败,当前号码的短信发送次数超过当天限制。` — the buyer's
 * daily limit), with any phone number in the message masked; for a failed call they come from the error
 * (`error`), which failed every item of its chunk.
 * `maybeSent` says whether to check receipts before sending again; `retryable` whether resending now is safe.
 */
export interface TidSendRefused extends BatchRefusedFields {
  /** The order id, as sent. */
  readonly order_id: string;
}

/** One item's outcome, in the position of its input item. Narrow on `ok`. */
export type TidSendResult = TidSendAccepted | TidSendRefused;

/**
 * One answer item as a result. A non-zero item code is the platform's verdict that this SMS was not sent;
 * no item code is documented as transient (the one documented failure is a daily limit), so none is retryable.
 */
export function toTidResult(item: TidResultItem): TidSendResult {
  if (item.code === 0) {
    return {
      ok: true,
      order_id: item.order_id,
      request_id: item.request_id,
      message: item.message,
      module: item.module ?? null,
    };
  }
  return {
    ok: false,
    order_id: item.order_id,
    code: item.code,
    // The gateway may quote the buyer's number in the reason: masked, as everywhere else.
    message: redactText(item.message),
    retryable: false,
    maybeSent: false,
  };
}
