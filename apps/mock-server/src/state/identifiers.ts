/**
 * The identifiers the mock answers with, each in the shape the platforms use (docs/protocol.md §1.5, §2.3, §2.4).
 * Math.random is enough: these must look real and not collide in a test run, not be unguessable, and this
 * is on the hot path.
 */
import { randomUUID } from 'node:crypto';

const base36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const hex = '0123456789abcdef';

/** Character codes of the identifier being built; reused, so an identifier is one string allocation. */
const codes: number[] = [];

function randomCharacters(alphabet: string, length: number): string {
  // Appending character by character made a new string per character: ~30 allocations per answered send.
  codes.length = length;
  for (let index = 0; index < length; index++) {
    codes[index] = alphabet.charCodeAt((Math.random() * alphabet.length) | 0);
  }
  return String.fromCharCode.apply(null, codes);
}

/**
 * A TOP `request_id`: 12 or 13 characters of lower-case base 36, like `r4lu3uaf87g2` and `15s99ai9wbln1`.
 * Both lengths occur, so clients that assume a fixed length are caught.
 */
export function topRequestId(): string {
  return randomCharacters(base36, Math.random() < 0.5 ? 12 : 13);
}

/** A fw199 `trace_id` (the platform's own is undocumented): 32 lower-case hex characters. */
export function gatewayTraceId(): string {
  return randomCharacters(hex, 32);
}

/** A JST / TID receipt id, like `341623067818673604^0`: 18 digits, then `^0`. */
export function smsReceiptId(): string {
  return `${1 + ((Math.random() * 9) | 0)}${randomCharacters('0123456789', 17)}^0`;
}

/** A Qianniu message id (TPN `result`): a decimal string, like the document's `1234567890`. */
export function qianniuMessageId(): string {
  return `${1 + ((Math.random() * 9) | 0)}${randomCharacters('0123456789', 15)}`;
}

/** A Douyin `message_id`: a UUID, as in the document's example. */
export function douyinMessageId(): string {
  return randomUUID();
}
