/**
 * Phone numbers in free text the page shows (parameters, JSON, the signed string), masked with `@x/core`'s
 * `maskPhoneNumber` unless the page reveals them. An id field keeps its value: an order id such as
 * `19900000200` looks like a mobile number, but it is not one.
 */
import { maskPhoneNumber } from '@x/core';

const phoneFields = ['phone_number', 'post_tel', 'mobile', 'phone', 'tel'].join('|');

/**
 * One pass, three alternatives (also when the JSON is itself escaped in a JSON string):
 * 1. an id field (`"order_id": "…"`, `"biz_id": 1…`, `"user_id"`, `"tid"` …) — kept;
 * 2. a phone field — its value masked, whatever its length (`1234567890` is a test number too);
 * 3. a mobile number standing alone, not part of a longer digit run — masked.
 */
const maskedPattern = new RegExp(
  [
    String.raw`(\\?"[A-Za-z_]*id\\?"\s*:\s*\\?"?)([^"\\,}\]\s]*)`,
    String.raw`(\\?"(?:${phoneFields})\\?"\s*:\s*\\?")([^"\\]*)`,
    String.raw`(?<!\d)1\d{10}(?!\d)`,
  ].join('|'),
  'g',
);

export function maskPhonesIn(text: string, reveal: boolean): string {
  if (reveal) return text;
  return text.replace(
    maskedPattern,
    (
      match,
      idPrefix: string | undefined,
      _id,
      phonePrefix: string | undefined,
      phone: string | undefined,
    ) => {
      if (idPrefix !== undefined) return match;
      if (phonePrefix !== undefined) return phonePrefix + (phone === '' ? '' : maskPhoneNumber(phone ?? ''));
      return maskPhoneNumber(match);
    },
  );
}

/** Pretty JSON for a block on the page. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
